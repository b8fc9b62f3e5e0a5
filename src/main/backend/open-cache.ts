import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, tightenFile } from '../../platform/private-files';
import { installApprovedParameterSets } from '../../shared/domain/parameters/registry';
import { openCheckedCache, type CacheRecovery } from '../db/cache-recovery';
import { Database } from '../db/connection';
import { latestVersion, loadMigrations, migrate } from '../db/migrations';
import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { isStorageFull } from '../db/storage-full';
import { restoreDeferredIndexes } from '../sync/deferred-indexes';
import { localDemoTeam, seedDemoCacheIfEmpty, seedDemoParameterSets } from '../services/demo-seed-service';
import type { BackendConfig } from './backend-config';
import type { BackendLogger } from './backend';

export interface OpenCache {
  db: Database;
  recovery: CacheRecovery | null;
  /**
   * The disk was full at start: the cache is open for reading only (every write fails with
   * SQLITE_FULL, which the dispatcher says in Dutch) and the outbox can still be sent.
   */
  storageFull: boolean;
}

/** Opens the local cache, brings it up to date and makes it ready for the first screen. */
export function openCache(config: BackendConfig, logger: BackendLogger): OpenCache {
  const onDisk = config.dbPath !== ':memory:';
  // The cache holds names, BSNs and claims: its folder and files are this user's alone.
  if (onDisk) ensurePrivateDir(dirname(config.dbPath));
  try {
    return { ...openWritable(config, logger), storageFull: false };
  } catch (error) {
    if (!onDisk || !isStorageFull(error) || !existsSync(config.dbPath)) throw error;
    const db = openOnFullDisk(config, logger, error);
    logger.warn('disk full at start: cache opened read-only');
    return { db, recovery: null, storageFull: true };
  }
}

function openWritable(config: BackendConfig, logger: BackendLogger): Omit<OpenCache, 'storageFull'> {
  const opened = openCheckedCache(config.dbPath, logger);
  const { db, recovery } = opened;
  try {
    const result = migrate(db, loadMigrations(config.migrationsDir));
    // SQLite gives the -wal and -shm files the main file's mode, so narrowing it once covers them too.
    if (config.dbPath !== ':memory:') for (const suffix of ['', '-wal', '-shm']) tightenFile(config.dbPath + suffix);
    if (result.applied.length) logger.info('migrated local database', { from: result.from, to: result.to });
    opened.restore();
    restoreDeferredIndexes(db); // an initial sync interrupted by a crash left them dropped
    if (config.seedDemo && !config.centralUrl) {
      const user = config.localUser;
      const team = user ? localDemoTeam(user.id, user.displayName) : undefined;
      const seeded = seedDemoCacheIfEmpty(db, config.seedDemo, team);
      if (seeded) logger.info('seeded demo cache', { claims: seeded });
      seedDemoParameterSets(db);
    }
    // The approved parameter sets this app received before, for its rules from the first screen on.
    installApprovedParameterSets(new ParameterSetsRepository(db).approved());
    db.refreshPlannerStatistics();
    return { db, recovery };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A full disk stops SQLite from sizing the -shm file, so an existing cache cannot even be read
 * the usual way. In exclusive locking mode SQLite keeps that index in memory: the cache then
 * opens as it was (the WAL included), nothing is written at start, and the worker still sees
 * their cases and unsent decisions while the outbox goes out. A cache that would need a
 * migration first cannot be used without writing: then the start fails with `cause`.
 */
function openOnFullDisk(config: BackendConfig, logger: BackendLogger, cause: unknown): Database {
  let db: Database;
  try {
    db = new Database(config.dbPath, logger, { exclusive: true });
  } catch {
    throw cause;
  }
  try {
    if (db.userVersion !== latestVersion(loadMigrations(config.migrationsDir))) throw cause;
    installApprovedParameterSets(new ParameterSetsRepository(db).approved());
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
