import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCheckedCache } from '../src/main/db/cache-recovery';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { ClaimsRepository } from '../src/main/db/repositories/claims-repository';
import { PersonsRepository } from '../src/main/db/repositories/persons-repository';
import { generateDemoData } from '../src/shared/demo/generator';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import { median, type Measure } from './results';

/**
 * What checking the cache at start costs (cache-recovery.ts: quick_check over every page) on a
 * 100,000-claim cache, against reading the same file's bytes once in the same run: the check
 * cannot be much cheaper than that, and should not be much dearer.
 */
export function benchCacheStart(claimCount = 100_000, repetitions = 5): Measure[] {
  const temp = makeTempDir('cjib-bench-start-');
  const path = join(temp.dir, 'cache.sqlite');
  const data = generateDemoData({ persons: Math.ceil(claimCount / 4), claims: claimCount });
  {
    const db = new Database(path);
    migrate(db, loadMigrations(localMigrationsDir));
    db.transaction(() => new PersonsRepository(db).upsertMany(data.persons.map((p) => ({ ...p, version: 1 }))));
    db.transaction(() => new ClaimsRepository(db).upsertMany(data.claims.map((c) => ({ ...c, version: 1 }))));
    db.checkpoint();
    db.close();
  }
  const quiet = { warn: () => undefined };
  const checked: number[] = [];
  const plain: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    let started = performance.now();
    const opened = openCheckedCache(path, quiet);
    checked.push(performance.now() - started);
    if (opened.recovery) throw new Error('a healthy cache was taken for damaged');
    opened.db.close();

    started = performance.now();
    new Database(path, quiet).close();
    plain.push(performance.now() - started);

    started = performance.now();
    readFileSync(path);
    read.push(performance.now() - started);
  }
  const sizeMb = statSync(path).size / 1024 / 1024;
  temp.cleanup();
  const check = median(checked) - median(plain);
  return [
    {
      name: 'cache.start.quick-check',
      value: check,
      unit: 'ms',
      baseline: { name: 'reading the cache file once', value: median(read), unit: 'ms' },
      ratio: check / median(read),
      note: `${claimCount} claims, ${sizeMb.toFixed(0)} MB file (page cache warm), median of ${repetitions}; open without the check ${median(plain).toFixed(1)} ms`,
    },
  ];
}
