import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';

/**
 * During the initial sync into an empty cache the secondary indexes of the cache tables are
 * dropped and built once at the end, which is several times faster than maintaining them row by
 * row. Their definitions are kept in sync_state in the same transaction that drops them, so a crash
 * half-way leaves a note from which `restoreDeferredIndexes` rebuilds them on the next round.
 */
const cacheTables = ['persons', 'claims', 'case_notes', 'claim_events'];

export function deferCacheIndexes(db: Database): void {
  db.transaction(() => {
    const indexes = db.all<{ name: string; sql: string }>(sql`
      SELECT name, sql FROM sqlite_schema
      WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(${JSON.stringify(cacheTables)}))`);
    if (indexes.length === 0) return;
    const state = new SyncStateRepository(db);
    const earlier = JSON.parse(state.get('deferred_indexes') ?? '[]') as { name: string; sql: string }[];
    state.set('deferred_indexes', JSON.stringify([...earlier, ...indexes]));
    for (const index of indexes) db.raw.exec(`DROP INDEX "${index.name.replaceAll('"', '')}"`);
  });
}

export function restoreDeferredIndexes(db: Database): void {
  const state = new SyncStateRepository(db);
  const deferred = state.get('deferred_indexes');
  if (!deferred) return;
  db.transaction(() => {
    for (const index of JSON.parse(deferred) as { sql: string }[]) {
      db.raw.exec(index.sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    }
    state.remove('deferred_indexes');
  });
}
