/**
 * Numbered migrations, shared by the local (SQLite) and central (PostgreSQL) runners: files are
 * `NNNN_name.sql`, numbered 0010, 0020, … without holes, so a lost file is noticed.
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

export const migrationStep = 10;
const fileNamePattern = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Parses and orders migration files; throws on a bad name or a hole in the numbering. */
export function parseMigrations(files: readonly { fileName: string; sql: string }[]): Migration[] {
  const migrations = files
    .filter((file) => file.fileName.endsWith('.sql'))
    .map((file) => {
      const match = fileNamePattern.exec(file.fileName);
      if (!match) {
        throw new MigrationError(
          'bad_name',
          `Migratiebestand "${file.fileName}" heeft geen naam van de vorm NNNN_naam.sql.`,
        );
      }
      return { version: Number(match[1]), name: match[2] ?? '', sql: file.sql };
    })
    .sort((a, b) => a.version - b.version);
  checkSequence(migrations);
  return migrations;
}

export function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = (index + 1) * migrationStep;
    if (migration.version !== expected) {
      throw new MigrationError(
        'gap',
        `Migraties zijn niet aaneengesloten: verwacht ${migrationLabel(expected)}, gevonden ${migrationLabel(migration.version)}_${migration.name}.`,
      );
    }
  });
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Which migrations to run, or the reason the database must not be touched. */
export function pendingMigrations(current: number, migrations: readonly Migration[]): Migration[] {
  checkSequence(migrations);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new MigrationError(
      'database_newer',
      `De database heeft versie ${current}, maar deze versie kent versies tot en met ${latest}. ` +
        'De database is gemaakt door een nieuwere app-versie en is niet gewijzigd. Werk de app bij.',
    );
  }
  if (current !== 0 && !migrations.some((m) => m.version === current)) {
    throw new MigrationError('unknown_version', `De database heeft een onbekende versie ${current}.`);
  }
  return migrations.filter((m) => m.version > current);
}

export function migrationLabel(version: number, name?: string): string {
  const padded = String(version).padStart(4, '0');
  return name ? `${padded}_${name}` : padded;
}
