import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { printMeasure, provenance, recordMeasures, type Measure } from './results';

// `npm run bench`: every benchmark in its own process, printed as ratios against baselines
// measured in the same run; bench/results.json is written anew from this run alone, each figure
// with the commit and schema versions it was measured on (a tree with uncommitted code is refused).
// BENCH_DATABASE_URL=postgres://… runs the central API of the sync benchmark on PostgreSQL, and is
// the server central-load makes its database on (otherwise a throwaway PostgreSQL);
// BENCH_LOAD_CLAIMS=N seeds central-load with N claims instead of 2 million, BENCH_LOKET_CLAIMS=N
// loket-week with N instead of 200,000.
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [
      'local-db-insert',
      'cache-start',
      'initial-sync',
      'betalingsonmacht',
      'escalatie',
      'queue',
      'queue-render',
      'central-load',
      'loket-week',
    ];
const run = provenance();
const measures: Measure[] = [];
for (const name of names) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'run-one.ts'), name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`benchmark ${name} failed`);
  const lines = run.stdout.trim().split('\n');
  const result = JSON.parse(lines[lines.length - 1] ?? '[]') as Measure[];
  for (const m of result) printMeasure(m);
  measures.push(...result);
}
recordMeasures(measures, run, names);
console.log(`\nbench/results.json geschreven: ${names.join(', ')} op ${run.commit.slice(0, 12)}.`);
