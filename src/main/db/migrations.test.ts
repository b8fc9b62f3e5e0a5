import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { Database } from './connection';
import { latestVersion, loadMigrations, migrate, MigrationError, type Migration } from './migrations';
import { sql, type SqlQuery } from './sql';
import { ClaimsRepository, type ClaimSortKey } from './repositories/claims-repository';
import { PersonsRepository } from './repositories/persons-repository';
import { TasksRepository } from './repositories/tasks-repository';
import { taskSortKeys } from '../../shared/api/saved-views';
import { seedDemoCacheIfEmpty } from '../services/demo-seed-service';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

let counter = 0;
function freshDb(): Database {
  return new Database(join(temp.dir, `m${counter++}.sqlite`));
}

/**
 * Demo data in a cache still at an older schema: seeded with today's code into a fully migrated
 * scratch file, then the columns the old schema has copied over table by table (full-text tables
 * are left to the old schema's own triggers). Today's repositories cannot write an old schema.
 */
function seedAtOldSchema(db: Database, options: { seed: number; persons: number; claims: number }): void {
  const path = join(temp.dir, `seed${counter++}.sqlite`);
  // Parents before children, so the old schema's triggers find what they read.
  const scratch = new Database(path);
  migrate(scratch, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(scratch, options, undefined, '2026-11-29');
  scratch.close();
  db.raw.prepare('ATTACH DATABASE ? AS seed').run(path);
  const columns = (schema: string, table: string) =>
    new Set((db.raw.prepare(`PRAGMA ${schema}.table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  const tables = db
    .all<{ name: string; sql: string }>(sql`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`)
    // Full-text tables and the queue counts are kept by the old schema's triggers as rows arrive.
    .filter(
      (t) =>
        !t.name.startsWith('sqlite_') &&
        !/_fts/.test(t.name) &&
        !/VIRTUAL/i.test(t.sql) &&
        t.name !== 'task_queue_counts',
    );
  const rank = (table: string) => ['persons', 'claims'].indexOf(table) >>> 0; // -1 (others) sorts last
  tables.sort((a, b) => rank(a.name) - rank(b.name));
  for (const { name } of tables) {
    const theirs = columns('seed', name);
    const shared = [...columns('main', name)].filter((c) => theirs.has(c)).join(', ');
    if (shared) db.raw.exec(`INSERT INTO main.${name} (${shared}) SELECT ${shared} FROM seed.${name}`);
  }
  db.raw.exec('DETACH DATABASE seed');
}

function tableNames(db: Database): string[] {
  return db
    .all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .map((r) => r.name);
}

describe('migration runner', () => {
  const real = loadMigrations(localMigrationsDir);

  it('migrates an empty database to the latest version', () => {
    const db = freshDb();
    const result = migrate(db, real);
    expect(result.from).toBe(0);
    expect(result.to).toBe(latestVersion(real));
    expect(db.userVersion).toBe(latestVersion(real));
    expect(tableNames(db)).toEqual(expect.arrayContaining(['claims', 'persons']));
    expect(migrate(db, real).applied).toEqual([]); // idempotent
    db.close();
  });

  it('refuses a database made by a newer app, with a clear Dutch message, and leaves it alone', () => {
    const db = freshDb();
    migrate(db, real);
    db.raw.pragma(`user_version = ${latestVersion(real) + 10}`);
    let error: unknown;
    try {
      migrate(db, real);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).kind).toBe('database_newer');
    expect((error as MigrationError).message).toMatch(/nieuwere app-versie.*Werk de app bij/);
    expect(db.userVersion).toBe(latestVersion(real) + 10);
    db.close();
  });

  it('leaves the database at its previous version when a later migration fails', () => {
    const db = freshDb();
    const first: Migration = { version: 10, name: 'one', sql: 'CREATE TABLE a (x INTEGER) STRICT;' };
    migrate(db, [first]);
    const broken: Migration[] = [
      first,
      { version: 20, name: 'two', sql: 'CREATE TABLE b (x INTEGER) STRICT;' },
      { version: 30, name: 'three', sql: 'CREATE TABLE c (x INTEGER) STRICT; INSERT INTO nope VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/0030_three is mislukt; de database staat nog op versie 10/);
    expect(db.userVersion).toBe(10);
    expect(tableNames(db)).toEqual(['a']); // b and c rolled back with the rest
    db.close();
  });

  it('detects gaps, duplicates and wrong order in the numbering', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, sql: '' });
    expect(() => migrate(freshDb(), [m(10), m(30)])).toThrow(/verwacht 0020/);
    expect(() => migrate(freshDb(), [m(10), m(10)])).toThrow(MigrationError);
    expect(() => migrate(freshDb(), [m(20)])).toThrow(/verwacht 0010/);
  });

  it('refuses a database at a version no migration produced', () => {
    const db = freshDb();
    db.raw.pragma('user_version = 5');
    expect(() => migrate(db, real)).toThrow(/onbekende versie 5/);
    db.close();
  });

  it('rejects files that do not follow NNNN_name.sql', () => {
    const dir = join(temp.dir, 'badnames');
    mkdirSync(dir);
    writeFileSync(join(dir, '10_initial.sql'), '');
    expect(() => loadMigrations(dir)).toThrow(/NNNN_naam\.sql/);
  });
});

describe('migration 0010_cache_core', () => {
  const db = freshDb();
  migrate(
    db,
    loadMigrations(localMigrationsDir).filter((m) => m.version <= 10),
  );

  it('creates STRICT tables that refuse wrongly typed values', () => {
    expect(() =>
      db.run(sql`INSERT INTO persons (id, bsn, display_name, birth_date, city, version)
                 VALUES ('p1', '999999990', 'A', '2000-01-01', 'Sneek', 'not a number')`),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('enforces the claim kind and a non-negative amount, and accepts a claim before its person', () => {
    db.run(
      sql`INSERT INTO persons (id, bsn, display_name, birth_date, city) VALUES ('p1', '1', 'A', '2000-01-01', 'B')`,
    );
    const insert = (kind: string, cents: number, person: string) =>
      db.run(sql`INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, due_date)
                 VALUES (${`c-${kind}-${cents}-${person}`}, ${person}, ${kind}, 'beschikking', 'r', ${cents}, ${cents}, '2026-01-01')`);
    expect(() => insert('wahv', 100, 'p1')).not.toThrow();
    expect(() => insert('parkeerboete', 100, 'p1')).toThrow(/CHECK constraint/);
    expect(() => insert('wahv', -1, 'p1')).toThrow(/CHECK constraint/);
    // The change feed may deliver a claim before its person's latest version (see the migration).
    expect(() => insert('wahv', 100, 'not-yet-synced')).not.toThrow();
  });
});

describe('migration 0110_arrangement_end', () => {
  it('rebuilds arrangements with their rows, now accepting an ended arrangement', () => {
    const db = freshDb();
    const all = loadMigrations(localMigrationsDir);
    migrate(
      db,
      all.filter((m) => m.version <= 100),
    );
    db.run(sql`INSERT INTO arrangements (id, person_id, kind, status, total_cents, decided_at, body, version, pending)
               VALUES ('a1', 'p1', 'standaard', 'lopend', 100, '2026-01-01T00:00:00Z', '{}', 3, 1)`);
    expect(() =>
      db.run(sql`INSERT INTO arrangements (id, person_id, kind, status, total_cents, decided_at, body)
                 VALUES ('a2', 'p1', 'standaard', 'beeindigd', 100, '2026-01-01T00:00:00Z', '{}')`),
    ).toThrow(/CHECK constraint/);
    migrate(db, all);
    expect(db.get(sql`SELECT id, status, version, pending FROM arrangements`)).toEqual({
      id: 'a1',
      status: 'lopend',
      version: 3,
      pending: 1,
    });
    db.run(sql`INSERT INTO arrangements (id, person_id, kind, status, total_cents, decided_at, body)
               VALUES ('a2', 'p1', 'standaard', 'beeindigd', 100, '2026-01-01T00:00:00Z', '{}')`);
    expect(
      db.all<{ name: string }>(sql`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'arrangements'`),
    ).toHaveLength(3); // the primary key's and the two rebuilt ones
  });
});

describe('migration 0090_taken', () => {
  it('refuses an unknown task kind and fills the queue columns from the person and claim', () => {
    const db = freshDb();
    migrate(db, loadMigrations(localMigrationsDir));
    db.run(
      sql`INSERT INTO persons (id, bsn, display_name, birth_date, city) VALUES ('p1', '1', 'Ada', '1990-01-01', 'Sneek')`,
    );
    db.run(sql`INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, due_date)
               VALUES ('c1', 'p1', 'wahv', 'verhaal', 'r1', 100, 250, '2026-01-01')`);
    const insert = (kind: string) =>
      db.run(sql`INSERT INTO tasks (id, person_id, claim_id, kind, priority, status, created_on, due_date)
                 VALUES (${kind}, 'p1', 'c1', ${kind}, 'normaal', 'open', '2026-11-01', '2026-11-15')`);
    expect(() => insert('koffie')).toThrow(/CHECK constraint/);
    insert('escalatie');
    expect(db.get(sql`SELECT person_name, claim_kind, phase, outstanding_cents FROM tasks`)).toEqual({
      person_name: 'Ada',
      claim_kind: 'wahv',
      phase: 'verhaal',
      outstanding_cents: 250,
    });
  });
});

describe('migration 0120_rowid_tiebreak', () => {
  const all = loadMigrations(localMigrationsDir);
  const plan = (db: Database, query: SqlQuery) =>
    db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.values) as {
      parent: number;
      detail: string;
    }[];

  it('rebuilds the sort indexes without the id, also when an interrupted initial sync had dropped some', () => {
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 110),
    );
    db.raw.exec('DROP INDEX tasks_open_due; DROP INDEX claims_due_date'); // as deferCacheIndexes does
    migrate(db, all);
    const indexes = db.all<{ name: string; sql: string }>(
      sql`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('claims', 'tasks')`,
    );
    expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['tasks_open_due', 'claims_due_date']));
    expect(indexes.filter((i) => /, id\)/.test(i.sql)).map((i) => i.name)).toEqual([]);
  });

  it('lets every task queue sort and every indexed claim sort read an index in order, in both directions', () => {
    const db = freshDb();
    migrate(db, all);
    const tasks = new TasksRepository(db);
    for (const sort of taskSortKeys) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const queue of ['alle_open', 'mijn_werk'] as const) {
          const { rows } = tasks.queueQueries({
            queue,
            userId: 'u1',
            sort,
            direction,
            offset: 40,
            limit: 20,
            taskKind: null,
            claimKind: null,
            phase: null,
            search: '',
          });
          // The page is picked from a covering index in its order; only its rows are sorted again (parent 0).
          const steps = plan(db, rows);
          const label = `${queue} by ${sort} ${direction}`;
          expect(
            steps.some((s) => /USING COVERING INDEX tasks_open_/.test(s.detail)),
            label,
          ).toBe(true);
          expect(
            steps.filter((s) => s.parent !== 0 && /TEMP B-TREE/.test(s.detail)),
            label,
          ).toEqual([]);
        }
      }
    }
    const claims = new ClaimsRepository(db);
    for (const sort of ['dueDate', 'outstanding', 'kind', 'phase'] satisfies ClaimSortKey[]) {
      for (const direction of ['asc', 'desc'] as const) {
        const query = claims.pageQueries({ sort, direction, offset: 0, limit: 50 }).rows;
        const steps = plan(db, query).map((s) => s.detail);
        expect(
          steps.filter((detail) => /TEMP B-TREE/.test(detail)),
          `claims by ${sort} ${direction}`,
        ).toEqual([]);
        expect(steps.join(' | ')).toMatch(/SCAN c USING INDEX claims_/);
      }
    }
  });
});

describe('migration 0130_queue_counts', () => {
  const all = loadMigrations(localMigrationsDir);
  const plan = (db: Database, query: SqlQuery) =>
    (db.raw.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.values) as { detail: string }[]).map(
      (s) => s.detail,
    );

  it('counts the open tasks already in a cache, per assignee, kind, claim kind and phase', () => {
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 120),
    );
    seedAtOldSchema(db, { seed: 3, persons: 40, claims: 200 });
    migrate(db, all);
    const kept = db.all(sql`SELECT assignee_id, kind, claim_kind, phase, n FROM task_queue_counts ORDER BY 1, 2, 3, 4`);
    const counted = db.all(sql`
      SELECT coalesce(assignee_id, '') AS assignee_id, kind, coalesce(claim_kind, '') AS claim_kind,
             coalesce(phase, '') AS phase, count(*) AS n
      FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept).toEqual(counted);
  });

  it('reads every filtered and sorted queue page from its sort index alone, in order, and counts from the counts', () => {
    const db = freshDb();
    migrate(db, all);
    const tasks = new TasksRepository(db);
    const filters = [
      { taskKind: null, claimKind: null, phase: null },
      { taskKind: 'escalatie', claimKind: null, phase: null },
      { taskKind: null, claimKind: 'wahv', phase: 'verhaal' },
      { taskKind: 'betalingsonmacht', claimKind: 'cak', phase: 'beschikking' },
    ] as const;
    for (const sort of taskSortKeys) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const queue of ['alle_open', 'mijn_werk', 'teamvoorraad'] as const) {
          for (const filter of filters) {
            const query = { queue, userId: 'u1', sort, direction, offset: 4000, limit: 100, search: '', ...filter };
            const { rows, count } = tasks.queueQueries(query);
            const steps = plan(db, rows);
            const label = `${queue} by ${sort} ${direction} with ${JSON.stringify(filter)}`;
            expect(steps.join(' | '), label).toMatch(/USING COVERING INDEX tasks_open_/);
            // A full sort only of the page's own rows; within the index at most a sort of rows with
            // equal sort keys (when a filter fixes a column between them and the rowid).
            expect(
              steps.filter((s) => s === 'USE TEMP B-TREE FOR ORDER BY'),
              label,
            ).toHaveLength(1);
            expect(plan(db, count ?? sql``).join(' | '), label).toMatch(/task_queue_counts/);
          }
        }
      }
    }
  });
});

