import type { ClaimEventWire } from '../../../shared/api/entities';
import { outsideJointArrangement } from '../../../shared/domain/betalingsregeling-rijk';
import type { ClaimKind } from '../../../shared/domain/claims';
import type { Database } from '../connection';
import { sql } from '../sql';

const upsert = sql`
  INSERT INTO claim_events (id, claim_id, kind, occurred_on, amount_cents, description, version) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET claim_id = excluded.claim_id, kind = excluded.kind, occurred_on = excluded.occurred_on,
    amount_cents = excluded.amount_cents, description = excluded.description, version = excluded.version`;

export class ClaimEventsRepository {
  constructor(private readonly db: Database) {}

  upsertMany(events: readonly ClaimEventWire[]): void {
    this.db.runMany(
      upsert,
      events.map((e) => [e.id, e.claimId, e.kind, e.occurredOn, e.amountCents, e.description, e.version]),
    );
  }

  forClaim(claimId: string): ClaimEventWire[] {
    return this.db.all<ClaimEventWire>(sql`
      SELECT id, claim_id AS claimId, kind, occurred_on AS occurredOn, amount_cents AS amountCents, description, version
      FROM claim_events WHERE claim_id = ${claimId} ORDER BY occurred_on, id`);
  }

  get(id: string): ClaimEventWire | undefined {
    return this.db.get<ClaimEventWire>(sql`
      SELECT id, claim_id AS claimId, kind, occurred_on AS occurredOn, amount_cents AS amountCents, description, version
      FROM claim_events WHERE id = ${id}`);
  }

  /** What a person paid on their CJIB claims from `since` (a date) on. */
  /**
   * What the person paid since `since` towards a Betalingsregeling Rijk decided that day: payments on
   * the claims of every creditor taking part then.
   */
  paidByPersonSince(personId: string, since: string): number {
    return this.db
      .all<{ kind: ClaimKind; paid: number }>(
        sql`SELECT c.kind, sum(e.amount_cents) AS paid FROM claim_events e JOIN claims c ON c.id = e.claim_id
            WHERE c.person_id = ${personId} AND e.kind = 'betaling' AND e.occurred_on >= ${since}
            GROUP BY c.kind`,
      )
      .filter((row) => !outsideJointArrangement(row.kind, since))
      .reduce((sum, row) => sum + row.paid, 0);
  }
}
