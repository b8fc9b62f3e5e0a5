import type { LoketRequestWire } from '../../../shared/api/loket';
import type { Database } from '../connection';
import { sql } from '../sql';

const upsert = sql`
  INSERT INTO loket_requests (id, person_id, outcome, submitted_at, body, version) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET person_id = excluded.person_id, outcome = excluded.outcome,
    submitted_at = excluded.submitted_at, body = excluded.body, version = excluded.version`;

/** Requests from the Digitaal Loket in the cache (the documents' list, never their content). */
export class LoketRequestsRepository {
  constructor(private readonly db: Database) {}

  upsertMany(requests: readonly LoketRequestWire[]): void {
    this.db.runMany(
      upsert,
      requests.map((r) => [r.id, r.personId, r.outcome, r.submittedAt, JSON.stringify(r), r.version] as const),
    );
  }

  /** The person's latest request still waiting for a worker's decision, if any. */
  openForPerson(personId: string): LoketRequestWire | null {
    const row = this.db.get<{ body: string }>(
      sql`SELECT body FROM loket_requests WHERE person_id = ${personId} AND outcome = 'in_behandeling'
          ORDER BY submitted_at DESC LIMIT 1`,
    );
    return row ? (JSON.parse(row.body) as LoketRequestWire) : null;
  }

  /** All of the person's requests, newest first. */
  forPerson(personId: string): LoketRequestWire[] {
    return this.db
      .all<{ body: string }>(
        sql`SELECT body FROM loket_requests WHERE person_id = ${personId} ORDER BY submitted_at DESC`,
      )
      .map((row) => JSON.parse(row.body) as LoketRequestWire);
  }

  get(id: string): LoketRequestWire | null {
    const row = this.db.get<{ body: string }>(sql`SELECT body FROM loket_requests WHERE id = ${id}`);
    return row ? (JSON.parse(row.body) as LoketRequestWire) : null;
  }
}
