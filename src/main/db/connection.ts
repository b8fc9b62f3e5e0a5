import BetterSqlite3 from 'better-sqlite3';
import type { SqlQuery, SqlValue } from './sql';

export interface DbLogger {
  warn(message: string, fields?: Record<string, unknown>): void;
}

export const slowQueryMs = 40;

/**
 * The backend's one writer connection. Pragmas follow DESIGN.md: WAL for concurrent readers,
 * synchronous=FULL because better-sqlite3 reopens WAL files with NORMAL and a saved decision
 * must survive power loss, foreign keys on. Statements are prepared once and cached by text.
 */
export class Database {
  readonly raw: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly path: string,
    private readonly logger: DbLogger = { warn: () => undefined },
    options: { exclusive?: boolean } = {},
  ) {
    this.raw = new BetterSqlite3(path);
    try {
      // Exclusive before the first read: SQLite then keeps the WAL index in this process's memory
      // instead of the -shm file, which a full disk cannot size (see open-cache.ts).
      if (options.exclusive) this.raw.pragma('locking_mode = EXCLUSIVE');
      this.configure();
    } catch (error) {
      // A file that is no database fails here: let go of it, so it can be moved aside.
      this.raw.close();
      throw error;
    }
  }

  private configure(): void {
    // 16 KB pages for a new cache (an existing file keeps its size): its hundreds of thousands of
    // rows then need a quarter of the B-tree pages and WAL frames, which makes an initial sync
    // ~10 % faster. Must come before WAL mode, which writes the file's first page.
    this.raw.pragma('page_size = 16384');
    this.raw.pragma('journal_mode = WAL');
    this.raw.pragma('synchronous = FULL');
    this.raw.pragma('foreign_keys = ON');
    this.raw.pragma('busy_timeout = 5000');
    // 64 MB page cache: the claim indexes of a 100k-row cache stay in memory during bulk sync, and
    // at a million claims a search that matches ~500 people (reading ~1,500 scattered 16 KB pages)
    // still finds its pages there after other queue queries: with 32 MB it read them again from the
    // file each time and took 10 ms instead of 6 (bench queue: search p95).
    this.raw.pragma('cache_size = -65536');
  }

  statement(text: string): BetterSqlite3.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.raw.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  all<T>(query: SqlQuery): T[] {
    return this.timed(query, (s, v) => s.all(...v) as T[]);
  }

  get<T>(query: SqlQuery): T | undefined {
    return this.timed(query, (s, v) => s.get(...v) as T | undefined);
  }

  run(query: SqlQuery): BetterSqlite3.RunResult {
    return this.timed(query, (s, v) => s.run(...v));
  }

  /**
   * One statement run for many rows (bulk loads): the text is prepared once and each row's values
   * bound in turn. `query` is built with `sql` from placeholders only; `rows` supply the values.
   */
  runMany(query: SqlQuery, rows: Iterable<readonly SqlValue[]>): number {
    const statement = this.statement(query.text);
    let count = 0;
    for (const values of rows) {
      statement.run(...values);
      count++;
    }
    return count;
  }

  /** Runs `fn` in one transaction; nested calls become savepoints. */
  transaction<T>(fn: () => T): T {
    return this.raw.transaction(fn)();
  }

  /**
   * A transaction whose commit does not wait for the disk (synchronous=NORMAL): in WAL mode it
   * survives a crash of the app, and a power loss can only take it back whole, never half. Only
   * for writes that can be fetched again, such as change-feed pages with their cursor; the next
   * ordinary commit (FULL) syncs these frames too. Nothing else can commit in between: the
   * connection is used by one thread and `fn` is synchronous.
   */
  transactionWithoutSync<T>(fn: () => T): T {
    this.raw.pragma('synchronous = NORMAL');
    try {
      return this.raw.transaction(fn)();
    } finally {
      this.raw.pragma('synchronous = FULL');
    }
  }

  /**
   * Automatic WAL checkpoints after a commit that leaves the log longer than `pages` (SQLite's
   * default is 1000); 0 stops them, for a bulk write that is checkpointed once at its end.
   */
  setAutoCheckpoint(pages: number): void {
    this.raw.pragma(`wal_autocheckpoint = ${Math.max(0, Math.trunc(pages))}`);
  }

  /** Copies the write-ahead log into the database file as far as readers allow (PASSIVE). */
  checkpoint(): { log: number; checkpointed: number } {
    const [result] = this.raw.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    return result ?? { log: 0, checkpointed: 0 };
  }

  /**
   * Gives SQLite's query planner statistics: a cache without them plans its queries blind. The
   * first time a sampled ANALYZE (analysis_limit 400: about 0.3 s at a million claims), after that
   * `optimize` re-analyzes only tables that grew or shrank much (usually a no-op; PRAGMA optimize
   * does nothing on a database that was never analyzed). Run at start and after an initial sync.
   */
  refreshPlannerStatistics(): void {
    const analyzed = this.raw
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`)
      .get();
    if (analyzed) {
      this.raw.pragma('optimize = 0x10002');
    } else {
      this.raw.pragma('analysis_limit = 400');
      this.raw.exec('ANALYZE');
    }
  }

  get userVersion(): number {
    return this.raw.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.statements.clear();
    if (this.raw.open) this.raw.close();
  }

  private timed<T>(query: SqlQuery, exec: (s: BetterSqlite3.Statement, v: readonly SqlValue[]) => T): T {
    const started = performance.now();
    const result = exec(this.statement(query.text), query.values);
    const elapsed = performance.now() - started;
    // Only the SQL text is logged: values may be personal data.
    if (elapsed > slowQueryMs) this.logger.warn('slow query', { ms: Math.round(elapsed), sql: query.text });
    return result;
  }
}
