import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { escalationSteps } from '../../shared/domain/escalatie';
import { contract, type ParsedRequestOf } from '../../shared/ipc/contract';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { seedDemoCacheIfEmpty } from './demo-seed-service';
import { escalationPage } from './escalatie-service';

const temp = makeTempDir();
const today = '2026-11-29';
let db: Database;

beforeAll(() => {
  db = new Database(join(temp.dir, 'worklist.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(db, { seed: 7, persons: 150, claims: 600 }, undefined, today);
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const page = (request: Partial<ParsedRequestOf<'escalaties.page'>> = {}) =>
  escalationPage(db, contract['escalaties.page'].request.parse({ limit: 200, ...request }), today);

/** Every row of a filter, page after page. */
function everyRow(request: Partial<ParsedRequestOf<'escalaties.page'>> = {}) {
  const rows = [];
  for (let offset = 0; ; offset += 200) {
    const next = page({ ...request, offset });
    rows.push(...next.rows);
    if (offset + 200 >= next.total) return rows;
  }
}

/** The element at `index`, which the test needs to exist. */
function at<T>(list: readonly T[], index: number): T {
  const value = list.at(index);
  if (value === undefined) throw new Error(`no element at ${index}`);
  return value;
}

const rank = (step: string | null) =>
  step === null ? escalationSteps.length : escalationSteps.indexOf(step as (typeof escalationSteps)[number]);

describe('the Escalaties worklist', () => {
  it('counts per advised step what each step filter then lists, and the counts add up to the whole', () => {
    const all = page();
    expect(all.total).toBe(600);
    expect(all.counts.reduce((sum, c) => sum + c.count, 0)).toBe(all.total);
    expect(all.counts.filter((c) => c.count > 0).length).toBeGreaterThan(1); // more than one step in the demo
    for (const { advice, count } of all.counts) {
      const rows = everyRow({ advice });
      expect(rows).toHaveLength(count);
      expect(rows.every((r) => (r.recommended ?? 'geen') === advice)).toBe(true);
    }
  });

  it('sorts on the advised step in the order of the steps, and within one step on the due date', () => {
    const rows = everyRow({ sort: 'advice' });
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [at(rows, i - 1), at(rows, i)];
      expect(rank(a.recommended)).toBeLessThanOrEqual(rank(b.recommended));
      if (a.recommended === b.recommended) expect(a.dueDate <= b.dueDate).toBe(true);
    }
    const down = everyRow({ sort: 'advice', direction: 'desc' });
    expect(rank(at(down, 0).recommended)).toBeGreaterThanOrEqual(rank(at(down, -1).recommended));
  });

  it('sorts on an amount, filters on kind, phase and a least amount, and searches on the name', () => {
    const byAmount = everyRow({ sort: 'outstanding', direction: 'desc' });
    expect(byAmount.every((r, i) => i === 0 || at(byAmount, i - 1).outstandingCents >= r.outstandingCents)).toBe(true);

    const wahv = everyRow({ kind: 'wahv', phase: 'eerste_aanmaning' });
    expect(wahv.length).toBeGreaterThan(0);
    expect(wahv.every((r) => r.kind === 'wahv' && r.phase === 'eerste_aanmaning')).toBe(true);

    const paid = byAmount.filter((r) => r.outstandingCents === 0).length;
    const owing = page({ minOutstandingCents: 1 });
    expect(owing.total).toBe(600 - paid);
    expect(owing.counts.reduce((sum, c) => sum + c.count, 0)).toBe(owing.total);

    const name = at(at(byAmount, 0).personName.split(' '), -1);
    const found = everyRow({ search: name });
    expect(found.map((r) => r.id)).toContain(at(byAmount, 0).id);
    expect(found.length).toBeLessThan(100);
  });

  it('follows a change in the cache at once (the advice kept for the list is dropped on any write)', () => {
    const row = at(page({ advice: 'eerste_aanmaning', limit: 1 }).rows, 0);
    db.run({ text: `UPDATE claims SET outstanding_cents = 0 WHERE id = ?`, values: [row.id] });
    const after = everyRow().find((r) => r.id === row.id);
    expect(after?.outstandingCents).toBe(0);
    expect(after?.recommended).not.toBe('eerste_aanmaning');
  });
});
