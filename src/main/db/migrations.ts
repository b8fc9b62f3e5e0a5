import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MigrationError,
  latestVersion,
  migrationLabel,
  parseMigrations,
  pendingMigrations,
  type Migration,
} from '../../shared/migrations/sequence';
import type { Database } from './connection';

export { MigrationError, checkSequence, latestVersion, type Migration } from '../../shared/migrations/sequence';

/**
 * The local runner: the version lives in `PRAGMA user_version`, and all pending migrations run in
 * one transaction, so a failure leaves the database exactly at the version it had.
 */

export function loadMigrations(dir: string): Migration[] {
  return parseMigrations(
    readdirSync(dir).map((fileName) => ({ fileName, sql: readFileSync(join(dir, fileName), 'utf8') })),
  );
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

export function migrate(db: Database, migrations: readonly Migration[]): MigrateResult {
  const from = db.userVersion;
  const pending = pendingMigrations(from, migrations);
  if (pending.length === 0) return { from, to: from, applied: [] };
  const latest = latestVersion(migrations);

  let current: Migration | undefined;
  try {
    db.transaction(() => {
      for (const migration of pending) {
        current = migration;
        db.raw.exec(migration.sql);
      }
      // user_version is transactional in SQLite: it rolls back with the rest.
      db.raw.pragma(`user_version = ${latest}`);
    });
  } catch (cause) {
    const label = current ? migrationLabel(current.version, current.name) : 'onbekend';
    throw new MigrationError(
      'failed',
      `Migratie ${label} is mislukt; de database staat nog op versie ${from}. ${String(cause)}`,
      { cause },
    );
  }
  return { from, to: latest, applied: pending.map((m) => migrationLabel(m.version, m.name)) };
}
