import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgresql } from '../support/embedded-postgresql';

/**
 * `npm test` starts the throwaway PostgreSQL and then waits for vitest synchronously, so nothing
 * in its process reads what the server writes. The server must go on serving whatever it logs.
 */
describe('throwaway PostgreSQL for the test run', () => {
  it('keeps answering while its parent is blocked, after far more than a pipe holds of log', async () => {
    const server = await startEmbeddedPostgresql();
    try {
      // 3,000 failing statements: each logs an ERROR and the statement (≈ 250 KB in all).
      const client = `
        import pg from 'pg';
        const client = new pg.Client({ connectionString: process.env.URL });
        await client.connect();
        for (let i = 0; i < 3000; i++) await client.query('SELECT 1 / 0 AS ' + 'x'.repeat(40)).catch(() => undefined);
        const { rows } = await client.query('SELECT 42 AS answer');
        console.log(rows[0].answer);
        await client.end();`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', client], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { ...process.env, URL: server.url },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.error, run.stderr).toBeUndefined();
      expect(run.stdout.trim()).toBe('42');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
