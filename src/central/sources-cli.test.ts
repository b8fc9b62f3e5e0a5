import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { openPglite } from './db/sql-client';
import { authenticateSource } from './intake/intake-service';

/** `npm run central:sources`: issue a partner's or the Loket's key, list the sources, revoke a key. */
describe('the sources command line', () => {
  it('issues a key that signs the source in with its own rights, lists it, and revokes it', async () => {
    const temp = makeTempDir('cjib-sources-');
    try {
      const run = (...args: string[]) =>
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(import.meta.dirname, 'sources-cli.ts'), ...args, '--data-dir', temp.dir],
          {
            env: { ...process.env, DATABASE_URL: '', MIGRATION_DATABASE_URL: '' },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      const cakKey = run('add', '--id', 'cak', '--name', 'CAK', '--kinds', 'cak').trim();
      const loketKey = run('add', '--id', 'digitaal-loket', '--name', 'Digitaal Loket', '--requests').trim();
      expect(cakKey).toMatch(/^bron_[\w-]{43}$/);
      expect(run('list')).toBe('cak\tCAK\tcak\ndigitaal-loket\tDigitaal Loket\t— · aanvragen\n');
      expect(() => run('add', '--id', 'x', '--kinds', 'belasting')).toThrow(/Onbekende soort vordering: belasting/);
      expect(run('revoke', '--id', 'cak')).toMatch(/ingetrokken/);

      const db = await openPglite(temp.dir);
      try {
        expect(await authenticateSource(db, cakKey)).toBeNull();
        expect(await authenticateSource(db, loketKey)).toEqual({
          id: 'digitaal-loket',
          displayName: 'Digitaal Loket',
          claimKinds: [],
          submitsRequests: true,
        });
        const audited = await db.query<{ action: string; entity_id: string }>(
          `SELECT action, entity_id FROM audit_log WHERE entity = 'intake_source' ORDER BY id`,
        );
        expect(audited).toEqual([
          { action: 'create', entity_id: 'cak' },
          { action: 'create', entity_id: 'digitaal-loket' },
          { action: 'delete', entity_id: 'cak' },
        ]);
      } finally {
        await db.close();
      }
    } finally {
      temp.cleanup();
    }
  }, 120_000);
});
