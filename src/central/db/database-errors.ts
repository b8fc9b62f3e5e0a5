/**
 * Whether a database failure may pass if the same work is tried again later. SQLSTATE classes:
 * 08 connection, 40 serialization or deadlock, 53 insufficient resources, 57 operator
 * intervention (shutdown), 58 system error. Node's socket errors (ECONNRESET, …) and the pool's
 * "Connection terminated" count too. Everything else (bad data, constraint, a bug) fails again.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^(08|40|53|57|58)[0-9A-Z]{3}$/.test(code)) return true;
    if (/^E[A-Z]+$/.test(code)) return true;
  }
  return /connection (terminated|refused|ended)|timeout exceeded when trying to connect/i.test(error.message);
}
