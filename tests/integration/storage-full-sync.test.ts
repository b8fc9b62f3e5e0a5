import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { demoPassword } from '../../src/central/demo/demo-users';
import { Database } from '../../src/main/db/connection';
import { loadMigrations, migrate } from '../../src/main/db/migrations';
import { addCaseNote } from '../../src/main/services/case-notes-service';
import { signIn } from '../../src/main/services/session-service';
import { CentralClient } from '../../src/main/sync/central-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { memoryVault, type SessionVault } from '../../src/main/sync/session-vault';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { call } from '../support/desktop';
import { startTestCentral } from '../support/central';
import { localMigrationsDir } from '../support/temp-dir';

/**
 * A full disk under a cache that syncs with a real central: decisions waiting in the outbox still
 * go out (the send no longer starts with a write), and an initial sync that fills the disk leaves
 * automatic WAL checkpoints on; an app started on a full disk opens its cache for reading and still
 * sends what waits in the outbox. Mounting a tmpfs needs root, as in storage-full.test.ts.
 */
const canMount = process.platform === 'linux' && userInfo().uid === 0;
const mountPoint = join(tmpdir(), `cjib-full-sync-${process.pid}`);

function fill(): string {
  const filler = join(mountPoint, `filler-${Math.random()}`);
  try {
    writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
  } catch {
    // ENOSPC: the filler took what was left
  }
  return filler;
}

describe.skipIf(!canMount)('sync on a full disk', () => {
  let central: CentralServer;
  /** A desktop backend on `dbPath` against the test's central, resuming the session in `vault`. */
  const desktopOn = (dbPath: string, vault: SessionVault) =>
    createBackend(
      {
        dbPath,
        migrationsDir: localMigrationsDir,
        appVersion: 'test',
        centralUrl: central.url,
        localUser: null,
        sync: { intervalMs: 3_600_000 },
      },
      undefined,
      { vault },
    );
  beforeAll(async () => {
    central = await startTestCentral({ seed: { persons: 120, claims: 900 } });
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint]);
  });
  afterAll(async () => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    await central?.close();
  });

  it('sends the decisions in the outbox although nothing more can be written, once', async () => {
    const db = new Database(join(mountPoint, 'push.sqlite'));
    migrate(db, loadMigrations(localMigrationsDir));
    const client = new CentralClient({ baseUrl: central.url });
    const user = await signIn(db, client, 'sdevries', demoPassword);
    const engine = new SyncEngine(db, client, { pageSize: 500 });
    await engine.syncOnce();
    const claimId = db.raw.prepare('SELECT id FROM claims LIMIT 1').pluck().get() as string;
    addCaseNote(db, user, { claimId, text: 'Genoteerd vlak voor de schijf vol liep' });
    // An empty log: the next write needs new room on the disk (a long log would be written over).
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    const filler = fill();
    let full: unknown;
    // A few writes may still fit in free pages; the first that does not is what this is about.
    for (let i = 0; i < 50 && !full; i++) {
      try {
        db.run({
          text: `INSERT INTO sync_state (key, value) VALUES ('ballast-${i}', ?)`,
          values: ['x'.repeat(200_000)],
        });
      } catch (error) {
        full = error;
      }
    }
    expect(String((full as { code?: string })?.code)).toBe('SQLITE_FULL');
    await engine.push().catch(() => undefined); // marking it sent may fail: the central has it anyway
    const sent = await central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Genoteerd vlak voor de schijf vol liep'`,
    );
    expect(sent[0]?.n).toBe(1);
    rmSync(filler);
    await engine.syncOnce();
    const again = await central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Genoteerd vlak voor de schijf vol liep'`,
    );
    expect(again[0]?.n).toBe(1);
    expect(db.raw.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    db.close();
  });

  it('starts on a full disk for reading: the cases and the unsent note are there, and the note is sent once', async () => {
    const dbPath = join(mountPoint, 'read-only.sqlite');
    const vault = memoryVault();
    const db = new Database(dbPath);
    migrate(db, loadMigrations(localMigrationsDir));
    const client = new CentralClient({ baseUrl: central.url, vault });
    const user = await signIn(db, client, 'sdevries', demoPassword);
    await new SyncEngine(db, client, { pageSize: 500 }).syncOnce();
    const claimId = db.raw.prepare('SELECT id FROM claims ORDER BY id LIMIT 1').pluck().get() as string;
    const cases = db.raw.prepare('SELECT count(*) FROM claims').pluck().get() as number;
    addCaseNote(db, user, { claimId, text: 'Genoteerd en toen liep de schijf vol' });
    db.close();
    const filler = fill();

    let backend: Backend | undefined;
    try {
      backend = desktopOn(dbPath, vault);
      expect(await call(backend, 'app.info')).toMatchObject({ storageFull: true });
      expect((await call<{ user: { id: string } | null }>(backend, 'session.current')).user?.id).toBe(user.id);
      const list = await call<{ total: number }>(backend, 'werkvoorraad.list', { limit: 5 });
      expect(list.total).toBe(cases);
      const notes = await call<{ notes: { text: string; pending: boolean }[] }>(backend, 'notes.list', { claimId });
      expect(notes.notes).toContainEqual(
        expect.objectContaining({ text: 'Genoteerd en toen liep de schijf vol', pending: true }),
      );
      // Nothing new can be kept: said in Dutch, not lost silently.
      const refused = await backend.invoke('notes.add', { claimId, text: 'Past niet meer' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'storage_full' } });

      await backend.invoke('sync.now', {});
      const sent = await central.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Genoteerd en toen liep de schijf vol'`,
      );
      expect(sent[0]?.n).toBe(1);
      expect(
        (
          await central.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Past niet meer'`,
          )
        )[0]?.n,
      ).toBe(0);
    } finally {
      await backend?.close();
      rmSync(filler);
    }

    // With room again the cache opens as usual; the note is sent once more at most and kept once.
    const again = desktopOn(dbPath, vault);
    try {
      expect(await call(again, 'app.info')).toMatchObject({ storageFull: false });
      await call(again, 'sync.now');
      const once = await central.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Genoteerd en toen liep de schijf vol'`,
      );
      expect(once[0]?.n).toBe(1);
      expect((await call<{ pendingCommands: number }>(again, 'sync.status')).pendingCommands).toBe(0);
    } finally {
      await again.close();
    }
  });

  it('keeps automatic checkpoints on after an initial sync that filled the disk', async () => {
    const db = new Database(join(mountPoint, 'initial.sqlite'));
    migrate(db, loadMigrations(localMigrationsDir));
    const client = new CentralClient({ baseUrl: central.url });
    await signIn(db, client, 'mpostma', demoPassword);
    const filler = join(mountPoint, 'ballast');
    // Leave a little room: the first pages fit, a later one does not.
    writeFileSync(filler, Buffer.alloc(1));
    const free = Number(execFileSync('df', ['--output=avail', '-B1', mountPoint]).toString().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 600 * 1024)));
    await expect(new SyncEngine(db, client, { pageSize: 50 }).syncOnce()).rejects.toBeDefined();
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    rmSync(filler);
    db.close();
  });
});
