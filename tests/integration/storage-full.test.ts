import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { startBackendThread } from '../../src/main/backend/backend-thread';
import { demoLocalUser } from '../../src/main/backend/local-defaults';
import { call } from '../support/desktop';
import { localMigrationsDir } from '../support/temp-dir';

/**
 * A full disk, for real: the cache lives on a small tmpfs that a filler file fills up. The
 * worker gets a Dutch message, nothing saved before is lost, and work goes on once there is room.
 * Mounting needs root (the CI machine runs as root); elsewhere the test says why it is skipped.
 */
const canMount = process.platform === 'linux' && userInfo().uid === 0;
const mountPoint = join(tmpdir(), `cjib-full-${process.pid}`);

/** Fills the disk, starts a backend thread on `file` there, expects the Dutch message, then makes room. */
async function expectFullAtStart(file: string): Promise<void> {
  const filler = join(mountPoint, `filler-${file}`);
  try {
    writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
  } catch {
    // ENOSPC: full now
  }
  try {
    await expect(
      startBackendThread({
        dbPath: join(mountPoint, file),
        migrationsDir: localMigrationsDir,
        appVersion: 'test',
        localUser: demoLocalUser,
      }),
    ).rejects.toThrow(/^De schijf van deze computer is vol: de app kan haar gegevens niet openen/);
  } finally {
    rmSync(filler, { force: true });
  }
}

describe.skipIf(!canMount)('a full disk under the cache', () => {
  let backend: Backend;
  beforeAll(() => {
    mkdirSync(mountPoint, { recursive: true });
    // A private folder, as the app asks of every folder it keeps data in (a tmpfs is 1777 otherwise).
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', mountPoint]);
    backend = createBackend({
      dbPath: join(mountPoint, 'cache.sqlite'),
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      localUser: demoLocalUser,
      seedDemo: { persons: 30, claims: 90 },
    });
  });
  afterAll(async () => {
    await backend?.close();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('refuses a note with a Dutch message, keeps what was saved, and saves again once there is room', async () => {
    const claimId = (await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
    await call(backend, 'notes.add', { claimId, text: 'Voor de schijf vol was' });
    const filler = join(mountPoint, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
    } catch {
      // ENOSPC: the filler took what was left
    }
    let refused: Awaited<ReturnType<Backend['invoke']>> | undefined;
    // A few notes may still fit in pages SQLite has free; the disk is full long before 200.
    for (let i = 0; i < 200 && (!refused || refused.ok); i++) {
      refused = await backend.invoke('notes.add', { claimId, text: `Notitie ${i} ${'x'.repeat(1900)}` });
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(refused?.ok ? '' : refused?.error.message).toMatch(/^De schijf van deze computer is vol/);

    rmSync(filler);
    await call(backend, 'notes.add', { claimId, text: 'Na het opruimen' });
    const notes = await call<{ notes: { text: string }[] }>(backend, 'notes.list', { claimId });
    expect(notes.notes.map((n) => n.text)).toEqual(
      expect.arrayContaining(['Voor de schijf vol was', 'Na het opruimen']),
    );
  });

  it('opens the existing cache for reading on a full disk: what was saved is there, nothing new is kept', async () => {
    // The cache of the first test exists, closed (no -shm file); a full disk stops SQLite from sizing one.
    await backend.close();
    const filler = join(mountPoint, 'filler-read-only');
    try {
      writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
    } catch {
      // ENOSPC: full now
    }
    try {
      backend = await startBackendThread({
        dbPath: join(mountPoint, 'cache.sqlite'),
        migrationsDir: localMigrationsDir,
        appVersion: 'test',
        localUser: demoLocalUser,
      });
      expect(await call(backend, 'app.info')).toMatchObject({ storageFull: true });
      const claimId = (await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
      const notes = await call<{ notes: { text: string }[] }>(backend, 'notes.list', { claimId });
      expect(notes.notes.map((n) => n.text)).toContain('Na het opruimen');
      const refused = await backend.invoke('notes.add', { claimId, text: 'Past niet meer' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'storage_full' } });
      await backend.close();
    } finally {
      rmSync(filler, { force: true });
    }
    // With room again, the same cache opens as usual with everything saved before.
    backend = createBackend({
      dbPath: join(mountPoint, 'cache.sqlite'),
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      localUser: demoLocalUser,
    });
    expect(await call(backend, 'app.info')).toMatchObject({ storageFull: false });
    const claimId = (await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
    const notes = await call<{ notes: { text: string }[] }>(backend, 'notes.list', { claimId });
    expect(notes.notes.map((n) => n.text)).toEqual(expect.arrayContaining(['Na het opruimen']));
    expect(notes.notes.map((n) => n.text)).not.toContain('Past niet meer');
  });

  it('says in Dutch, at start, that the disk is full when the cache cannot even be opened', async () => {
    await expectFullAtStart('nieuw.sqlite');
  });
});
