import { taskWire, type TaskWire } from '../../../shared/api/entities';
import type { TaskSortKey } from '../../../shared/api/saved-views';
import type { ClaimKind, ClaimPhase } from '../../../shared/domain/claims';
import type { TaskKind, TaskQueue } from '../../../shared/domain/taken';
import type { TaskRow } from '../../../shared/ipc/contract';
import type { Database } from '../connection';
import { queueSearchMatchLimit } from '../../../shared/ipc/contract-taken';
import { ftsPrefixQuery } from '../full-text';
import { sql, sqlJoin, sqlOrderBy, sqlTrusted } from '../sql';

export interface TaskRecord extends TaskWire {
  pending: boolean;
}

export interface TaskQueueQuery {
  queue: TaskQueue;
  /** Whose "Mijn werk". */
  userId: string;
  sort: TaskSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  taskKind: TaskKind | null;
  claimKind: ClaimKind | null;
  phase: ClaimPhase | null;
  search: string;
}

/**
 * Per sort key, the ORDER BY columns and the sort indexes of migration 0130 that hold them in that
 * order (all open tasks; one assignee's, also "nobody's"). Each index ends with the three filter
 * columns, so the order is completed by them and then by the rowid (the last column of every index
 * entry): stable from one page to the next. Kind and phase sort by due date within.
 */
const filterColumns = ['t.kind', 't.claim_kind', 't.phase'] as const;
const sortPlans: Record<TaskSortKey, { columns: readonly string[]; index: string; assigneeIndex: string }> = {
  dueDate: {
    columns: ['t.due_date', ...filterColumns],
    index: 'tasks_open_due',
    assigneeIndex: 'tasks_open_assignee_due',
  },
  personName: {
    columns: ['t.person_name', ...filterColumns],
    index: 'tasks_open_person',
    assigneeIndex: 'tasks_open_assignee_person',
  },
  outstanding: {
    columns: ['t.outstanding_cents', ...filterColumns],
    index: 'tasks_open_amount',
    assigneeIndex: 'tasks_open_assignee_amount',
  },
  kind: {
    columns: ['t.kind', 't.due_date', 't.claim_kind', 't.phase'],
    index: 'tasks_open_kind',
    assigneeIndex: 'tasks_open_assignee_kind',
  },
  phase: {
    columns: ['t.phase', 't.due_date', 't.kind', 't.claim_kind'],
    index: 'tasks_open_phase',
    assigneeIndex: 'tasks_open_assignee_phase',
  },
  createdOn: {
    columns: ['t.created_on', ...filterColumns],
    index: 'tasks_open_created',
    assigneeIndex: 'tasks_open_assignee_created',
  },
};

const upsert = sql`
  INSERT INTO tasks (id, person_id, claim_id, kind, priority, status, assignee_id, created_on, due_date, completed_on,
                     version, pending)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, claim_id = excluded.claim_id, kind = excluded.kind,
    priority = excluded.priority, status = excluded.status, assignee_id = excluded.assignee_id,
    created_on = excluded.created_on, due_date = excluded.due_date, completed_on = excluded.completed_on,
    version = excluded.version, pending = excluded.pending`;

/** Tasks with a move of this desktop the server has not processed yet. */
const unsentMovesWhere = sqlTrusted(
  `o.status = 'pending' AND o.type IN ('ClaimTask', 'ReleaseTask', 'AssignTask', 'CompleteTask')`,
);
const unsentMoves = sql`SELECT DISTINCT json_extract(o.body, '$.payload.taskId') AS id FROM outbox o WHERE ${unsentMovesWhere}`;

const toRow = (t: TaskWire, pending: boolean) =>
  [
    t.id,
    t.personId,
    t.claimId,
    t.kind,
    t.priority,
    t.status,
    t.assigneeId,
    t.createdOn,
    t.dueDate,
    t.completedOn,
    t.version,
    pending ? 1 : 0,
  ] as const;

