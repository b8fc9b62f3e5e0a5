import type { ArrangementWire } from '../../../shared/api/entities';
import type { Database } from '../connection';
import { sql } from '../sql';

export interface ArrangementRecord extends ArrangementWire {
  pending: boolean;
}

const upsert = sql`
  INSERT INTO arrangements (id, person_id, kind, status, total_cents, decided_at, body, version, pending)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, kind = excluded.kind, status = excluded.status,
    total_cents = excluded.total_cents, decided_at = excluded.decided_at, body = excluded.body,
    version = excluded.version, pending = excluded.pending`;

const toRow = (a: ArrangementWire, pending: boolean) =>
  [
    a.id,
    a.personId,
    a.kind,
    a.status,
    a.totalCents,
    a.decidedAt,
    JSON.stringify(a),
    a.version,
    pending ? 1 : 0,
  ] as const;

export class ArrangementsRepository {
  constructor(private readonly db: Database) {}

  upsertFromServer(arrangements: readonly ArrangementWire[]): void {
    this.db.runMany(
      upsert,
      arrangements.map((a) => toRow(a, false)),
    );
  }

  savePending(arrangement: ArrangementWire): void {
    this.db.runMany(upsert, [toRow(arrangement, true)]);
  }

  removePending(id: string): void {
    this.db.run(sql`DELETE FROM arrangements WHERE id = ${id} AND pending = 1`);
  }

  get(id: string): ArrangementRecord | undefined {
    const row = this.db.get<{ body: string; pending: number }>(
      sql`SELECT body, pending FROM arrangements WHERE id = ${id}`,
    );
    return row ? { ...(JSON.parse(row.body) as ArrangementWire), pending: row.pending === 1 } : undefined;
  }

  forPerson(personId: string): ArrangementRecord[] {
    return this.db
      .all<{ body: string; pending: number }>(
        sql`SELECT body, pending FROM arrangements WHERE person_id = ${personId} ORDER BY decided_at DESC`,
      )
      .map((row) => ({ ...(JSON.parse(row.body) as ArrangementWire), pending: row.pending === 1 }));
  }

  list(status: ArrangementWire['status'] | undefined, limit: number): (ArrangementRecord & { personName: string })[] {
    const rows = status
      ? this.db.all<{ body: string; pending: number; person_name: string | null }>(sql`
          SELECT a.body, a.pending, p.display_name AS person_name FROM arrangements a LEFT JOIN persons p ON p.id = a.person_id
          WHERE a.status = ${status} ORDER BY a.decided_at DESC LIMIT ${limit}`)
      : this.db.all<{ body: string; pending: number; person_name: string | null }>(sql`
          SELECT a.body, a.pending, p.display_name AS person_name FROM arrangements a LEFT JOIN persons p ON p.id = a.person_id
          ORDER BY a.decided_at DESC LIMIT ${limit}`);
    return rows.map((row) => ({
      ...(JSON.parse(row.body) as ArrangementWire),
      pending: row.pending === 1,
      personName: row.person_name ?? '',
    }));
  }

  countWithStatus(status: ArrangementWire['status']): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM arrangements WHERE status = ${status}`)?.n ?? 0;
  }

  removeSynced(): void {
    this.db.run(sql`DELETE FROM arrangements WHERE pending = 0`);
  }

  saveDraft(personId: string, body: string): void {
    this.db
      .run(sql`INSERT INTO assessment_drafts (person_id, body, updated_at) VALUES (${personId}, ${body}, ${new Date().toISOString()})
                    ON CONFLICT (person_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`);
  }

  draft(personId: string): string | null {
    return (
      this.db.get<{ body: string }>(sql`SELECT body FROM assessment_drafts WHERE person_id = ${personId}`)?.body ?? null
    );
  }

  removeDraft(personId: string): void {
    this.db.run(sql`DELETE FROM assessment_drafts WHERE person_id = ${personId}`);
  }
}
