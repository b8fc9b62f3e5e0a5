import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A migration that has run somewhere is never edited again: a cache or a central database made
 * with the old text would keep the old schema for good (this happened to `administratiekosten_cents`,
 * added to 0010 in place). `migrations/checksums.json` holds the SHA-256 of every migration file.
 */
const migrationsRoot = join(import.meta.dirname, '..', '..', 'migrations');
const manifest = JSON.parse(readFileSync(join(migrationsRoot, 'checksums.json'), 'utf8')) as Record<string, string>;

function migrationFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ['central', 'local']) {
    for (const name of readdirSync(join(migrationsRoot, dir)).filter((n) => n.endsWith('.sql'))) {
      files[`${dir}/${name}`] = createHash('sha256')
        .update(readFileSync(join(migrationsRoot, dir, name)))
        .digest('hex');
    }
  }
  return files;
}

describe('migrations', () => {
  const files = migrationFiles();

  it('are never edited once written: change the schema with a new numbered migration', () => {
    const edited = Object.keys(manifest).filter((key) => key in files && files[key] !== manifest[key]);
    expect(edited, 'edited migrations (write a new one instead, and restore these)').toEqual([]);
  });

  it('are never removed', () => {
    expect(Object.keys(manifest).filter((key) => !(key in files))).toEqual([]);
  });

  it('each have their checksum recorded (a new one: add the line shown to migrations/checksums.json)', () => {
    const unrecorded = Object.entries(files)
      .filter(([key]) => !(key in manifest))
      .map(([key, sum]) => `"${key}": "${sum}"`);
    expect(unrecorded).toEqual([]);
  });
});