const rowColumns = sqlTrusted(`
  t.id, t.person_id AS personId, t.person_name AS personName, t.claim_id AS claimId,
  t.claim_kind AS claimKind, t.phase, c.reference, t.outstanding_cents AS outstandingCents, t.kind, t.priority, t.status,
  t.assignee_id AS assigneeId, m.display_name AS assigneeName, t.created_on AS createdOn, t.due_date AS dueDate,
  t.completed_on AS completedOn, t.version, t.pending`);

const rowJoins = sqlTrusted(`
  FROM tasks t LEFT JOIN claims c ON c.id = t.claim_id LEFT JOIN team_members m ON m.id = t.assignee_id`);

type RawTaskRow = Omit<TaskRow, 'pending'> & { pending: number };
const fromRaw = (row: RawTaskRow): TaskRow => ({ ...row, pending: row.pending === 1 });

export class TasksRepository {
  constructor(private readonly db: Database) {}

  /**
   * The server's rows, except over a task this app changed whose move the server has not yet
   * processed: a page read before that move (an initial sync still streaming, say) would otherwise
   * undo what the worker just saw happen. That row is held in `task_server_rows` until the move's
   * outcome arrives ({@link settle}), because the feed will not bring it again.
   */
  upsertFromServer(tasks: readonly TaskWire[]): void {
    const unsent = new Set(this.db.all<{ id: string }>(unsentMoves).map((r) => r.id));
    const held = new Set(tasks.filter((t) => unsent.has(t.id) && this.row(t.id)?.pending).map((t) => t.id));
    this.db.runMany(
      upsert,
      tasks.filter((t) => !held.has(t.id)).map((t) => toRow(t, false)),
    );
    // A row held earlier is out of date once a newer one could be applied.
    if (this.db.get(sql`SELECT 1 AS held FROM task_server_rows LIMIT 1`))
      this.db.runMany(
        sql`DELETE FROM task_server_rows WHERE id = ?`,
        tasks.filter((t) => !held.has(t.id)).map((t) => [t.id] as const),
      );
    if (!held.size) return;
    this.db.runMany(
      sql`INSERT INTO task_server_rows (id, version, body) VALUES (?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body
          WHERE excluded.version > task_server_rows.version`,
      tasks.filter((t) => held.has(t.id)).map((t) => [t.id, t.version, JSON.stringify(t)] as const),
    );
  }

  /** An optimistic local change, replaced by the server's row on the next pull. */
  savePending(task: TaskWire): void {
    this.db.runMany(upsert, [toRow(task, true)]);
  }

  /**
   * A move on this task left the outbox (applied, refused or in conflict). Once none is left, the
   * server row held back meanwhile replaces the optimistic one; without one, the optimistic row
   * stays until the feed brings the change the move made.
   */
  settle(taskId: string): void {
    const stillUnsent = sql`SELECT 1 AS unsent FROM outbox o
      WHERE ${unsentMovesWhere} AND json_extract(o.body, '$.payload.taskId') = ${taskId} LIMIT 1`;
    if (this.db.get(stillUnsent)) return;
    const held = this.db.get<{ body: string }>(sql`SELECT body FROM task_server_rows WHERE id = ${taskId}`);
    if (!held) return;
    const server = taskWire.parse(JSON.parse(held.body));
    const current = this.row(taskId);
    if (!current || current.version <= server.version) this.db.runMany(upsert, [toRow(server, false)]);
    this.db.run(sql`DELETE FROM task_server_rows WHERE id = ${taskId}`);
  }

  /** Rows held back for unsent moves, dropped with the rest of the synced cache. */
  forgetHeldRows(): void {
    this.db.run(sql`DELETE FROM task_server_rows`);
  }