describe('migration 0150_person_search_prefixes', () => {
  const all = loadMigrations(localMigrationsDir);

  it('keeps every person findable, gains 2- and 3-letter prefix indexes, and keeps the index current', () => {
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 140),
    );
    seedAtOldSchema(db, { seed: 5, persons: 60, claims: 150 });
    const search = (text: string) =>
      new TasksRepository(db).queuePage({
        queue: 'alle_open',
        userId: 'u1',
        sort: 'dueDate',
        direction: 'asc',
        offset: 0,
        limit: 500,
        search: text,
        taskKind: null,
        claimKind: null,
        phase: null,
      });
    const name = db.get<{ display_name: string }>(
      sql`SELECT p.display_name FROM persons p JOIN tasks t ON t.person_id = p.id WHERE t.status = 'open' LIMIT 1`,
    )?.display_name;
    if (!name) throw new Error('no demo person with an open task');
    const prefix = (name.split(' ').at(-1) ?? '').slice(0, 2);
    const before = { full: search(name), prefix: search(prefix) };
    expect(before.full.total).toBeGreaterThan(0);

    migrate(db, all);
    const definition = db.get<{ sql: string }>(sql`SELECT sql FROM sqlite_schema WHERE name = 'persons_fts'`)?.sql;
    expect(definition).toMatch(/prefix = '2 3'/);
    expect(search(name)).toEqual(before.full);
    expect(search(prefix)).toEqual(before.prefix);
    // The triggers came back with the table: a renamed person is found by the new name only.
    const personId = db.get<{ person_id: string }>(
      sql`SELECT person_id FROM tasks WHERE status = 'open' LIMIT 1`,
    )?.person_id;
    db.run(sql`UPDATE persons SET display_name = 'Zwanet Qwertyuiop' WHERE id = ${personId ?? ''}`);
    expect(search('qw').rows.map((r) => r.personId)).toContain(personId);
    expect(
      db.get<{ n: number }>(sql`SELECT count(*) AS n FROM persons_fts WHERE persons_fts MATCH '"zwanet"*'`)?.n,
    ).toBe(1);
    db.close();
  });
});

