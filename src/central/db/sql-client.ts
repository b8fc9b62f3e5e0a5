import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The central API's PostgreSQL access, the same SQL on both engines: embedded PGlite by default
 * (in memory, or in a data folder) and a real server when DATABASE_URL is set.
 */
export interface Queryable {
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends Queryable {
  /**
   * Runs `fn` in one transaction; it rolls back if `fn` throws. `serializable`: as if transactions
   * ran one after another; a clash fails with SQLSTATE 40001 and the caller tries again.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Hears PostgreSQL notifications on `channel` (LISTEN); resolves with the stop. On a server, a
   * connection of its own that comes back after a restart, and then reports '' once (whatever was
   * notified meanwhile is unknown). Stopped by `close()` too.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgresql';
}

export interface TransactionOptions {
  isolation?: 'read committed' | 'serializable';
}

const beginStatement = (options?: TransactionOptions) =>
  options?.isolation === 'serializable' ? 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE' : null;

export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  const toQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async <T>(text: string, params: readonly unknown[] = []) => (await q.query<T>(text, [...params])).rows,
    exec: async (script) => {
      await q.exec(script);
    },
  });
  return {
    engine: 'pglite',
    ...toQueryable(db),
    transaction: (fn, options) =>
      db.transaction(async (tx) => {
        const isolation = beginStatement(options);
        if (isolation) await tx.query(isolation);
        return fn(toQueryable(tx));
      }),
    listen: async (channel, onNotify) => {
      const stop = await db.listen(checkedChannel(channel), onNotify);
      return () => stop();
    },
    close: () => db.close(),
  };
}

/** `role`: every connection acts as this role (SET ROLE), e.g. cjib_api when the owner's URL is all there is. */
export async function openPostgres(connectionString: string, role?: string): Promise<SqlClient> {
  if (role && !/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`ongeldige rolnaam: ${role}`);
  // The role as a startup parameter: a connection that cannot take it fails instead of running as the owner.
  const pool = new pg.Pool({
    connectionString,
    max: 8,
    // While the database is away a request waits at most this long for a connection, then gets 503.
    connectionTimeoutMillis: 5_000,
    ...(role ? { options: `-c role=${role}` } : {}),
  });
  // An idle connection that the server closed (a restart, a terminated backend) is reported here.
  // Without a listener Node ends the whole process; the pool has already dropped the connection and
  // opens a new one for the next query, so there is nothing to do but let requests answer 503 meanwhile.
  pool.on('error', () => {});
  // bigint columns (versions, cents) arrive as numbers; all stay far below 2^53.
  pg.types.setTypeParser(20, (value) => Number(value));
  await pool.query('SELECT 1');
  const listeners = new Set<() => Promise<void>>();
  return {
    engine: 'postgresql',
    query: async <T>(text: string, params: readonly unknown[] = []) =>
      (await pool.query(text, [...params])).rows as T[],
    transaction: async (fn, options) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const isolation = beginStatement(options);
        if (isolation) await client.query(isolation);
        const result = await fn({
          query: async <T>(text: string, params: readonly unknown[] = []) =>
            (await client.query(text, [...params])).rows as T[],
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    listen: async (channel, onNotify) => {
      const stop = await listenOnOwnConnection(connectionString, role, checkedChannel(channel), onNotify);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

function checkedChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`ongeldig kanaal: ${channel}`);
  return channel;
}

const relistenMs = [500, 1_000, 2_000, 5_000];

/**
 * LISTEN needs a connection that stays open, so not one of the pool's. When the server goes away
 * (a restart) it connects again with a growing pause and reports '' once it listens again.
 */
async function listenOnOwnConnection(
  connectionString: string,
  role: string | undefined,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let failures = 0;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, ...(role ? { options: `-c role=${role}` } : {}) });
    next.on('error', () => {}); // reported again as 'end', which reconnects
    next.on('notification', (message) => onNotify(message.payload ?? ''));
    next.on('end', () => {
      // Only a connection that was listening starts the retries; a failed connect retries below.
      if (client !== next) return;
      client = null;
      if (!stopped) retry();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    failures = 0;
  };
  const retry = () => {
    const wait = relistenMs[Math.min(failures++, relistenMs.length - 1)];
    setTimeout(() => {
      if (stopped) return;
      connect().then(
        () => onNotify(''),
        () => retry(),
      );
    }, wait).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
    client = null;
  };
}

export function openSqlClient(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  role?: string | undefined;
}) {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.role) : openPglite(options.dataDir);
}
