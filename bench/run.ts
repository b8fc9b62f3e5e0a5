import { benchInitialSync } from './initial-sync.bench';
import { benchLocalDbInsert } from './local-db-insert.bench';
import { printMeasure, recordMeasures, type Measure } from './results';

// `npm run bench`: every benchmark, printed as ratios against baselines measured in this run,
// and merged into bench/results.json.
const measures: Measure[] = [...benchLocalDbInsert(), ...(await benchInitialSync())];
for (const m of measures) printMeasure(m);
recordMeasures(measures);
console.log('\nbench/results.json bijgewerkt.');
