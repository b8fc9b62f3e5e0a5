import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { demoPassword } from '../../src/central/demo/demo-users';
import { localMigrationsDir, makeTempDir } from './temp-dir';

/** Calls a channel and returns its value, or throws with the envelope's code and Dutch message. */
export async function call<T>(backend: Backend, channel: string, request: unknown = {}): Promise<T> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Desktops (real backends on real SQLite files) against one central server: each signed in as a
 * demo user and synced once. `close()` closes them all and removes their files.
 */
export function desktopFleet(prefix: string) {
  const temp = makeTempDir(prefix);
  const backends: Backend[] = [];
  return {
    /**
     * `stale`: the desktop does not hear that its feed moved (no event stream), so it pulls only
     * when asked, as one that was offline for a while: for tests of decisions made on old data.
     */
    async open(server: CentralServer, username: string, options: { stale?: boolean } = {}): Promise<Backend> {
      const backend = createBackend({
        dbPath: join(temp.dir, `${username}-${randomUUID()}.sqlite`),
        migrationsDir: localMigrationsDir,
        appVersion: 'test',
        centralUrl: server.url,
        localUser: null,
        sync: { intervalMs: 3_600_000, watchFeed: !options.stale },
      });
      backends.push(backend);
      await call(backend, 'session.login', { username, password: demoPassword });
      await call(backend, 'sync.now');
      return backend;
    },
    async close(): Promise<void> {
      for (const backend of backends) await backend.close();
      temp.cleanup();
    },
  };
}