  get(id: string): TaskRecord | undefined {
    const row = this.row(id);
    if (!row) return undefined;
    const { id: taskId, personId, claimId, kind, priority, status, assigneeId, createdOn, dueDate, completedOn } = row;
    return {
      id: taskId,
      personId,
      claimId,
      kind,
      priority,
      status,
      assigneeId,
      createdOn,
      dueDate,
      completedOn,
      version: row.version,
      pending: row.pending,
    };
  }

  row(id: string): TaskRow | undefined {
    const row = this.db.get<RawTaskRow>(sql`SELECT ${rowColumns} ${rowJoins} WHERE t.id = ${id}`);
    return row ? fromRaw(row) : undefined;
  }

  /**
   * One page of a queue, and how many rows the whole queue has with these filters; `tooBroad` when
   * the search matches more than `queueSearchMatchLimit` persons or claims (no rows then).
   */
  queuePage(query: TaskQueueQuery): { rows: TaskRow[]; total: number; tooBroad: boolean } {
    const match = ftsPrefixQuery(query.search);
    if (match && this.matchesTooMany(match)) return { rows: [], total: 0, tooBroad: true };
    const { rows, count } = this.queueQueries(query);
    const page = this.db.all<RawTaskRow & { total?: number }>(rows);
    const total = count
      ? (this.db.get<{ n: number }>(count)?.n ?? 0)
      : (page[0]?.total ?? (query.offset > 0 ? this.countSearch(query) : 0));
    return { rows: page.map(({ total: _total, ...row }) => fromRaw(row)), total, tooBroad: false };
  }

  /**
   * The statements behind `queuePage` (the benchmark runs the same text on raw better-sqlite3).
   * The page is chosen on the tasks table alone, from the sort index in its order (named, because
   * with a filter the planner would rather sort every task that passes it), and only its rows are
   * joined for display: a deep OFFSET then skips index entries, not joined rows. The count is a sum
   * over task_queue_counts. A search must collect all its matches to sort them anyway, so it counts
   * them in the same pass.
   */
  queueQueries(query: TaskQueueQuery) {
    const where = this.queueWhere(query);
    const plan = sortPlans[query.sort];
    const order = sqlOrderBy(plan.columns, 't.rowid', query.direction);
    if (ftsPrefixQuery(query.search)) {
      return {
        rows: sql`WITH page AS MATERIALIZED (
                    SELECT t.rowid AS rid, count(*) OVER () AS total FROM tasks t WHERE ${where} ORDER BY ${order}
                    LIMIT ${query.limit} OFFSET ${query.offset})
                  SELECT ${rowColumns}, page.total AS total
                  FROM page JOIN tasks t ON t.rowid = page.rid LEFT JOIN claims c ON c.id = t.claim_id
                    LEFT JOIN team_members m ON m.id = t.assignee_id
                  ORDER BY ${order}`,
        count: null,
      };
    }
    const indexName = query.queue === 'alle_open' ? plan.index : plan.assigneeIndex;
    // During an initial sync the indexes are dropped until its end (deferred-indexes.ts); naming a
    // missing index would fail the query, so the queue (and the notifications) then read without it.
    const indexed = this.db.get(sql`SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ${indexName}`)
      ? sql`INDEXED BY ${sqlTrusted(indexName)}`
      : sql``;
    return {
      rows: sql`SELECT ${rowColumns} ${rowJoins}
                WHERE t.rowid IN (SELECT t.rowid FROM tasks t ${indexed} WHERE ${where} ORDER BY ${order}
                                  LIMIT ${query.limit} OFFSET ${query.offset})
                ORDER BY ${order}`,
      count: this.countQuery(query),
    };
  }

  /** How many persons and claims a search matches, each counted up to one past the limit. */
  searchGuardQueries(match: string) {
    const over = queueSearchMatchLimit + 1;
    return [
      sql`SELECT count(*) AS n FROM (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match} LIMIT ${over})`,
      sql`SELECT count(*) AS n FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${match} LIMIT ${over})`,
    ];
  }

