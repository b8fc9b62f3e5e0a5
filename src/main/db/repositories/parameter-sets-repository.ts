import { toApprovedParameterSet, type ParameterSetWire } from '../../../shared/api/parameters';
import type { ApprovedParameterSet } from '../../../shared/domain/parameters/registry';
import type { Database } from '../connection';
import { sql } from '../sql';

const upsert = sql`
  INSERT INTO parameter_sets (id, domain, valid_from, approved_at, body, version) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, valid_from = excluded.valid_from,
    approved_at = excluded.approved_at, body = excluded.body, version = excluded.version
  WHERE excluded.version > parameter_sets.version`;

/** Approved parameter sets in the cache (validated by the feed's schema before they get here). */
export class ParameterSetsRepository {
  constructor(private readonly db: Database) {}

  upsertMany(sets: readonly ParameterSetWire[]): void {
    this.db.runMany(
      upsert,
      sets.map((s) => [s.id, s.domain, s.validFrom, s.approvedAt, JSON.stringify(s), s.version] as const),
    );
  }

  /** Every approved set, oldest approval first, as the app received it. */
  all(): ParameterSetWire[] {
    return this.db
      .all<{ body: string }>(sql`SELECT body FROM parameter_sets ORDER BY approved_at, id`)
      .map((row) => JSON.parse(row.body) as ParameterSetWire);
  }

  approved(): ApprovedParameterSet[] {
    return this.all().map(toApprovedParameterSet);
  }
}
