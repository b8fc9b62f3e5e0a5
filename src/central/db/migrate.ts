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

export const centralMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations', 'central');

export function loadCentralMigrations(dir = centralMigrationsDir): Migration[] {
  return parseMigrations(
    readdirSync(dir).map((fileName) => ({ fileName, sql: readFileSync(join(dir, fileName), 'utf8') })),
  );
}

/** PostgreSQL has DDL in transactions: all pending migrations and the version row commit together. */
export async function migrateCentral(db: SqlClient, migrations = loadCentralMigrations()): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_version');
  const current = rows[0]?.version ?? 0;
  const pending = pendingMigrations(current, migrations);
  if (pending.length === 0) return current;
  let running: Migration | undefined;
  try {
    await db.transaction(async (tx) => {
      for (const migration of pending) {
        running = migration;
        await tx.exec(migration.sql);
      }
      await tx.query('DELETE FROM schema_version');
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [latestVersion(migrations)]);
    });
  } catch (cause) {
    const label = running ? migrationLabel(running.version, running.name) : 'onbekend';
    throw new MigrationError('failed', `Centrale migratie ${label} is mislukt: ${String(cause)}`, { cause });
  }
  return latestVersion(migrations);
}
