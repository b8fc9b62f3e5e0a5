import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { demoLogin, startTestCentral } from '../support/central';
import { call } from '../support/desktop';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * A damaged cache never stops the app: at start it is checked, set aside, rebuilt from the
 * central API, and the worker's unsent decisions are carried over and delivered exactly once.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function desktop(centralUrl: string, dbPath: string): Backend {
  const backend = createBackend({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: 'test',
    centralUrl,
    localUser: null,
    sync: { intervalMs: 3_600_000 },
  });
  cleanups.push(() => backend.close().catch(() => undefined));
  return backend;
}

interface AppInfo {
  cacheRecovery: { reason: string; keptAs: string; commandsKept: number; commandsUnreadable: boolean } | null;
}

/**
 * Overwrites the pages of the claims table's B-tree (found with dbstat), leaving header, schema and
 * the outbox alone: which page lands where in the file changes with every migration.
 */
function damageClaimsPages(path: string): void {
  const db = new Database(path, { readonly: true });
  const pages = db
    .prepare<[], { pageno: number }>(`SELECT pageno FROM dbstat WHERE name = 'claims' ORDER BY pageno`)
    .all()
    .map((p) => p.pageno);
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  expect(pages.length).toBeGreaterThan(2);
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize, 0xa5);
    for (const page of pages.slice(1)) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged local cache', () => {
  it('is found at start, set aside, rebuilt from the server, and its unsent decision delivered once', async () => {
    const temp = makeTempDir('cjib-recover-');
    cleanups.push(() => temp.cleanup());
    const dataDir = join(temp.dir, 'central');
    let server: CentralServer = await startTestCentral({ dataDir, seed: { persons: 60, claims: 400 } });
    const dbPath = join(temp.dir, 'cache.sqlite');
    const first = desktop(server.url, dbPath);
    await call(first, 'session.login', demoLogin);
    await call(first, 'sync.now');
    const claims = (await call<{ total: number }>(first, 'werkvoorraad.list', {})).total;
    const claimId = (await call<{ rows: { id: string }[] }>(first, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
    await server.close(); // offline: the note stays in the outbox
    await call(first, 'notes.add', { claimId, text: 'Offline vastgelegd vóór de schade' });
    expect((await call<{ pendingCommands: number }>(first, 'sync.status')).pendingCommands).toBe(1);
    await first.close();
    damageClaimsPages(dbPath);

    server = await startTestCentral({ dataDir, seed: { persons: 60, claims: 400 } });
    cleanups.push(() => server.close());
    const second = desktop(server.url, dbPath);
    const info = await call<AppInfo>(second, 'app.info');
    expect(info.cacheRecovery).toMatchObject({ reason: 'damaged', commandsKept: 1, commandsUnreadable: false });
    expect(existsSync(info.cacheRecovery?.keptAs ?? '')).toBe(true);
    expect((await call<{ pendingCommands: number }>(second, 'sync.status')).pendingCommands).toBe(1);

    await call(second, 'session.login', demoLogin);
    const status = await call<{ pendingCommands: number; error: string | null }>(second, 'sync.now');
    expect(status).toMatchObject({ pendingCommands: 0, error: null });
    expect((await call<{ total: number }>(second, 'werkvoorraad.list', {})).total).toBe(claims);
    const stored = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Offline vastgelegd vóór de schade'`,
    );
    expect(stored[0]?.n).toBe(1);
  }, 60_000);

  it('starts on a fresh cache when the file is no database at all, and says so', async () => {
    const temp = makeTempDir('cjib-notadb-');
    cleanups.push(() => temp.cleanup());
    const dbPath = join(temp.dir, 'cache.sqlite');
    writeFileSync(dbPath, Buffer.alloc(64 * 1024, 0x42));
    const server = await startTestCentral({ seed: { persons: 20, claims: 60 } });
    cleanups.push(() => server.close());
    const backend = desktop(server.url, dbPath);
    const info = await call<AppInfo>(backend, 'app.info');
    expect(info.cacheRecovery).toMatchObject({ reason: 'not_a_database', commandsKept: 0 });
    expect(readFileSync(info.cacheRecovery?.keptAs ?? '').subarray(0, 4)).toEqual(Buffer.from('BBBB'));
    await call(backend, 'session.login', demoLogin);
    expect((await call<{ error: string | null }>(backend, 'sync.now')).error).toBeNull();
  });

  it('leaves a healthy cache alone', async () => {
    const temp = makeTempDir('cjib-healthy-');
    cleanups.push(() => temp.cleanup());
    const dbPath = join(temp.dir, 'cache.sqlite');
    const server = await startTestCentral({ seed: { persons: 20, claims: 60 } });
    cleanups.push(() => server.close());
    const once = desktop(server.url, dbPath);
    await call(once, 'session.login', demoLogin);
    await call(once, 'sync.now');
    await once.close();
    const again = desktop(server.url, dbPath);
    expect((await call<AppInfo>(again, 'app.info')).cacheRecovery).toBeNull();
  });
});
