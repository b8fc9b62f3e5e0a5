import { createBackend } from '../../src/main/backend/backend';
import type { BackendConfig } from '../../src/main/backend/backend-config';
import { demoLocalUser } from '../../src/main/backend/local-defaults';
import { createCjibApi, type CjibApi } from '../../src/shared/ipc/client';
import { localMigrationsDir } from './temp-dir';

/**
 * `window.cjib` wired to the real backend on an in-memory SQLite database, for component tests:
 * the same contract, validation and SQL as the app, without a worker or a host in between.
 */
export function createInMemoryCjib(overrides: Partial<BackendConfig> = {}): CjibApi & { close(): Promise<void> } {
  const backend = createBackend({
    dbPath: ':memory:',
    migrationsDir: localMigrationsDir,
    appVersion: '0.0.0-test',
    localUser: demoLocalUser,
    seedDemo: { persons: 60, claims: 180 },
    ...overrides,
  });
  return { ...createCjibApi((channel, request) => backend.invoke(channel, request)), close: () => backend.close() };
}
