import type { Result } from '../../shared/ipc/result';
import { Database, type DbLogger } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { dispatch, type HandlerTable } from '../ipc/dispatch';
import { seedDemoCacheIfEmpty } from '../services/demo-seed-service';
import { listWerkvoorraad } from '../services/werkvoorraad-service';
import type { BackendConfig } from './backend-config';

export interface Backend {
  invoke(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  /** Closes the database; resolves when it is closed. */
  close(): Promise<void>;
}

export interface BackendLogger extends DbLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: BackendLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The desktop backend in plain Node: database, repositories, services and the handler table.
 * Hosts run it in a worker thread (backend-worker.ts); tests may run it in-process.
 */
export function createBackend(config: BackendConfig, logger: BackendLogger = silentLogger): Backend {
  const db = new Database(config.dbPath, logger);
  try {
    const result = migrate(db, loadMigrations(config.migrationsDir));
    if (result.applied.length) logger.info('migrated local database', { from: result.from, to: result.to });
    if (config.seedDemo) {
      const seeded = seedDemoCacheIfEmpty(db, config.seedDemo);
      if (seeded) logger.info('seeded demo cache', { claims: seeded });
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const claims = new ClaimsRepository(db);
  const table: HandlerTable = {
    'app.info': () => ({ appVersion: config.appVersion, schemaVersion: db.userVersion }),
    'session.current': () => ({ user: config.localUser }),
    'sync.status': () => ({
      connection: 'not_configured',
      pendingCommands: 0,
      lastSyncAt: null,
      progress: null,
      error: null,
    }),
    'werkvoorraad.list': (request) => listWerkvoorraad(claims, request),
  };

  return {
    invoke: (channel, payload) => dispatch(table, channel, payload, logger),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
