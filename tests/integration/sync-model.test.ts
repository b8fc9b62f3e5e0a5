import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import { demoLogin, startTestCentral } from '../support/central';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

// Property: whatever happens between saving and syncing (lost requests, lost answers, duplicates,
// restarts, rebuilds), the sync state machine behaves like the simple model "a set of saved notes
// that the server ends up holding exactly once". Runs against the real server and real SQLite.

type Action = 'add' | 'sync' | 'sync_drop_response' | 'sync_drop_request' | 'sync_duplicate' | 'restart' | 'rebuild';

const action = fc.constantFrom<Action>(
  'add',
  'add',
  'add',
  'sync',
  'sync_drop_response',
  'sync_drop_request',
  'sync_duplicate',
  'restart',
  'rebuild',
);

let server: CentralServer;
let proxy: FaultProxy;
const temp = makeTempDir('cjib-model-');
let runCounter = 0;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 30, claims: 90 } });
  proxy = await startFaultProxy(server.url, 99);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
  temp.cleanup();
});

function openBackend(dbPath: string): Backend {
  return createBackend({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: 'model',
    centralUrl: proxy.url,
    centralTimeoutMs: 1000,
    localUser: null,
    sync: { intervalMs: 3_600_000, pageSize: 40, pushBatchSize: 4 },
  });
}

async function call<T>(backend: Backend, channel: string, request: unknown = {}): Promise<T> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function serverNotes(prefix: string): Promise<string[]> {
  const rows = await server.db.query<{ id: string }>('SELECT id FROM case_notes WHERE text LIKE $1', [`${prefix}%`]);
  return rows.map((r) => r.id).sort();
}

function localNoteIds(dbPath: string): Set<string> {
  const db = new Database(dbPath);
  const ids = new Set((db.raw.prepare('SELECT id FROM case_notes').all() as { id: string }[]).map((r) => r.id));
  db.close();
  return ids;
}

describe('sync state machine against a model', () => {
  it('ends with the server holding exactly the saved notes, and never loses one on the way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 18 }), async (actions) => {
        const run = `model-${++runCounter}-`;
        const dbPath = join(temp.dir, `${run}cache.sqlite`);
        let backend = openBackend(dbPath);
        const saved: string[] = []; // the model
        try {
          await call(backend, 'session.login', demoLogin);
          await call(backend, 'sync.now');
          const claims = (await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 10 })).rows;
          for (const [index, step] of actions.entries()) {
            switch (step) {
              case 'add': {
                const note = await call<{ id: string }>(backend, 'notes.add', {
                  claimId: claims[index % claims.length]?.id,
                  text: `${run}${index}`,
                });
                saved.push(note.id);
                break;
              }
              case 'sync':
                await backend.invoke('sync.now', {});
                break;
              case 'sync_drop_response':
              case 'sync_drop_request':
              case 'sync_duplicate':
                proxy.setFaults({ [step.replace('sync_', '')]: 1 });
                await backend.invoke('sync.now', {});
                proxy.setFaults(null);
                break;
              case 'restart':
                await backend.close();
                backend = openBackend(dbPath);
                await call(backend, 'session.login', demoLogin);
                break;
              case 'rebuild':
                await backend.invoke('sync.rebuild', {});
                break;
            }
            // Invariants at every step: nothing saved is missing locally; the server holds nothing unsaved.
            const local = localNoteIds(dbPath);
            for (const id of saved) expect(local.has(id)).toBe(true);
            for (const id of await serverNotes(run)) expect(saved).toContain(id);
          }
          proxy.setFaults(null);
          const final = await call<{ pendingCommands: number; error: string | null }>(backend, 'sync.now');
          expect(final).toMatchObject({ pendingCommands: 0, error: null });
          expect(await serverNotes(run)).toEqual([...saved].sort());
          const reviews = await call<{ reviews: unknown[] }>(backend, 'reviews.list');
          expect(reviews.reviews).toEqual([]);
        } finally {
          proxy.setFaults(null);
          await backend.close();
        }
      }),
      { numRuns: 25, seed: 20261129 },
    );
  }, 180_000);
});
