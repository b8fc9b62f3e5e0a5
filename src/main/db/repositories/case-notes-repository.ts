import type { CaseNoteWire } from '../../../shared/api/entities';
import type { Database } from '../connection';
import { sql } from '../sql';

export interface CaseNoteRecord {
  id: string;
  claimId: string;
  authorName: string;
  text: string;
  createdAt: string;
  version: number;
  pending: boolean;
}

export class CaseNotesRepository {
  constructor(private readonly db: Database) {}

  /** A server row replaces the optimistic one and clears `pending`. */
  upsertFromServer(notes: readonly CaseNoteWire[]): void {
    for (const n of notes) {
      this.db.run(sql`
        INSERT INTO case_notes (id, claim_id, author_name, text, created_at, version, pending)
        VALUES (${n.id}, ${n.claimId}, ${n.authorName}, ${n.text}, ${n.createdAt}, ${n.version}, 0)
        ON CONFLICT (id) DO UPDATE SET claim_id = excluded.claim_id, author_name = excluded.author_name,
          text = excluded.text, created_at = excluded.created_at, version = excluded.version, pending = 0`);
    }
  }

  addPending(note: Omit<CaseNoteRecord, 'version' | 'pending'>): void {
    this.db.run(sql`
      INSERT INTO case_notes (id, claim_id, author_name, text, created_at, version, pending)
      VALUES (${note.id}, ${note.claimId}, ${note.authorName}, ${note.text}, ${note.createdAt}, 0, 1)`);
  }

  removePending(id: string): void {
    this.db.run(sql`DELETE FROM case_notes WHERE id = ${id} AND pending = 1`);
  }

  listForClaim(claimId: string): CaseNoteRecord[] {
    return this.db
      .all<Omit<CaseNoteRecord, 'pending'> & { pending: number }>(
        sql`
        SELECT id, claim_id AS claimId, author_name AS authorName, text, created_at AS createdAt, version, pending
        FROM case_notes WHERE claim_id = ${claimId} ORDER BY created_at DESC, id`,
      )
      .map((row) => ({ ...row, pending: row.pending === 1 }));
  }

  count(): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_notes`)?.n ?? 0;
  }

  /** For "cache opnieuw opbouwen": server rows go, optimistic ones (still in the outbox) stay. */
  removeSynced(): void {
    this.db.run(sql`DELETE FROM case_notes WHERE pending = 0`);
  }
}
