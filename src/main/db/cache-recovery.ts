import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Database, type DbLogger } from './connection';

/**
 * The local cache is a copy of the server's data plus the worker's unsent decisions (outbox).
 * When it cannot be trusted at start — not a database at all, or `quick_check` finds damage
 * inside — it is set aside (kept for the support desk, never deleted), a fresh cache is made,
 * and what belongs to the worker alone is carried over: the outbox, the review list and the
 * sync identity (client id, next seq, owner), so no decision is lost or sent twice. Everything
 * else is pulled again from the central API.
 */
export interface CacheRecovery {
  reason: 'not_a_database' | 'damaged';
  /** Where the damaged file now is. */
  keptAs: string;
  /** Unsent decisions carried over. */
  commandsKept: number;
  /** Whether part of the outbox could not be read from the damaged file. */
  commandsUnreadable: boolean;
}

interface Salvage {
  syncState: { key: string; value: string }[];
  outbox: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
  unreadable: boolean;
}

export interface OpenedCache {
  db: Database;
  recovery: CacheRecovery | null;
  /** Call once the fresh cache is migrated: writes back what was saved from the damaged one. */
  restore(): void;
}

const damageCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX']);
const keptSyncState = ['client_id', 'next_seq', 'owner_user_id'];

export function openCheckedCache(path: string, logger: DbLogger, now = new Date()): OpenedCache {
  const nothingToRestore = (db: Database): OpenedCache => ({ db, recovery: null, restore: () => undefined });
  if (path === ':memory:' || !existsSync(path)) return nothingToRestore(new Database(path, logger));

  let reason: CacheRecovery['reason'] | null = null;
  try {
    const db = new Database(path, logger);
    const check = db.raw.pragma('quick_check', { simple: true });
    if (check === 'ok') return nothingToRestore(db);
    db.close();
    reason = 'damaged';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !damageCodes.has(code)) throw error;
    reason = code === 'SQLITE_NOTADB' ? 'not_a_database' : 'damaged';
  }

  const salvage = readSalvage(path);
  const keptAs = `${path}.beschadigd-${now.toISOString().replaceAll(':', '').replace(/\..*$/, '')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, keptAs + suffix);
  }
  const db = new Database(path, logger);
  const recovery: CacheRecovery = {
    reason,
    keptAs,
    commandsKept: salvage.outbox.length,
    commandsUnreadable: salvage.unreadable,
  };
  // What kind of damage and how much was saved; never a row of data.
  logger.warn('local cache damaged: set aside and rebuilt', { ...recovery, keptAs: basename(keptAs) });
  return { db, recovery, restore: () => writeSalvage(db, salvage) };
}

function readSalvage(path: string): Salvage {
  const salvage: Salvage = { syncState: [], outbox: [], reviews: [], unreadable: false };
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch {
    return { ...salvage, unreadable: true };
  }
  const read = <T>(query: string): T[] | null => {
    try {
      return source.prepare(query).all() as T[];
    } catch {
      return null;
    }
  };
  try {
    const state = read<{ key: string; value: string }>('SELECT key, value FROM sync_state');
    salvage.syncState = (state ?? []).filter((row) => keptSyncState.includes(row.key));
    const outbox = read<Record<string, unknown>>('SELECT * FROM outbox ORDER BY seq');
    const reviews = read<Record<string, unknown>>('SELECT * FROM command_reviews');
    // An entry whose body no longer parses cannot be sent: it counts as unreadable, not as kept.
    const parses = (row: Record<string, unknown>) => {
      try {
        JSON.parse(String(row.body));
        return true;
      } catch {
        return false;
      }
    };
    salvage.outbox = (outbox ?? []).filter(parses);
    salvage.reviews = (reviews ?? []).filter(parses);
    salvage.unreadable = outbox === null || salvage.outbox.length !== outbox.length || state === null;
  } finally {
    source.close();
  }
  return salvage;
}

function writeSalvage(db: Database, salvage: Salvage): void {
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    db.raw
      .prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c]));
  };
  db.transaction(() => {
    for (const row of salvage.syncState) insert('sync_state', row);
    // Without the client id the server knows the kept seqs by, they are numbered again from 1
    // under the new id (the server would otherwise wait for seqs that never come).
    const renumber = !salvage.syncState.some((row) => row.key === 'client_id');
    salvage.outbox.forEach((row, index) => {
      if (!renumber) return insert('outbox', row);
      const body = JSON.parse(String(row.body)) as Record<string, unknown>;
      insert('outbox', { ...row, seq: index + 1, body: JSON.stringify({ ...body, seq: index + 1 }) });
    });
    for (const row of salvage.reviews) insert('command_reviews', row);
    // The seq counter must stay ahead of every kept entry, even if its own row was lost.
    const highest = (db.raw.prepare('SELECT max(seq) AS s FROM outbox').get() as { s: number | null }).s;
    const stored = db.raw.prepare(`SELECT value FROM sync_state WHERE key = 'next_seq'`).get() as
      { value: string } | undefined;
    const next = Number(stored?.value ?? 1);
    if (highest !== null && next <= highest) insert('sync_state', { key: 'next_seq', value: String(highest + 1) });
  });
}
