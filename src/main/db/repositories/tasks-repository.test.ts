import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../../tests/support/temp-dir';
import { deferCacheIndexes, restoreDeferredIndexes } from '../../sync/deferred-indexes';
import { seedDemoCacheIfEmpty } from '../../services/demo-seed-service';
import { Database } from '../connection';
import { loadMigrations, migrate } from '../migrations';
import { sql } from '../sql';
import { ClaimsRepository } from './claims-repository';
import { PersonsRepository } from './persons-repository';
import { OutboxRepository } from './outbox-repository';
import { settleHeldRows } from '../../sync/command-effects';
import { TasksRepository, type TaskQueueQuery } from './tasks-repository';
import { queueSearchMatchLimit } from '../../../shared/ipc/contract-taken';
import { claimPhases } from '../../../shared/domain/claims';

const temp = makeTempDir();
let db: Database;
let tasks: TasksRepository;
const me = 'demo-inning-1';

beforeAll(() => {
  db = new Database(join(temp.dir, 'tasks.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(db, { seed: 11, persons: 200, claims: 1200 }, undefined, '2026-11-29');
  tasks = new TasksRepository(db);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const query = (overrides: Partial<TaskQueueQuery> = {}): TaskQueueQuery => ({
  queue: 'alle_open',
  userId: me,
  sort: 'dueDate',
  direction: 'asc',
  offset: 0,
  limit: 500,
  taskKind: null,
  claimKind: null,
  phase: null,
  search: '',
  ...overrides,
});

const openTasks = () =>
  db.all<{ id: string; assignee_id: string | null; due_date: string; person_name: string }>(
    sql`SELECT id, assignee_id, due_date, person_name FROM tasks WHERE status = 'open'`,
  );

describe('TasksRepository queues', () => {
  it('splits open work into Mijn werk, Teamvoorraad and the rest, and leaves done work out', () => {
    const all = openTasks();
    expect(all.length).toBeGreaterThan(50);
    const mine = tasks.queuePage(query({ queue: 'mijn_werk' }));
    const team = tasks.queuePage(query({ queue: 'teamvoorraad' }));
    expect(mine.total).toBe(all.filter((t) => t.assignee_id === me).length);
    expect(team.total).toBe(all.filter((t) => t.assignee_id === null).length);
    expect(tasks.queuePage(query()).total).toBe(all.length);
    expect(mine.rows.every((r) => r.assigneeId === me && r.status === 'open')).toBe(true);
    expect(team.rows.every((r) => r.assigneeId === null)).toBe(true);
  });

  it('sorts by each key in both directions with stable paging', () => {
    for (const sort of ['dueDate', 'personName', 'outstanding', 'kind', 'phase', 'createdOn'] as const) {
      const asc = tasks.queuePage(query({ sort, limit: 1000 })).rows;
      const desc = tasks.queuePage(query({ sort, direction: 'desc', limit: 1000 })).rows;
      expect(desc.map((r) => r.id)).toEqual([...asc].reverse().map((r) => r.id));
      const pages = [0, 1, 2].flatMap((p) => tasks.queuePage(query({ sort, offset: p * 20, limit: 20 })).rows);
      expect(pages.map((r) => r.id)).toEqual(asc.slice(0, 60).map((r) => r.id));
    }
    const byName = tasks.queuePage(query({ sort: 'personName', limit: 1000 })).rows.map((r) => r.personName);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('filters on task kind, claim kind and phase, and counts what the filter leaves', () => {
    const filtered = tasks.queuePage(query({ taskKind: 'escalatie', claimKind: 'wahv' }));
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r.kind === 'escalatie' && r.claimKind === 'wahv')).toBe(true);
    const phase = tasks.queuePage(query({ phase: 'verhaal' }));
    expect(phase.rows.every((r) => r.phase === 'verhaal')).toBe(true);
    expect(phase.total).toBe(phase.rows.length);
  });

  it('searches persons by name and BSN prefix, and claims by reference, counting all matches', () => {
    const sample = tasks.queuePage(query({ limit: 1 })).rows[0];
    if (!sample?.reference) throw new Error('no open task with a claim');
    const firstName = sample.personName.split(' ')[0] ?? '';
    const byName = tasks.queuePage(query({ search: firstName.slice(0, 3).toLowerCase(), limit: 5 }));
    expect(byName.rows.some((r) => r.personName.startsWith(firstName.slice(0, 3)))).toBe(true);
    expect(byName.total).toBeGreaterThanOrEqual(byName.rows.length);
    const bsn = new PersonsRepository(db).get(sample.personId)?.bsn ?? '';
    expect(tasks.queuePage(query({ search: bsn.slice(0, 7) })).rows.map((r) => r.id)).toContain(sample.id);
    const byReference = tasks.queuePage(query({ search: sample.reference }));
    expect(byReference.rows.map((r) => r.id)).toContain(sample.id);
    // A page beyond the matches still reports how many there are.
    expect(tasks.queuePage(query({ search: sample.reference, offset: 100 })).total).toBe(byReference.total);
    expect(tasks.queuePage(query({ search: 'zzzqqq' })).total).toBe(0);
  });

  it('keeps the sort columns and the search index current when a person or claim changes', () => {
    const task = tasks.queuePage(query({ limit: 1 })).rows[0];
    if (!task?.claimId) throw new Error('no open task with a claim');
    const persons = new PersonsRepository(db);
    const person = persons.get(task.personId);
    if (!person) throw new Error('no person');
    const oldSurname = person.displayName.split(' ').at(-1) ?? '';
    persons.upsertMany([{ ...person, displayName: 'Zoë Quakernaat', version: person.version + 1 }]);
    const claims = new ClaimsRepository(db);
    const claim = claims.get(task.claimId);
    if (!claim) throw new Error('no claim');
    claims.upsertMany([
      { ...claim, phase: 'deurwaarder', outstandingCents: 123_45, version: claim.version + 1 } as never,
    ]);
    const found = tasks.queuePage(query({ search: 'quaker' })).rows;
    expect(found.map((r) => r.id)).toContain(task.id);
    const row = tasks.row(task.id);
    expect(row).toMatchObject({ personName: 'Zoë Quakernaat', phase: 'deurwaarder', outstandingCents: 123_45 });
    expect(tasks.queuePage(query({ search: oldSurname })).rows.map((r) => r.id)).not.toContain(task.id);
  });

  it('keeps a task this app changed until the server has processed the command', () => {
    const task = tasks.queuePage(query({ queue: 'teamvoorraad', limit: 1 })).rows[0];
    const record = tasks.get(task?.id ?? '');
    if (!record) throw new Error('no unassigned task');
    db.run(sql`INSERT INTO outbox (seq, command_id, type, body, created_at)
               VALUES (900001, 'c-900001', 'ClaimTask', ${JSON.stringify({ payload: { taskId: record.id } })}, '2026-11-29T10:00:00Z')`);
    tasks.savePending({ ...record, assigneeId: me });
    // A page read before the server processed the claim still says "unassigned".
    tasks.upsertFromServer([{ ...record, assigneeId: null }]);
    expect(tasks.get(record.id)).toMatchObject({ assigneeId: me, pending: true });
    db.run(sql`UPDATE outbox SET status = 'applied' WHERE command_id = 'c-900001'`);
    tasks.upsertFromServer([{ ...record, assigneeId: 'demo-inning-2', version: record.version + 5 }]);
    expect(tasks.get(record.id)).toMatchObject({ assigneeId: 'demo-inning-2', pending: false });
  });

  it('after a refused move, shows the server row a pull held back while the move was unsent', () => {
    // Seen in the chaos test: a worker completed a task offline; the team lead released it meanwhile;
    // the release reached this cache while the completion was unsent and was held back; the server then
    // refused the completion. The feed never sends the release again: the held row must take over.
    const outbox = new OutboxRepository(db);
    const task = tasks.queuePage(query({ queue: 'mijn_werk', limit: 1 })).rows[0];
    const record = tasks.get(task?.id ?? '');
    if (!record) throw new Error('no task of mine');
    const complete = {
      commandId: '6f0c1d1e-2b9a-4c55-9a51-0d7f1c2b3a41',
      seq: 900002,
      issuedAt: '2026-12-07T10:00:00Z',
      baseVersion: record.version,
      type: 'CompleteTask',
      payload: { taskId: record.id, completedOn: '2026-12-07', expectedAssigneeId: me },
    } as const;
    outbox.add(complete);
    tasks.savePending({ ...record, status: 'afgerond', completedOn: '2026-12-07' });
    tasks.upsertFromServer([{ ...record, assigneeId: null, version: record.version + 7 }]);
    tasks.upsertFromServer([{ ...record, assigneeId: 'demo-inning-2', version: record.version + 3 }]); // older: ignored
    expect(tasks.get(record.id)).toMatchObject({ status: 'afgerond', pending: true });

    const entry = outbox.pending(100).find((e) => e.commandId === complete.commandId);
    if (!entry) throw new Error('not in the outbox');
    outbox.moveToReview(entry, 'conflict', 'Deze taak is intussen vrijgegeven.', null);
    settleHeldRows(db, complete);
    expect(tasks.get(record.id)).toMatchObject({
      status: 'open',
      assigneeId: null,
      completedOn: null,
      version: record.version + 7,
      pending: false,
    });
    expect(db.all(sql`SELECT id FROM task_server_rows`)).toEqual([]);
  });

  it('fills the sort columns and the search index in bulk after an initial sync with deferred triggers', () => {
    const other = new Database(join(temp.dir, 'deferred.sqlite'));
    migrate(other, loadMigrations(localMigrationsDir));
    deferCacheIndexes(other);
    seedDemoCacheIfEmpty(other, { seed: 11, persons: 200, claims: 1200 }, undefined, '2026-11-29');
    // Mid-sync, with the sort indexes gone, a queue page (the notifications poll one) still answers.
    for (const queue of ['alle_open', 'mijn_werk', 'teamvoorraad'] as const) {
      expect(() => new TasksRepository(other).queuePage(query({ queue, sort: 'personName' }))).not.toThrow();
    }
    expect(new TasksRepository(other).queuePage(query({ limit: 10 })).rows).toHaveLength(10);
    restoreDeferredIndexes(other);
    const bulk = new TasksRepository(other).queuePage(query({ sort: 'personName', limit: 1000 })).rows;
    const fresh = new Database(join(temp.dir, 'reference.sqlite'));
    migrate(fresh, loadMigrations(localMigrationsDir));
    seedDemoCacheIfEmpty(fresh, { seed: 11, persons: 200, claims: 1200 }, undefined, '2026-11-29');
    const reference = new TasksRepository(fresh).queuePage(query({ sort: 'personName', limit: 1000 })).rows;
    expect(bulk).toEqual(reference);
    expect(bulk.every((r) => r.personName.length > 0)).toBe(true);
    const name = bulk[0]?.personName.split(' ')[0] ?? '';
    expect(new TasksRepository(other).queuePage(query({ search: name })).total).toBeGreaterThan(0);
    expect(keptCounts(other)).toEqual(keptCounts(fresh));
    expect(keptCounts(other)).toEqual(countedCounts(other));
    other.close();
    fresh.close();
  });
});

/** The open-task counts the triggers keep (groups that dropped to zero left out). */
const keptCounts = (database: Database) =>
  database.all(sql`SELECT assignee_id, kind, claim_kind, phase, n FROM task_queue_counts WHERE n <> 0
                   ORDER BY assignee_id, kind, claim_kind, phase`);
/** The same, counted over the tasks themselves. */
const countedCounts = (database: Database) =>
  database.all(sql`SELECT coalesce(assignee_id, '') AS assignee_id, kind, coalesce(claim_kind, '') AS claim_kind,
                          coalesce(phase, '') AS phase, count(*) AS n
                   FROM tasks WHERE status = 'open' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);

describe('TasksRepository counts (migration 0130)', () => {
  it('keeps every queue count exact through server pages, local moves, completion, phase changes and deletes', () => {
    const database = new Database(join(temp.dir, 'counts.sqlite'));
    migrate(database, loadMigrations(localMigrationsDir));
    seedDemoCacheIfEmpty(database, { seed: 5, persons: 60, claims: 300 }, undefined, '2026-11-29');
    const repository = new TasksRepository(database);
    const claims = new ClaimsRepository(database);
    const ids = database.all<{ id: string }>(sql`SELECT id FROM tasks ORDER BY rowid`).map((r) => r.id);
    const claimIds = database.all<{ id: string }>(sql`SELECT id FROM claims ORDER BY rowid`).map((r) => r.id);
    const assignees = [null, me, 'demo-inning-2'];
    const step = fc.oneof(
      fc.record({
        op: fc.constant('task' as const),
        task: fc.nat(ids.length - 1),
        assignee: fc.nat(2),
        open: fc.boolean(),
        pending: fc.boolean(),
      }),
      fc.record({
        op: fc.constant('phase' as const),
        claim: fc.nat(claimIds.length - 1),
        phase: fc.nat(claimPhases.length - 1),
      }),
      fc.record({ op: fc.constant('delete' as const), task: fc.nat(ids.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        database.raw.exec('SAVEPOINT property');
        try {
          for (const s of steps) {
            if (s.op === 'task') {
              const record = repository.get(ids[s.task] ?? '');
              if (!record) continue;
              const changed = {
                ...record,
                assigneeId: assignees[s.assignee] ?? null,
                status: s.open ? ('open' as const) : ('afgerond' as const),
                completedOn: s.open ? null : '2026-11-29',
              };
              if (s.pending) repository.savePending(changed);
              else repository.upsertFromServer([{ ...changed, version: record.version + 1 }]);
            } else if (s.op === 'phase') {
              const claim = claims.get(claimIds[s.claim] ?? '');
              if (claim)
                claims.upsertMany([
                  { ...claim, phase: claimPhases[s.phase] ?? 'verhaal', version: claim.version + 1 } as never,
                ]);
            } else {
              database.run(sql`DELETE FROM tasks WHERE id = ${ids[s.task] ?? ''}`);
            }
          }
          expect(keptCounts(database)).toEqual(countedCounts(database));
          const open = countedCounts(database) as { assignee_id: string; phase: string; n: number }[];
          const sum = (rows: typeof open) => rows.reduce((total, r) => total + r.n, 0);
          expect(repository.queuePage(query({ queue: 'mijn_werk', phase: 'verhaal', limit: 1 })).total).toBe(
            sum(open.filter((r) => r.assignee_id === me && r.phase === 'verhaal')),
          );
          expect(repository.countOpen({ unassigned: true })).toBe(sum(open.filter((r) => r.assignee_id === '')));
        } finally {
          database.raw.exec('ROLLBACK TO property; RELEASE property');
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
    database.close();
  });

  it('answers a search that matches more persons than the limit with "too broad" and no rows', () => {
    const database = new Database(join(temp.dir, 'broad.sqlite'));
    migrate(database, loadMigrations(localMigrationsDir));
    const insertPeople = (from: number, to: number) =>
      database.transaction(() => {
        for (let i = from; i < to; i++) {
          database.run(sql`INSERT INTO persons (id, bsn, display_name, birth_date, city)
                           VALUES (${`p${i}`}, ${String(100000000 + i)}, 'Zwaantje Quist', '1990-01-01', 'Sneek')`);
        }
      });
    insertPeople(0, queueSearchMatchLimit);
    database.run(sql`INSERT INTO tasks (id, person_id, kind, priority, status, created_on, due_date)
                     VALUES ('t1', 'p7', 'betalingsonmacht', 'normaal', 'open', '2026-11-01', '2026-11-15')`);
    const repository = new TasksRepository(database);
    const atLimit = repository.queuePage(query({ search: 'quist' }));
    expect(atLimit).toMatchObject({ total: 1, tooBroad: false });
    expect(atLimit.rows.map((r) => r.id)).toEqual(['t1']);
    insertPeople(queueSearchMatchLimit, queueSearchMatchLimit + 1);
    expect(repository.queuePage(query({ search: 'quist' }))).toEqual({ rows: [], total: 0, tooBroad: true });
    // A more specific search (the BSN) is answered again.
    expect(repository.queuePage(query({ search: '100000007' })).rows.map((r) => r.id)).toEqual(['t1']);
    database.close();
  });
});
