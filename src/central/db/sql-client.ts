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
    close: () => pool.end(),
  };
}

export function openSqlClient(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  role?: string | undefined;
}) {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.role) : openPglite(options.dataDir);
}