describe('migration 0140_loket_requests', () => {
  it('keeps a Loket request by person, and refuses an outcome it does not know', () => {
    const db = freshDb();
    migrate(db, loadMigrations(localMigrationsDir));
    db.run(
      sql`INSERT INTO loket_requests (id, person_id, outcome, submitted_at, body) VALUES ('r1', 'p1', 'in_behandeling', '2026-12-01T10:00:00Z', '{}')`,
    );
    expect(() =>
      db.run(
        sql`INSERT INTO loket_requests (id, person_id, outcome, submitted_at, body) VALUES ('r2', 'p1', 'misschien', '2026-12-01T10:00:00Z', '{}')`,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(db.all(sql`SELECT id FROM loket_requests WHERE person_id = 'p1'`)).toEqual([{ id: 'r1' }]);
    db.close();
  });
});

describe('migration 0160_parameter_sets', () => {
  it('keeps approved sets by domain and refuses a domain it does not know', () => {
    const db = freshDb();
    migrate(db, loadMigrations(localMigrationsDir));
    db.run(
      sql`INSERT INTO parameter_sets (id, domain, valid_from, approved_at, body) VALUES ('s1', 'bvv', '2026-07-01', '2026-07-02T00:00:00Z', '{}')`,
    );
    expect(() =>
      db.run(
        sql`INSERT INTO parameter_sets (id, domain, valid_from, approved_at, body) VALUES ('s2', 'huur', '2026-07-01', '2026-07-02T00:00:00Z', '{}')`,
      ),
    ).toThrow(/CHECK constraint failed/);
    expect(db.all(sql`SELECT id FROM parameter_sets`)).toEqual([{ id: 's1' }]);
    db.close();
  });
});

describe('migration 0170_person_address', () => {
  it('keeps the persons already cached, without an address, and takes one from the next sync', () => {
    const all = loadMigrations(localMigrationsDir);
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 160),
    );
    db.run(
      sql`INSERT INTO persons (id, bsn, display_name, birth_date, city, version) VALUES ('p1', '999999990', 'Jan Jansen', '1980-01-01', 'Zwolle', 1)`,
    );
    migrate(db, all);
    const repo = new PersonsRepository(db);
    expect(repo.get('p1')).toMatchObject({ displayName: 'Jan Jansen', streetAddress: null, postcode: null });
    repo.upsertMany([
      {
        id: 'p1',
        bsn: '999999990',
        displayName: 'Jan Jansen',
        birthDate: '1980-01-01',
        city: 'Zwolle',
        streetAddress: 'Stationsweg 4',
        postcode: '8011 CZ',
        version: 2,
      },
    ]);
    expect(repo.get('p1')).toMatchObject({ streetAddress: 'Stationsweg 4', postcode: '8011 CZ', version: 2 });
    db.close();
  });
});

