import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import { OutboxRepository } from '../../src/main/db/repositories/outbox-repository';
import { SyncStateRepository } from '../../src/main/db/repositories/sync-state-repository';
import { demoLogin, startTestCentral } from '../support/central';
import { call } from '../support/desktop';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * The client's half of "one bad command never stops sync": the app refuses a NUL where a person
 * types, and an entry already in the outbox that the server cannot take (written by an older app)
 * ends up in Conflicten with the server's reason while everything behind it syncs.
 */

let server: CentralServer;
let backend: Backend;
const temp = makeTempDir('cjib-poison-');
const dbPath = join(temp.dir, 'cache.sqlite');

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 30, claims: 90 } });
  backend = createBackend({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: 'test',
    centralUrl: server.url,
    localUser: null,
    sync: { intervalMs: 3_600_000 },
  });
  await call(backend, 'session.login', demoLogin);
  await call(backend, 'sync.now');
});
afterAll(async () => {
  await backend.close();
  await server.close();
  temp.cleanup();
});

async function someClaimId(): Promise<string> {
  const page = await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 });
  return page.rows[0]?.id ?? '';
}

describe('a poisoned command on the desktop', () => {
  it('refuses a NUL typed into a note with a Dutch message, and saves nothing', async () => {
    const claimId = await someClaimId();
    const result = await backend.invoke('notes.add', { claimId, text: 'a\u0000b' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(result.ok ? '' : result.error.message).toMatch(/nul-teken/);
    expect((await call<{ pendingCommands: number }>(backend, 'sync.status')).pendingCommands).toBe(0);
  });

  it('an outbox entry the server refuses goes to Conflicten; the decisions behind it still sync', async () => {
    const claimId = await someClaimId();
    // What an older app could have written: the same command shape, with a NUL in the text.
    const db = new Database(dbPath);
    db.transaction(() =>
      new OutboxRepository(db).add({
        commandId: randomUUID(),
        seq: new SyncStateRepository(db).takeSeq(),
        issuedAt: new Date().toISOString(),
        baseVersion: null,
        type: 'AddCaseNote',
        payload: { noteId: randomUUID(), claimId, text: 'oud\u0000' },
      }),
    );
    db.close();
    await call(backend, 'notes.add', { claimId, text: 'Na de vergiftigde notitie' });
    expect((await call<{ pendingCommands: number }>(backend, 'sync.status')).pendingCommands).toBe(2);

    const status = await call<{ pendingCommands: number; error: string | null }>(backend, 'sync.now');
    expect(status).toMatchObject({ pendingCommands: 0, error: null });
    const reviews = await call<{ reviews: { outcome: string; reason: string }[] }>(backend, 'reviews.list');
    expect(reviews.reviews).toEqual([
      expect.objectContaining({ outcome: 'rejected', reason: expect.stringMatching(/nul-teken/) }),
    ]);
    const stored = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Na de vergiftigde notitie'`,
    );
    expect(stored[0]?.n).toBe(1);
  });
});
