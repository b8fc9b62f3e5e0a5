import type { Database } from '../db/connection';
import { sql } from '../db/sql';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';

/**
 * During the initial sync into an empty cache the secondary indexes and the full-text triggers of
 * the cache tables are dropped and built once at the end, which is several times faster than
 * maintaining them row by row. Their definitions are kept in sync_state in the same transaction
 * that drops them, so a crash half-way leaves a note from which `restoreDeferredIndexes` rebuilds
 * them (and the data their triggers derive) on the next round.
 */
const cacheTables = ['persons', 'claims', 'case_notes', 'claim_events', 'tasks'];
/** What the deferred triggers would have maintained, rebuilt in bulk once they are back. */
const rebuildDerivedData = [
  `INSERT INTO persons_fts (persons_fts) VALUES ('rebuild')`,
  `INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')`,
  `UPDATE tasks SET person_name = coalesce(p.display_name, ''), claim_kind = c.kind, phase = c.phase,
                    outstanding_cents = c.outstanding_cents
   FROM tasks t LEFT JOIN persons p ON p.id = t.person_id LEFT JOIN claims c ON c.id = t.claim_id
   WHERE t.id = tasks.id`,
  `DELETE FROM task_queue_counts`,
  `INSERT INTO task_queue_counts (assignee_id, kind, claim_kind, phase, n)
   SELECT coalesce(assignee_id, ''), kind, coalesce(claim_kind, ''), coalesce(phase, ''), count(*)
   FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3, 4`,
];

interface SchemaObject {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

export function deferCacheIndexes(db: Database): void {
  db.transaction(() => {
    const objects = db.all<SchemaObject>(sql`
      SELECT type, name, sql FROM sqlite_schema
      WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
        AND tbl_name IN (SELECT value FROM json_each(${JSON.stringify(cacheTables)}))`);
    if (objects.length === 0) return;
    const state = new SyncStateRepository(db);
    const earlier = JSON.parse(state.get('deferred_indexes') ?? '[]') as SchemaObject[];
    state.set('deferred_indexes', JSON.stringify([...earlier, ...objects]));
    for (const object of objects) {
      db.raw.exec(`DROP ${object.type === 'trigger' ? 'TRIGGER' : 'INDEX'} "${object.name.replaceAll('"', '')}"`);
    }
  });
}

export function restoreDeferredIndexes(db: Database): void {
  const state = new SyncStateRepository(db);
  const deferred = state.get('deferred_indexes');
  if (!deferred) return;
  // Everything here can be derived again from the synced rows: a power loss before the next
  // synced commit brings back the note, and the next start rebuilds once more.
  db.transactionWithoutSync(() => {
    const objects = JSON.parse(deferred) as Partial<SchemaObject>[];
    // Derived columns first, while the tables have no secondary indexes to keep up to date.
    if (objects.some((o) => o.type === 'trigger')) {
      for (const statement of rebuildDerivedData) db.raw.exec(statement);
    }
    for (const object of objects) {
      db.raw.exec(
        (object.sql ?? '')
          .replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS ')
          .replace(/^CREATE TRIGGER /i, 'CREATE TRIGGER IF NOT EXISTS '),
      );
    }
    state.remove('deferred_indexes');
  });
}
