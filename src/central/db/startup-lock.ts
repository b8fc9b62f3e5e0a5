import type { Queryable, SqlClient } from './sql-client';

/** Any number both nodes agree on; PostgreSQL advisory locks are keyed by a bigint. */
const startupLockKey = 7_302_001;

/**
 * Runs `fn` in one transaction that holds the startup lock: when several API nodes start on one
 * database at once, one migrates (or seeds, or makes the first signing key) and the others wait,
 * then find the work done. Held only for the transaction; nothing at run time takes it.
 */
export function withStartupLock<T>(db: SqlClient, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [startupLockKey]);
    return fn(tx);
  });
}
