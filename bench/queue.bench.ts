import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { TasksRepository, type TaskQueueQuery } from '../src/main/db/repositories/tasks-repository';
import { seedDemoCacheIfEmpty } from '../src/main/services/demo-seed-service';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import type { Measure } from './results';
import { demoLocalUser } from '../src/main/backend/local-defaults';

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

/** What a worker does with a queue; each becomes one page query (rows + count) as the UI sends it. */
const scenarios: Record<string, (i: number, total: number) => TaskQueueQuery> = {
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
  search: (i) => ({ ...baseQueueQuery, search: ['jan', 'de vr', 'bakk', 'sneek', 'van der', 'mo'][i % 6] ?? 'jan' }),
  scroll: (i, total) => ({
    ...baseQueueQuery,
    offset: Math.floor((((i * 7919) % 100) / 100) * Math.max(0, total - 100)),
  }),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Queue queries on a cache of 100,000 claims: each scenario's page query through the repository
 * (p50, p95) against the same SQL text run on raw better-sqlite3 in the same run.
 */
export function benchQueue(claimCount = 100_000, runs = 60): Measure[] {
  const temp = makeTempDir('cjib-bench-queue-');
  const db = new Database(join(temp.dir, 'queue.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(db, { persons: claimCount / 4, claims: claimCount });
  db.raw.exec('ANALYZE');
  const tasks = new TasksRepository(db);
  const total = tasks.queuePage(baseQueueQuery).total;
  const measures: Measure[] = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const app: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      const query = scenario(i, total);
      let started = performance.now();
      tasks.queuePage(query);
      app.push(performance.now() - started);
      const { rows, count } = tasks.queueQueries(query);
      started = performance.now();
      db.raw.prepare(rows.text).all(...rows.values);
      if (count) db.raw.prepare(count.text).get(...count.values);
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
        note: `${claimCount} claims, ${total} open tasks; 100 rows + count; ${runs} runs; target p95 < 10 ms`,
      });
    }
  }
  db.close();
  temp.cleanup();
  return measures;
}
