import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { ftsPrefixQuery } from '../src/main/db/full-text';
import { TasksRepository, type TaskQueueQuery } from '../src/main/db/repositories/tasks-repository';
import { queueSearchMatchLimit } from '../src/shared/ipc/contract-taken';
import { sql } from '../src/main/db/sql';
import { makeTempDir } from '../tests/support/temp-dir';
import type { Measure } from './results';
import { demoLocalUser } from '../src/main/backend/local-defaults';
import { queueBenchClaims, seededCacheCopy } from './seeded-cache';

/** A first page of "Alle open taken" of the local demo user, by due date: what each scenario varies. */
export const baseQueueQuery: TaskQueueQuery = {
  queue: 'alle_open',
  userId: demoLocalUser.id,
  sort: 'dueDate',
  direction: 'asc',
  offset: 0,
  limit: 100,
  taskKind: null,
  claimKind: null,
  phase: null,
  search: '',
};

/**
 * What workers type in the search box: a full name, a surname with a city, a BSN and the start of a
 * claim reference (taken from the cache, so they match), and two words that match thousands of
 * people at a million claims ("de vries", "mo") and are answered with "too broad" — never two of
 * those in a row, so the render benchmark sees each answer arrive.
 */
export function searchTerms(db: Database): string[] {
  const withOpenTask = (offset: number) =>
    db.get<{ bsn: string; city: string; reference: string }>(sql`
      SELECT p.bsn, p.city, c.reference FROM tasks t JOIN persons p ON p.id = t.person_id JOIN claims c ON c.id = t.claim_id
      WHERE t.status = 'open' ORDER BY t.rowid LIMIT 1 OFFSET ${offset}`);
  const person = withOpenTask(777);
  const claim = withOpenTask(4242);
  return [
    'sanne jansen',
    'de vries',
    `bakker ${person?.city ?? 'sneek'}`,
    'mo',
    person?.bsn ?? '',
    (claim?.reference ?? '').slice(0, 8),
  ];
}

/** What a worker does with a queue; each becomes one page query (rows + count) as the UI sends it. */
const scenarios: Record<string, (i: number, total: number, terms: string[]) => TaskQueueQuery> = {
  open: () => ({ ...baseQueueQuery, queue: 'teamvoorraad' }),
  'open-mijn-werk': () => ({ ...baseQueueQuery, queue: 'mijn_werk' }),
  'sort-person': (i) => ({ ...baseQueueQuery, sort: 'personName', direction: i % 2 ? 'desc' : 'asc' }),
  'sort-amount': (i) => ({ ...baseQueueQuery, sort: 'outstanding', direction: i % 2 ? 'desc' : 'asc' }),
  'sort-phase': (i) => ({ ...baseQueueQuery, sort: 'phase', direction: i % 2 ? 'desc' : 'asc' }),
  filter: (i) => ({ ...baseQueueQuery, claimKind: 'wahv', phase: i % 2 ? 'verhaal' : 'tweede_aanmaning' }),
  'filter-sorted-by-name': (i) => ({
    ...baseQueueQuery,
    sort: 'personName',
    phase: (['verhaal', 'tweede_aanmaning', 'beschikking', 'eerste_aanmaning'] as const)[i % 4] ?? 'verhaal',
  }),
  'filter-kind': (i) => ({ ...baseQueueQuery, taskKind: i % 2 ? 'escalatie' : 'betalingsonmacht' }),
  search: (i, _total, terms) => ({ ...baseQueueQuery, search: terms[i % terms.length] ?? '' }),
  scroll: (i, total) => ({
    ...baseQueueQuery,
    offset: Math.floor((((i * 7919) % 100) / 100) * Math.max(0, total - 100)),
  }),
};

/** What `queuePage` runs, as the same statements on raw better-sqlite3. */
export function rawQueuePage(db: Database, tasks: TasksRepository, query: TaskQueueQuery): void {
  const match = ftsPrefixQuery(query.search);
  if (match) {
    for (const guard of tasks.searchGuardQueries(match)) {
      const { n } = db.raw.prepare(guard.text).get(...guard.values) as { n: number };
      if (n > queueSearchMatchLimit) return;
    }
  }
  const { rows, count } = tasks.queueQueries(query);
  db.raw.prepare(rows.text).all(...rows.values);
  if (count) db.raw.prepare(count.text).get(...count.values);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Queue queries on a cache of a million claims (BENCH_QUEUE_CLAIMS): each scenario's page query through the repository
 * (p50, p95) against the same SQL text run on raw better-sqlite3 in the same run.
 */
export function benchQueue(claimCount = queueBenchClaims, runs = 60): Measure[] {
  const temp = makeTempDir('cjib-bench-queue-');
  const path = join(temp.dir, 'queue.sqlite');
  seededCacheCopy(claimCount, path);
  const db = new Database(path);
  const tasks = new TasksRepository(db);
  const total = tasks.queuePage(baseQueueQuery).total;
  const terms = searchTerms(db);
  const measures: Measure[] = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const app: number[] = [];
    const raw: number[] = [];
    let tooBroad = 0;
    for (let i = 0; i < runs; i++) {
      const query = scenario(i, total, terms);
      let started = performance.now();
      if (tasks.queuePage(query).tooBroad) tooBroad++;
      app.push(performance.now() - started);
      started = performance.now();
      rawQueuePage(db, tasks, query);
      raw.push(performance.now() - started);
    }
    app.sort((a, b) => a - b);
    raw.sort((a, b) => a - b);
    for (const [label, p] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const value = percentile(app, p);
      const baseline = percentile(raw, p);
      measures.push({
        name: `queue.${name}.query-${label}-ms`,
        value,
        unit: 'ms',
        baseline: { name: 'same SQL on raw better-sqlite3', value: baseline, unit: 'ms' },
        ratio: value / baseline,
        note:
          `${claimCount} claims, ${total} open tasks; 100 rows + count; ${runs} runs; target p95 < 10 ms` +
          (name === 'search' ? `; terms ${terms.join(' | ')}; ${tooBroad} of ${runs} answered "too broad"` : ''),
      });
    }
  }
  db.close();
  temp.cleanup();
  return measures;
}
