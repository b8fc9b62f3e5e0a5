import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { demoParameterSetWire } from '../../shared/demo/demo-parameter-sets';
import { computeBeslagvrijeVoet } from '../../shared/domain/beslagvrije-voet';
import { singleOnBijstand2025 } from '../../shared/domain/beslagvrije-voet.examples';
import { installApprovedParameterSets } from '../../shared/domain/parameters/registry';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { applyChanges } from './apply-changes';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
afterEach(() => installApprovedParameterSets([]));

let counter = 0;
function freshDb(): Database {
  const db = new Database(join(temp.dir, `p${counter++}.sqlite`));
  migrate(db, loadMigrations(localMigrationsDir));
  return db;
}

describe('approved parameter sets in the cache', () => {
  it('a set from the feed is kept and used by this process’s rules at once; an older version never overwrites it', () => {
    const db = freshDb();
    const input = { ...singleOnBijstand2025, peildatum: '2026-12-04' };
    expect(computeBeslagvrijeVoet(input).value.requiresApproval).toBe(true); // only the 2025 norms
    const set = demoParameterSetWire('2026-12-04');
    applyChanges(db, [{ entity: 'parameter_set', version: 7, data: { ...set, version: 7 } }]);
    expect(computeBeslagvrijeVoet(input).value.requiresApproval).toBe(false);
    expect(computeBeslagvrijeVoet(input).parameterSet.id).toBe('bvv-2026-07-01');

    const older = { ...set, version: 3, reason: 'een oudere versie van dezelfde set' };
    applyChanges(db, [{ entity: 'parameter_set', version: 3, data: older }]);
    expect(new ParameterSetsRepository(db).all()).toEqual([{ ...set, version: 7 }]);
    db.close();
  });
});
