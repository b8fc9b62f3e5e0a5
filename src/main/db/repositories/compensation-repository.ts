import type { VictimCompensationWire, VoorschotPaymentWire } from '../../../shared/api/entities';
import type { Database } from '../connection';
import { sql } from '../sql';

export interface VoorschotPaymentRecord extends VoorschotPaymentWire {
  pending: boolean;
}

const upsertCompensation = sql`
  INSERT INTO victim_compensations (id, victim_id, body, version) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET victim_id = excluded.victim_id, body = excluded.body, version = excluded.version`;

const upsertPayment = sql`
  INSERT INTO voorschot_payments (id, compensation_id, victim_id, status, proposed_at, body, version, pending)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET compensation_id = excluded.compensation_id, victim_id = excluded.victim_id,
    status = excluded.status, proposed_at = excluded.proposed_at, body = excluded.body, version = excluded.version,
    pending = excluded.pending`;

const paymentRow = (p: VoorschotPaymentWire, pending: boolean) =>
  [p.id, p.compensationId, p.victimId, p.status, p.proposedAt, JSON.stringify(p), p.version, pending ? 1 : 0] as const;

const fromPaymentRow = (row: { body: string; pending: number }): VoorschotPaymentRecord => ({
  ...(JSON.parse(row.body) as VoorschotPaymentWire),
  pending: row.pending === 1,
});

/** Schadevergoedingsmaatregelen per victim and the voorschotten on them (victim compartment). */
export class CompensationRepository {
  constructor(private readonly db: Database) {}

  upsertCompensations(compensations: readonly VictimCompensationWire[]): void {
    this.db.runMany(
      upsertCompensation,
      compensations.map((c) => [c.id, c.victimId, JSON.stringify(c), c.version]),
    );
  }

  forVictim(victimId: string): VictimCompensationWire | undefined {
    const row = this.db.get<{ body: string }>(sql`SELECT body FROM victim_compensations WHERE victim_id = ${victimId}`);
    return row ? (JSON.parse(row.body) as VictimCompensationWire) : undefined;
  }

  compensation(id: string): VictimCompensationWire | undefined {
    const row = this.db.get<{ body: string }>(sql`SELECT body FROM victim_compensations WHERE id = ${id}`);
    return row ? (JSON.parse(row.body) as VictimCompensationWire) : undefined;
  }

  upsertPaymentsFromServer(payments: readonly VoorschotPaymentWire[]): void {
    this.db.runMany(
      upsertPayment,
      payments.map((p) => paymentRow(p, false)),
    );
  }

  savePaymentPending(payment: VoorschotPaymentWire): void {
    this.db.runMany(upsertPayment, [paymentRow(payment, true)]);
  }

  removePaymentPending(id: string): void {
    this.db.run(sql`DELETE FROM voorschot_payments WHERE id = ${id} AND pending = 1`);
  }

  payment(id: string): VoorschotPaymentRecord | undefined {
    const row = this.db.get<{ body: string; pending: number }>(
      sql`SELECT body, pending FROM voorschot_payments WHERE id = ${id}`,
    );
    return row ? fromPaymentRow(row) : undefined;
  }

  paymentsForVictim(victimId: string): VoorschotPaymentRecord[] {
    return this.db
      .all<{ body: string; pending: number }>(
        sql`SELECT body, pending FROM voorschot_payments WHERE victim_id = ${victimId} ORDER BY proposed_at DESC`,
      )
      .map(fromPaymentRow);
  }

  paymentsWithStatus(status: VoorschotPaymentWire['status']): VoorschotPaymentRecord[] {
    return this.db
      .all<{ body: string; pending: number }>(
        sql`SELECT body, pending FROM voorschot_payments WHERE status = ${status} ORDER BY proposed_at`,
      )
      .map(fromPaymentRow);
  }

  countPaymentsWithStatus(status: VoorschotPaymentWire['status']): number {
    return (
      this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM voorschot_payments WHERE status = ${status}`)?.n ?? 0
    );
  }

  removeSynced(): void {
    this.db.run(sql`DELETE FROM victim_compensations`);
    this.db.run(sql`DELETE FROM voorschot_payments WHERE pending = 0`);
  }
}