  private matchesTooMany(match: string): boolean {
    return this.searchGuardQueries(match).some(
      (query) => (this.db.get<{ n: number }>(query)?.n ?? 0) > queueSearchMatchLimit,
    );
  }

  private countSearch(query: TaskQueueQuery): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tasks t WHERE ${this.queueWhere(query)}`)?.n ?? 0;
  }

  /** Open tasks in a queue with these filters, from the counts the triggers of migration 0130 keep. */
  private countQuery(filter: Pick<TaskQueueQuery, 'queue' | 'userId' | 'taskKind' | 'claimKind' | 'phase'>) {
    const conditions = [sql`1`];
    if (filter.queue === 'mijn_werk') conditions.push(sql`assignee_id = ${filter.userId}`);
    if (filter.queue === 'teamvoorraad') conditions.push(sql`assignee_id = ''`);
    if (filter.taskKind) conditions.push(sql`kind = ${filter.taskKind}`);
    if (filter.claimKind) conditions.push(sql`claim_kind = ${filter.claimKind}`);
    if (filter.phase) conditions.push(sql`phase = ${filter.phase}`);
    return sql`SELECT coalesce(sum(n), 0) AS n FROM task_queue_counts WHERE ${sqlJoin(conditions, ' AND ')}`;
  }

  openForPerson(personId: string): TaskRow[] {
    return this.db
      .all<RawTaskRow>(
        sql`SELECT ${rowColumns} ${rowJoins} WHERE t.person_id = ${personId} AND t.status = 'open' ORDER BY t.due_date`,
      )
      .map(fromRaw);
  }

  /** All tasks, open and done, for the team lead's dashboard (small projections only). */
  forDashboard(): {
    status: string;
    assigneeId: string | null;
    createdOn: string;
    dueDate: string;
    completedOn: string | null;
  }[] {
    return this.db.all(sql`
      SELECT status, assignee_id AS assigneeId, created_on AS createdOn, due_date AS dueDate, completed_on AS completedOn
      FROM tasks`);
  }

  countOpen(filter: { assigneeId?: string; unassigned?: boolean; dueOnOrBefore?: string }): number {
    if (!filter.dueOnOrBefore) {
      const queue = filter.assigneeId ? 'mijn_werk' : filter.unassigned ? 'teamvoorraad' : 'alle_open';
      const count = this.countQuery({
        queue,
        userId: filter.assigneeId ?? '',
        taskKind: null,
        claimKind: null,
        phase: null,
      });
      return this.db.get<{ n: number }>(count)?.n ?? 0;
    }
    const conditions = [sql`status = 'open'`];
    if (filter.assigneeId) conditions.push(sql`assignee_id = ${filter.assigneeId}`);
    if (filter.unassigned) conditions.push(sql`assignee_id IS NULL`);
    if (filter.dueOnOrBefore) conditions.push(sql`due_date <= ${filter.dueOnOrBefore}`);
    return (
      this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tasks WHERE ${sqlJoin(conditions, ' AND ')}`)?.n ?? 0
    );
  }

  private queueWhere(query: TaskQueueQuery) {
    const conditions = [sql`t.status = 'open'`];
    if (query.queue === 'mijn_werk') conditions.push(sql`t.assignee_id = ${query.userId}`);
    if (query.queue === 'teamvoorraad') conditions.push(sql`t.assignee_id IS NULL`);
    if (query.taskKind) conditions.push(sql`t.kind = ${query.taskKind}`);
    if (query.claimKind) conditions.push(sql`t.claim_kind = ${query.claimKind}`);
    if (query.phase) conditions.push(sql`t.phase = ${query.phase}`);
    const match = ftsPrefixQuery(query.search);
    if (match) {
      conditions.push(sql`(t.person_id IN (SELECT id FROM persons WHERE rowid IN
                             (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match}))
                           OR t.claim_id IN (SELECT id FROM claims WHERE rowid IN
                             (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${match})))`);
    }
    return sqlJoin(conditions, ' AND ');
  }
}
