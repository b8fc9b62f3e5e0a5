import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './connection';

/**
 * Numbered migrations: `NNNN_name.sql`, in steps of 10 (0010, 0020, …). The version lives in
 * `PRAGMA user_version`. All pending migrations run in one transaction, so a failure leaves the
 * database exactly at the version it had.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export type MigrationErrorKind = 'bad_name' | 'gap' | 'database_newer' | 'unknown_version' | 'failed';

export class MigrationError extends Error {
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;
export const migrationStep = 10;

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = fileNamePattern.exec(file);
      if (!match) {
        throw new MigrationError('bad_name', `Migratiebestand "${file}" heeft geen naam van de vorm NNNN_naam.sql.`);
      }
      return { version: Number(match[1]), name: match[2] ?? '', sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  checkSequence(migrations);
  return migrations;
}

/** Versions must run 10, 20, 30, … without holes or duplicates: a hole means a lost file. */
export function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = (index + 1) * migrationStep;
    if (migration.version !== expected) {
      throw new MigrationError(
        'gap',
        `Migraties zijn niet aaneengesloten: verwacht ${pad(expected)}, gevonden ${pad(migration.version)}_${migration.name}.`,
      );
    }
  });
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

export function migrate(db: Database, migrations: readonly Migration[]): MigrateResult {
  checkSequence(migrations);
  const from = db.userVersion;
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new MigrationError(
      'database_newer',
      `De lokale database heeft versie ${from}, maar deze app kent versies tot en met ${latest}. ` +
        'De database is gemaakt door een nieuwere app-versie en is niet gewijzigd. Werk de app bij.',
    );
  }
  if (from !== 0 && !migrations.some((m) => m.version === from)) {
    throw new MigrationError('unknown_version', `De lokale database heeft een onbekende versie ${from}.`);
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [] };

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
    const label = current ? `${pad(current.version)}_${current.name}` : 'onbekend';
    throw new MigrationError(
      'failed',
      `Migratie ${label} is mislukt; de database staat nog op versie ${from}. ${String(cause)}`,
      { cause },
    );
  }
  return { from, to: latest, applied: pending.map((m) => `${pad(m.version)}_${m.name}`) };
}

function pad(version: number): string {
  return String(version).padStart(4, '0');
}
