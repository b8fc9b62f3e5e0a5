import type { EscalationDecisionWire } from '../../../shared/api/entities';
import type { Database } from '../connection';
import { sql } from '../sql';

export interface EscalationRecord extends EscalationDecisionWire {
  pending: boolean;
}

const upsert = sql`
  INSERT INTO escalation_decisions (id, claim_id, person_id, step, status, decided_at, body, version, pending)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET claim_id = excluded.claim_id, person_id = excluded.person_id, step = excluded.step,
    status = excluded.status, decided_at = excluded.decided_at, body = excluded.body, version = excluded.version,
    pending = excluded.pending`;

const toRow = (e: EscalationDecisionWire, pending: boolean) =>
  [e.id, e.claimId, e.personId, e.step, e.status, e.decidedAt, JSON.stringify(e), e.version, pending ? 1 : 0] as const;

const fromRow = (row: { body: string; pending: number }): EscalationRecord => ({
  ...(JSON.parse(row.body) as EscalationDecisionWire),
  pending: row.pending === 1,
});

export class EscalationsRepository {
  constructor(private readonly db: Database) {}

  upsertFromServer(decisions: readonly EscalationDecisionWire[]): void {
    this.db.runMany(
      upsert,
      decisions.map((d) => toRow(d, false)),
    );
  }

  savePending(decision: EscalationDecisionWire): void {
    this.db.runMany(upsert, [toRow(decision, true)]);
  }

  removePending(id: string): void {
    this.db.run(sql`DELETE FROM escalation_decisions WHERE id = ${id} AND pending = 1`);
  }

  get(id: string): EscalationRecord | undefined {
    const row = this.db.get<{ body: string; pending: number }>(
      sql`SELECT body, pending FROM escalation_decisions WHERE id = ${id}`,
    );
    return row ? fromRow(row) : undefined;
  }

  forClaim(claimId: string): EscalationRecord[] {
    return this.db
      .all<{ body: string; pending: number }>(
        sql`SELECT body, pending FROM escalation_decisions WHERE claim_id = ${claimId} ORDER BY decided_at DESC`,
      )
      .map(fromRow);
  }

  list(
    status: EscalationDecisionWire['status'] | undefined,
    limit: number,
  ): (EscalationRecord & { personName: string; claimReference: string })[] {
    const rows = this.db.all<{
      body: string;
      pending: number;
      person_name: string | null;
      reference: string | null;
    }>(sql`
      SELECT e.body, e.pending, p.display_name AS person_name, c.reference
      FROM escalation_decisions e LEFT JOIN persons p ON p.id = e.person_id LEFT JOIN claims c ON c.id = e.claim_id
      WHERE ${status ?? null} IS NULL OR e.status = ${status ?? null}
      ORDER BY e.decided_at DESC LIMIT ${limit}`);
    return rows.map((row) => ({
      ...fromRow(row),
      personName: row.person_name ?? '',
      claimReference: row.reference ?? '',
    }));
  }

  countWithStatus(status: EscalationDecisionWire['status']): number {
    return (
      this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM escalation_decisions WHERE status = ${status}`)?.n ?? 0
    );
  }

  removeSynced(): void {
    this.db.run(sql`DELETE FROM escalation_decisions WHERE pending = 0`);
  }
}
