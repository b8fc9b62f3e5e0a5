import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { seedDemoCacheIfEmpty } from '../src/main/services/demo-seed-service';
import { todayInAmsterdam } from '../src/shared/domain/amsterdam-clock';
import { localMigrationsDir } from '../tests/support/temp-dir';

const demoDir = join(import.meta.dirname, '..', 'src', 'shared', 'demo');

/** How many claims the queue benchmarks seed the local cache with (BENCH_QUEUE_CLAIMS). */
export const queueBenchClaims = Number(process.env.BENCH_QUEUE_CLAIMS ?? 1_000_000);

/**
 * A local cache seeded with `claimCount` demo claims, copied to `path`. Seeding a million claims
 * takes minutes, so the seeded file is kept in the temp folder under a name that carries the
 * claim count, a hash of the migrations and the demo generator, and the day: the queue and queue-render
 * benchmarks of one `npm run bench` seed once, and any change to the schema or seed seeds anew.
 * The seeding runs in a process of its own: done in the measuring process, the millions of objects
 * it leaves on the heap made V8's collections pause queries for ~10 ms (queue p95 10 ms, p50 1 ms).
 */
export function seededCacheCopy(claimCount: number, path: string): void {
  const source = join(tmpdir(), `cjib-bench-cache-${claimCount}-${seedFingerprint()}.sqlite`);
  if (!existsSync(source)) {
    const seeding = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, String(claimCount), source], {
      stdio: 'inherit',
    });
    if (seeding.status !== 0) throw new Error(`seeding the bench cache failed (exit ${seeding.status})`);
  }
  copyFileSync(source, path);
}

function seedCache(claimCount: number, source: string): void {
  const building = `${source}.building-${process.pid}`;
  const db = new Database(building);
  migrate(db, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(db, { persons: claimCount / 4, claims: claimCount });
  db.refreshPlannerStatistics(); // as the app does at start
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, source);
}

function seedFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(localMigrationsDir).sort()) hash.update(readFileSync(join(localMigrationsDir, name)));
  for (const file of ['generator.ts', 'tasks.ts']) hash.update(readFileSync(join(demoDir, file)));
  hash.update(readFileSync(join(import.meta.dirname, '..', 'src', 'main', 'services', 'demo-seed-service.ts')));
  // The demo tasks fall due relative to today.
  hash.update(todayInAmsterdam());
  return hash.digest('hex').slice(0, 12);
}

if (process.argv[1] === import.meta.filename) seedCache(Number(process.argv[2]), process.argv[3] ?? '');
