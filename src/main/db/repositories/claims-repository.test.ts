import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../../tests/support/temp-dir';
import { generateDemoData } from '../../../shared/demo/generator';
import { Database } from '../connection';
import { loadMigrations, migrate } from '../migrations';
import { ClaimsRepository, type ClaimPageQuery } from './claims-repository';
import { PersonsRepository } from './persons-repository';

const temp = makeTempDir();
let db: Database;
let claims: ClaimsRepository;
const data = generateDemoData({ seed: 7, persons: 40, claims: 300 });

beforeAll(() => {
  db = new Database(join(temp.dir, 'repo.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  claims = new ClaimsRepository(db);
  db.transaction(() => {
    new PersonsRepository(db).upsertMany(data.persons.map((p) => ({ ...p, version: 1 })));
    claims.upsertMany(data.claims.map((c) => ({ ...c, version: 1 })));
  });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const baseQuery: ClaimPageQuery = { sort: 'dueDate', direction: 'asc', offset: 0, limit: 50 };

describe('ClaimsRepository', () => {
  it('stores every claim once, and an upsert replaces rather than duplicates', () => {
    expect(claims.count()).toBe(300);
    const first = data.claims[0];
    if (!first) throw new Error('no demo claim');
    claims.upsertMany([{ ...first, outstandingCents: 1, version: 2 }]);
    expect(claims.count()).toBe(300);
    const all = claims.listPage({ ...baseQuery, limit: 200, sort: 'outstanding' }).rows;
    expect(all[0]?.outstandingCents).toBeLessThanOrEqual(1);
  });

  it('sorts by each key in both directions', () => {
    const asc = claims.listPage({ ...baseQuery, sort: 'outstanding', limit: 200 }).rows.map((r) => r.outstandingCents);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = claims
      .listPage({ ...baseQuery, sort: 'dueDate', direction: 'desc', limit: 200 })
      .rows.map((r) => r.dueDate);
    expect(desc).toEqual([...desc].sort().reverse());
    const names = claims.listPage({ ...baseQuery, sort: 'personName', limit: 200 }).rows.map((r) => r.personName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('pages without gaps or overlaps', () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < 300; offset += 37) {
      const page = claims.listPage({ ...baseQuery, offset, limit: 37 });
      expect(page.total).toBe(300);
      for (const row of page.rows) seen.add(row.id);
    }
    expect(seen.size).toBe(300);
  });

  it('filters by kind and phase and counts the filtered total', () => {
    const expected = data.claims.filter((c) => c.kind === 'wahv' && c.phase === 'verhaal').length;
    const page = claims.listPage({ ...baseQuery, kind: 'wahv', phase: 'verhaal', limit: 200 });
    expect(page.total).toBe(expected);
    expect(page.rows.every((r) => r.kind === 'wahv' && r.phase === 'verhaal')).toBe(true);
  });
});
