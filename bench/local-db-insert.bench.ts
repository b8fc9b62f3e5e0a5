import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { ClaimsRepository } from '../src/main/db/repositories/claims-repository';
import { PersonsRepository } from '../src/main/db/repositories/persons-repository';
import { generateDemoData } from '../src/shared/demo/generator';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import { median, type Measure } from './results';

/**
 * Bulk insert of 100,000 claim rows into the local cache: through ClaimsRepository (the sql
 * helper, statement cache and upsert) against raw better-sqlite3 (one prepared plain INSERT)
 * on the same schema, the same rows and the same machine, in one transaction each.
 */
export function benchLocalDbInsert(claimCount = 100_000, repetitions = 3): Measure[] {
  const data = generateDemoData({ persons: Math.ceil(claimCount / 4), claims: claimCount });
  const claims = data.claims.map((c) => ({ ...c, version: 1 }));
  const temp = makeTempDir('cjib-bench-');
  const migrations = loadMigrations(localMigrationsDir);
  let run = 0;

  const freshDb = () => {
    const db = new Database(join(temp.dir, `bench-${run++}.sqlite`));
    migrate(db, migrations);
    db.transaction(() => new PersonsRepository(db).upsertMany(data.persons.map((p) => ({ ...p, version: 1 }))));
    return db;
  };

  const rawRates: number[] = [];
  const repoRates: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    {
      const db = freshDb();
      const insert = db.raw.prepare(
        `INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, administratiekosten_cents, due_date, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const started = performance.now();
      db.raw.transaction(() => {
        for (const c of claims) {
          insert.run(
            c.id,
            c.personId,
            c.kind,
            c.phase,
            c.reference,
            c.originalCents,
            c.outstandingCents,
            c.administratiekostenCents,
            c.dueDate,
            c.version,
          );
        }
      })();
      rawRates.push(claims.length / ((performance.now() - started) / 1000));
      db.close();
    }
    {
      const db = freshDb();
      const repository = new ClaimsRepository(db);
      const started = performance.now();
      db.transaction(() => repository.upsertMany(claims));
      repoRates.push(claims.length / ((performance.now() - started) / 1000));
      if (repository.count() !== claims.length) throw new Error('repository insert lost rows');
      db.close();
    }
  }
  temp.cleanup();

  const raw = median(rawRates);
  const repo = median(repoRates);
  return [
    {
      name: 'local-db.bulk-insert.claims.repository',
      value: repo,
      unit: 'rows/s',
      baseline: { name: 'raw better-sqlite3 INSERT', value: raw, unit: 'rows/s' },
      ratio: repo / raw,
      note: `${claimCount} claim rows, one transaction, WAL + synchronous=FULL, median of ${repetitions}`,
    },
  ];
}
