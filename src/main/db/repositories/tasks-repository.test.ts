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
import { TasksRepository, type TaskQueueQuery } from './tasks-repository';

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

  it('fills the sort columns and the search index in bulk after an initial sync with deferred triggers', () => {
    const other = new Database(join(temp.dir, 'deferred.sqlite'));
    migrate(other, loadMigrations(localMigrationsDir));
    deferCacheIndexes(other);
    seedDemoCacheIfEmpty(other, { seed: 11, persons: 200, claims: 1200 }, undefined, '2026-11-29');
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
    other.close();
    fresh.close();
  });
});
