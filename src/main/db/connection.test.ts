import { statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { Database } from './connection';
import { sql } from './sql';

describe('Database', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('opens a real file with WAL, synchronous=FULL and foreign keys, also when reopened', () => {
    const path = join(temp.dir, 'pragmas.sqlite');
    for (let open = 0; open < 2; open++) {
      const db = new Database(path);
      expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.raw.pragma('page_size', { simple: true })).toBe(16384);
      db.close();
    }
  });

  it('keeps the page size of an existing database file', () => {
    const path = join(temp.dir, 'old-pages.sqlite');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE t (x INTEGER) STRICT');
    old.close();
    const db = new Database(path);
    expect(db.raw.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('gives the query planner statistics once there are rows, and then keeps them current cheaply', () => {
    const db = new Database(join(temp.dir, 'stats.sqlite'));
    db.raw.exec('CREATE TABLE t (x INTEGER, y TEXT) STRICT; CREATE INDEX t_y ON t (y)');
    const insert = db.raw.prepare('INSERT INTO t (x, y) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(i, `y${i % 50}`);
    });
    const stats = () => db.raw.prepare(`SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 't'`).all();
    expect(db.raw.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'`).get()).toBeUndefined();
    db.refreshPlannerStatistics();
    const first = stats();
    expect(first).toEqual([{ idx: 't_y', stat: expect.stringMatching(/^5000 \d+$/) as unknown }]);
    db.refreshPlannerStatistics(); // nothing changed: the statistics stay as they were
    expect(stats()).toEqual(first);
    db.close();
  });

  it('caches prepared statements by text', () => {
    const db = new Database(join(temp.dir, 'cache.sqlite'));
    const first = db.statement('SELECT 1');
    expect(db.statement('SELECT 1')).toBe(first);
    db.close();
  });

  it('logs slow queries with their SQL text but never their values', () => {
    const warn = vi.fn();
    const db = new Database(join(temp.dir, 'slow.sqlite'), { warn });
    const secret = 'Jansen-123456782';
    // A recursive CTE that takes well over 40 ms.
    db.get(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
               SELECT count(*) AS c, ${secret} AS s FROM n`);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(warn.mock.calls[0]);
    expect(logged).toContain('WITH RECURSIVE');
    expect(logged).not.toContain(secret);
    db.close();
  });

  it('rolls back a failed transaction completely', () => {
    const db = new Database(join(temp.dir, 'tx.sqlite'));
    db.raw.exec('CREATE TABLE t (x INTEGER NOT NULL) STRICT');
    expect(() =>
      db.transaction(() => {
        db.run(sql`INSERT INTO t (x) VALUES (${1})`);
        db.run(sql`INSERT INTO t (x) VALUES (${null})`);
      }),
    ).toThrow();
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM t`)?.n).toBe(0);
    db.close();
  });

  it('commits a transaction without waiting for the disk and is back to synchronous=FULL afterwards, also after a failure', () => {
    const db = new Database(join(temp.dir, 'nosync.sqlite'));
    db.raw.exec('CREATE TABLE t (x INTEGER NOT NULL) STRICT');
    const during = db.transactionWithoutSync(() => {
      db.run(sql`INSERT INTO t (x) VALUES (${1})`);
      return db.raw.pragma('synchronous', { simple: true });
    });
    expect(during).toBe(1); // NORMAL
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(() =>
      db.transactionWithoutSync(() => {
        db.run(sql`INSERT INTO t (x) VALUES (${2})`);
        db.run(sql`INSERT INTO t (x) VALUES (${null})`);
      }),
    ).toThrow();
    expect(db.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.all<{ x: number }>(sql`SELECT x FROM t`)).toEqual([{ x: 1 }]);
    db.close();
  });

  it('checkpoints a bulk write once when automatic checkpoints are off', () => {
    const path = join(temp.dir, 'bulk.sqlite');
    const db = new Database(path);
    db.setAutoCheckpoint(0);
    db.raw.exec('CREATE TABLE t (text TEXT NOT NULL) STRICT');
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) db.run(sql`INSERT INTO t (text) VALUES (${`rij ${i} `.repeat(20)})`);
    });
    const fileBefore = statSync(path).size;
    const result = db.checkpoint();
    expect(result.log).toBeGreaterThan(20); // everything (1 MB) was still in the log
    expect(result.checkpointed).toBe(result.log);
    expect(statSync(path).size).toBeGreaterThan(fileBefore + 500_000);
    db.setAutoCheckpoint(1000);
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    db.close();
  });
});
