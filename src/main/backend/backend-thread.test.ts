import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { Database } from '../db/connection';
import type { BackendConfig } from './backend-config';
import { startBackendThread } from './backend-thread';
import { demoLocalUser } from './local-defaults';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

const config = (name: string): BackendConfig => ({
  dbPath: join(temp.dir, name),
  migrationsDir: localMigrationsDir,
  appVersion: '1.2.3',
  localUser: demoLocalUser,
  seedDemo: { persons: 20, claims: 60 },
});

describe('backend worker thread', () => {
  it('opens, migrates and seeds the database in its own thread and answers through the contract', async () => {
    const backend = await startBackendThread(config('worker.sqlite'));
    const list = await backend.invoke('werkvoorraad.list', { limit: 5 });
    expect(list).toMatchObject({ ok: true, value: { total: 60 } });
    const invalid = await backend.invoke('werkvoorraad.list', { limit: 0 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await backend.close();
    expect(await backend.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('keeps the main event loop free while SQL runs', async () => {
    const backend = await startBackendThread(config('loop.sqlite'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 200 }, () => backend.invoke('werkvoorraad.list', { limit: 200 })));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    await backend.close();
  });

  it('fails to start with the Dutch refusal when the database is newer than the app', async () => {
    const path = join(temp.dir, 'newer.sqlite');
    const db = new Database(path);
    db.raw.pragma('user_version = 990');
    db.close();
    await expect(startBackendThread(config('newer.sqlite'))).rejects.toThrow(/nieuwere app-versie/);
  });
});
