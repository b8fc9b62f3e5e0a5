import { benchBetalingsonmacht } from './betalingsonmacht.bench';
import { benchCacheStart } from './cache-start.bench';
import { benchCentralLoad } from './central-load.bench';
import { benchEscalatie } from './escalatie.bench';
import { benchInitialSync } from './initial-sync.bench';
import { benchLocalDbInsert } from './local-db-insert.bench';
import { benchLoketWeek } from './loket-week.bench';
import { benchQueue } from './queue.bench';
import { benchQueueRender } from './queue-render.bench';
import type { Measure } from './results';

// Runs one benchmark in this (fresh) process and prints its measures as the last line, so
// memory figures are not inflated by benchmarks that ran before.
const benches: Record<string, () => Measure[] | Promise<Measure[]>> = {
  'local-db-insert': () => benchLocalDbInsert(),
  'cache-start': () => benchCacheStart(),
  'initial-sync': () => benchInitialSync(),
  betalingsonmacht: () => benchBetalingsonmacht(),
  escalatie: () => benchEscalatie(),
  queue: () => benchQueue(),
  'queue-render': () => benchQueueRender(),
  'central-load': () => benchCentralLoad(Number(process.env.BENCH_LOAD_CLAIMS ?? 2_000_000)),
  'loket-week': () => benchLoketWeek(Number(process.env.BENCH_LOKET_CLAIMS ?? 200_000)),
};

const name = process.argv[2] ?? '';
const bench = benches[name];
if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benches).join(', ')}`);
process.stdout.write(`${JSON.stringify(await bench())}\n`);
