import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { startBackendThread } from '../../src/main/backend/backend-thread';
import { memoryVault, type StoredSession } from '../../src/main/sync/session-vault';
import type { SessionUser } from '../../src/shared/ipc/contract';
import { startTestCentral } from '../support/central';
import { call } from '../support/desktop';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

const temp = makeTempDir('cjib-resume-');
let server: CentralServer;

beforeAll(async () => {
  // A copied vault is tried at once here: no grace for a lost answer, so rotation alone is what is tested.
  server = await startTestCentral({ seed: { persons: 20, claims: 60 }, refreshReuseGraceMs: 0 });
});
afterAll(async () => {
  await server.close();
  temp.cleanup();
});

const config = () => ({
  dbPath: join(temp.dir, 'cache.sqlite'),
  migrationsDir: localMigrationsDir,
  appVersion: 'test',
  centralUrl: server.url,
  localUser: null,
  sync: { intervalMs: 3_600_000 },
});

describe('the session across app restarts (the host’s vault, through the worker thread)', () => {
  it('resumes after a restart with a rotated refresh token, and sign-out forgets it', async () => {
    const vault = memoryVault();
    const first = await startBackendThread(config(), { vault });
    await call(first, 'session.login', { username: 'sdevries', password: 'Welkom-CJIB-2026' });
    const kept = (await vault.load()) as StoredSession;
    expect(kept).toMatchObject({ username: 'sdevries', user: { id: 'u-sdevries' } });
    await first.close();

    const second = await startBackendThread(config(), { vault });
    const session = await call<{ user: SessionUser | null }>(second, 'session.current');
    expect(session.user?.id).toBe('u-sdevries');
    const rotated = (await vault.load()) as StoredSession;
    expect(rotated.refreshToken).not.toBe(kept.refreshToken); // rotation on resume
    await call(second, 'sync.now'); // the renewed tokens work
    await call(second, 'session.logout');
    await expect.poll(() => vault.load()).toBeNull();
    await second.close();

    const third = await startBackendThread(config(), { vault });
    expect((await call<{ user: SessionUser | null }>(third, 'session.current')).user).toBeNull();
    await third.close();
  });

  it('refuses a kept refresh token the server has already rotated away (a copied vault)', async () => {
    const vault = memoryVault();
    const first = await startBackendThread(config(), { vault });
    await call(first, 'session.login', { username: 'sdevries', password: 'Welkom-CJIB-2026' });
    const stolen = await vault.load();
    await first.close();
    const second = await startBackendThread(config(), { vault });
    await call(second, 'session.current'); // rotates the token
    await second.close();

    const copy = memoryVault();
    await copy.save(stolen);
    const third = await startBackendThread(config(), { vault: copy });
    expect((await call<{ user: SessionUser | null }>(third, 'session.current')).user).toBeNull();
    expect(await copy.load()).toBeNull();
    await third.close();
  });
});
