import { generateDemoData, type DemoOptions } from '../../shared/demo/generator';
import type { Database } from '../db/connection';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';

/**
 * Fills an empty local cache with deterministic demo data. Until the central API syncs real
 * queues this is what `npm start` shows; it never touches a cache that already has claims.
 */
export function seedDemoCacheIfEmpty(db: Database, options: DemoOptions): number {
  const claims = new ClaimsRepository(db);
  if (claims.count() > 0) return 0;
  const data = generateDemoData(options);
  const persons = new PersonsRepository(db);
  db.transaction(() => {
    persons.upsertMany(data.persons.map((p) => ({ ...p, version: 1 })));
    claims.upsertMany(data.claims.map((c) => ({ ...c, version: 1 })));
  });
  return data.claims.length;
}
