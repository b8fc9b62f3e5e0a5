import type { Database } from './connection';
import { SyncStateRepository, type SyncStateKey } from './repositories/sync-state-repository';
import { sql } from './sql';

/** Bookkeeping that holds nobody's personal data and outlives a change of user. */
const keptTables = new Set(['sync_state']);
/** The previous user's place in the feed and command sequence; the rest of sync_state stays. */
const previousUserState: readonly SyncStateKey[] = ['cursor', 'last_sync_at', 'client_id', 'next_seq'];

/**
 * Removes everything a previous user left in the cache. The tables come from the schema, not from
 * a list, so a table added by a later migration is wiped without anyone remembering to name it.
 * The file is then rewritten (VACUUM) and the write-ahead log truncated, so the previous user's
 * cases cannot be read back from free pages of the file or from the log either.
 */
export function wipeCache(db: Database): void {
  const tables = db
    .all<{ name: string }>(
      sql`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
    .map((t) => t.name)
    .filter((name) => !keptTables.has(name));
  const fullTextIndexes = db
    .all<{ name: string }>(
      sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`,
    )
    .map((t) => t.name);
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  db.transaction(() => {
    for (const table of tables) db.raw.exec(`DELETE FROM ${quoted(table)}`);
    // The indexes' own pages hold the words they index; their triggers may be deferred by an
    // interrupted first sync, so they are emptied here rather than trusted to follow the deletes.
    for (const index of fullTextIndexes) {
      db.raw.exec(`INSERT INTO ${quoted(index)} (${quoted(index)}) VALUES ('delete-all')`);
    }
    const state = new SyncStateRepository(db);
    for (const key of previousUserState) state.remove(key);
  });
  // Deleted rows stay readable in the file until their space is reused (secure_delete did not
  // clear all of it: a table's root page kept old cells). VACUUM writes the live content anew.
  db.raw.exec('VACUUM');
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
}
