import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  latestVersion,
  MigrationError,
  migrationLabel,
  parseMigrations,
  pendingMigrations,
  type Migration,
} from '../../shared/migrations/sequence';
import type { SqlClient } from './sql-client';
import { withStartupLock } from './startup-lock';

export const centralMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations', 'central');

export function loadCentralMigrations(dir = centralMigrationsDir): Migration[] {
  return parseMigrations(
    readdirSync(dir).map((fileName) => ({ fileName, sql: readFileSync(join(dir, fileName), 'utf8') })),
  );
}

/**
 * PostgreSQL has DDL in transactions: all pending migrations and the version row commit together.
 * Under the startup lock, so that API nodes starting at once migrate once: the others wait, then
 * read the new version.
 */
export async function migrateCentral(db: SqlClient, migrations = loadCentralMigrations()): Promise<number> {
  let running: Migration | undefined;
  try {
    return await withStartupLock(db, async (tx) => {
      await tx.exec('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
      const rows = await tx.query<{ version: number }>('SELECT version FROM schema_version');
      const current = rows[0]?.version ?? 0;
      const pending = pendingMigrations(current, migrations);
      if (pending.length === 0) return current;
      for (const migration of pending) {
        running = migration;
        await tx.exec(migration.sql);
      }
      await tx.query('DELETE FROM schema_version');
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [latestVersion(migrations)]);
      return latestVersion(migrations);
    });
  } catch (cause) {
    if (cause instanceof MigrationError) throw cause;
    const label = running ? migrationLabel(running.version, running.name) : 'onbekend';
    throw new MigrationError('failed', `Centrale migratie ${label} is mislukt: ${String(cause)}`, { cause });
  }
}
