import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { ClaimsRepository } from '../src/main/db/repositories/claims-repository';
import { PersonsRepository } from '../src/main/db/repositories/persons-repository';
import { uncheckedFacts } from '../src/main/services/escalatie-service';
import { generateDemoData } from '../src/shared/demo/generator';
import { adviseEscalation } from '../src/shared/domain/escalatie';
import { claimForEscalation, situationFromDecisions } from '../src/shared/domain/escalatie-situatie';
import type { ClaimRow } from '../src/shared/ipc/contract';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import { median, type Measure } from './results';

/**
 * Recommendations for 100,000 claims from the local cache: read every claim through the
 * repository's page query and advise its next step, against only reading them (same query, same
 * run) as the baseline.
 */
export function benchEscalatie(claimCount = 100_000): Measure[] {
  const temp = makeTempDir('cjib-bench-esc-');
  const db = new Database(join(temp.dir, 'esc.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  const data = generateDemoData({ persons: claimCount / 4, claims: claimCount });
  db.transaction(() => {
    new PersonsRepository(db).upsertMany(data.persons.map((p) => ({ ...p, version: 1 })));
    new ClaimsRepository(db).upsertMany(data.claims.map((c) => ({ ...c, version: 1 })));
  });
  const claims = new ClaimsRepository(db);
  const situation = situationFromDecisions([]);
  const today = '2026-11-29';
  const pageSize = 5000;

  const readAll = (visit: (row: ClaimRow) => void) => {
    for (let offset = 0; offset < claimCount; offset += pageSize) {
      for (const row of claims.listPage({ sort: 'dueDate', direction: 'asc', offset, limit: pageSize }).rows)
        visit(row);
    }
  };

  const readTimes: number[] = [];
  const adviseTimes: number[] = [];
  let recommended = 0;
  for (let r = 0; r < 3; r++) {
    let started = performance.now();
    let count = 0;
    readAll(() => count++);
    readTimes.push((performance.now() - started) / count);

    started = performance.now();
    recommended = 0;
    readAll((row) => {
      if (adviseEscalation(claimForEscalation(row, uncheckedFacts), situation, today).recommended) recommended++;
    });
    adviseTimes.push((performance.now() - started) / claimCount);
  }
  db.close();
  temp.cleanup();
  const read = median(readTimes);
  const advise = median(adviseTimes);
  return [
    {
      name: 'escalatie.recommendation.ms-per-claim',
      value: advise,
      unit: 'ms',
      baseline: { name: 'reading the claim from the local cache (same paged query)', value: read, unit: 'ms' },
      ratio: advise / read,
      note: `value = read + advise per claim; ${claimCount} claims in pages of ${pageSize}; ${recommended} with a recommended step; median of 3`,
    },
    { name: 'escalatie.recommendation.total-seconds-100k', value: (advise * claimCount) / 1000, unit: 's' },
  ];
}