describe('migration 0180_claim_kind_nvwa', () => {
  it('takes NVWA claims, and keeps every claim with its rowid, its full-text entry, indexes and triggers', () => {
    const all = loadMigrations(localMigrationsDir);
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 170),
    );
    seedAtOldSchema(db, { seed: 9, persons: 30, claims: 120 });
    const before = db.all<{ rowid: number; id: string; reference: string }>(
      sql`SELECT rowid, id, reference FROM claims ORDER BY rowid`,
    );
    expect(() =>
      db.run(
        sql`INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, due_date) VALUES ('n0', 'p', 'nvwa', 'beschikking', 'NVWA-0', 100, 100, '2026-12-01')`,
      ),
    ).toThrow(/CHECK constraint failed/);
    migrate(db, all);
    expect(
      db.all<{ rowid: number; id: string; reference: string }>(
        sql`SELECT rowid, id, reference FROM claims ORDER BY rowid`,
      ),
    ).toEqual(before);
    const probe = before[7];
    if (!probe) throw new Error('no demo claims');
    expect(
      db.all<{ rowid: number }>(sql`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${`"${probe.reference}"`}`),
    ).toEqual([{ rowid: probe.rowid }]);
    const indexes = db
      .all<{ name: string }>(
        sql`SELECT name FROM sqlite_schema WHERE tbl_name = 'claims' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`,
      )
      .map((r) => r.name);
    expect(indexes).toEqual([
      'claims_due_date',
      'claims_fts_delete',
      'claims_fts_insert',
      'claims_fts_update',
      'claims_kind_due_date',
      'claims_outstanding',
      'claims_person',
      'claims_phase_due_date',
      'claims_queue_columns_insert',
      'claims_queue_columns_update',
    ]);
    // An NVWA claim now fits; its task takes its kind through the trigger, its reference is searchable.
    db.run(
      sql`INSERT INTO tasks (id, person_id, claim_id, kind, priority, status, created_on, due_date) VALUES ('t-n1', 'p', 'n1', 'betalingsonmacht', 'normaal', 'open', '2026-12-07', '2026-12-14')`,
    );
    db.run(
      sql`INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, due_date) VALUES ('n1', 'p', 'nvwa', 'beschikking', 'NVWA-2026-1', 25000, 25000, '2026-12-01')`,
    );
    expect(db.get<{ claim_kind: string }>(sql`SELECT claim_kind FROM tasks WHERE id = 't-n1'`)?.claim_kind).toBe(
      'nvwa',
    );
    expect(db.all(sql`SELECT rowid FROM claims_fts WHERE claims_fts MATCH '"NVWA-2026-1"'`)).toHaveLength(1);
    db.close();
  });
});

describe('migration 0190_task_server_rows', () => {
  it('holds one server row per task, as valid JSON, and leaves the tasks as they were', () => {
    const all = loadMigrations(localMigrationsDir);
    const db = freshDb();
    migrate(
      db,
      all.filter((m) => m.version <= 180),
    );
    db.run(
      sql`INSERT INTO tasks (id, person_id, claim_id, kind, priority, status, created_on, due_date) VALUES ('t1', 'p', 'c', 'betalingsonmacht', 'normaal', 'open', '2026-12-07', '2026-12-14')`,
    );
    migrate(db, all);
    expect(db.all(sql`SELECT id, status FROM tasks`)).toEqual([{ id: 't1', status: 'open' }]);
    db.run(sql`INSERT INTO task_server_rows (id, version, body) VALUES ('t1', 4, '{"id":"t1"}')`);
    expect(() => db.run(sql`INSERT INTO task_server_rows (id, version, body) VALUES ('t1', 5, '{}')`)).toThrow(
      /UNIQUE/,
    );
    expect(() => db.run(sql`INSERT INTO task_server_rows (id, version, body) VALUES ('t2', 5, 'niet json')`)).toThrow(
      /CHECK constraint failed/,
    );
    db.close();
  });
});
