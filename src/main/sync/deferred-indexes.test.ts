import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { deferCacheIndexes, restoreDeferredIndexes } from './deferred-indexes';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

// The tables an initial sync fills; other tables keep their indexes throughout.
const indexNames = (db: Database) =>
  (
    db.raw
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
         AND tbl_name IN ('persons', 'claims', 'case_notes', 'claim_events', 'tasks') ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

describe('deferred cache indexes', () => {
  it('drops the cache indexes and rebuilds exactly them, also after a crash in between', () => {
    const path = join(temp.dir, 'idx.sqlite');
    const db = new Database(path);
    migrate(db, loadMigrations(localMigrationsDir));
    const before = indexNames(db);
    expect(before).toEqual(
      expect.arrayContaining(['claims_due_date', 'persons_display_name', 'case_notes_claim', 'claim_events_claim']),
    );

    deferCacheIndexes(db);
    expect(indexNames(db)).toEqual([]);
    db.close(); // "crash": the process ends before the sync finished

    const reopened = new Database(path);
    restoreDeferredIndexes(reopened);
    expect(indexNames(reopened)).toEqual(before);
    restoreDeferredIndexes(reopened); // nothing left to do, and no error
    expect(indexNames(reopened)).toEqual(before);
    reopened.close();
  });

  it('rebuilds the full-text index of rows written while its triggers were deferred', () => {
    const db = new Database(join(temp.dir, 'fts.sqlite'));
    migrate(db, loadMigrations(localMigrationsDir));
    expect(indexNames(db)).toEqual(expect.arrayContaining(['persons_fts_insert', 'claims_fts_update']));
    deferCacheIndexes(db);
    db.raw.exec(`INSERT INTO persons (id, bsn, display_name, birth_date, city)
                 VALUES ('p1', '999999990', 'Anouk van Tilburg', '1990-01-01', 'Sneek')`);
    const search = () =>
      db.raw.prepare(`SELECT rowid FROM persons_fts WHERE persons_fts MATCH 'tilb*'`).all() as unknown[];
    expect(search()).toHaveLength(0); // nothing indexed while deferred
    restoreDeferredIndexes(db);
    expect(search()).toHaveLength(1);
    db.close();
  });
});
