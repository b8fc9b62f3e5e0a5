import type { Command, CommandType } from '../../../shared/api/commands';
import type { Database } from '../connection';
import { sql } from '../sql';
import { withoutNul } from '../../../shared/validation/text';

export interface OutboxEntry {
  seq: number;
  commandId: string;
  type: CommandType;
  command: Command;
  status: 'pending' | 'applied';
}

export interface CommandReview {
  commandId: string;
  seq: number;
  type: CommandType;
  command: Command;
  outcome: 'rejected' | 'conflict';
  reason: string;
  serverState: unknown;
  createdAt: string;
}

export class OutboxRepository {
  constructor(private readonly db: Database) {}

  add(command: Command): void {
    this.db.run(sql`INSERT INTO outbox (seq, command_id, type, body, created_at)
                    VALUES (${command.seq}, ${command.commandId}, ${command.type}, ${JSON.stringify(command)}, ${command.issuedAt})`);
  }

  /** Commands still to send, oldest first (the server needs them in seq order). */
  pending(limit: number): OutboxEntry[] {
    return this.db
      .all<{ seq: number; command_id: string; type: CommandType; body: string; status: 'pending' | 'applied' }>(
        sql`SELECT seq, command_id, type, body, status FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ${limit}`,
      )
      .map((row) => ({
        seq: row.seq,
        commandId: row.command_id,
        type: row.type,
        command: JSON.parse(row.body) as Command,
        status: row.status,
      }));
  }

  countPending(): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`)?.n ?? 0;
  }

  markApplied(commandId: string): void {
    this.db.run(sql`UPDATE outbox SET status = 'applied' WHERE command_id = ${commandId}`);
  }

  countAttempt(commandIds: readonly string[]): void {
    for (const id of commandIds) this.db.run(sql`UPDATE outbox SET attempts = attempts + 1 WHERE command_id = ${id}`);
  }

  /** Drops applied entries the server has confirmed; pending ones stay to fetch their outcome. */
  clearAcknowledged(lastProcessedSeq: number): number {
    return this.db.run(sql`DELETE FROM outbox WHERE status = 'applied' AND seq <= ${lastProcessedSeq}`).changes;
  }

  moveToReview(entry: OutboxEntry, outcome: 'rejected' | 'conflict', reason: string, serverState: unknown): void {
    this.db.run(sql`DELETE FROM outbox WHERE command_id = ${entry.commandId}`);
    this.db.run(sql`INSERT INTO command_reviews (command_id, seq, type, body, outcome, reason, server_state, created_at)
                    VALUES (${entry.commandId}, ${entry.seq}, ${entry.type}, ${JSON.stringify(entry.command)}, ${outcome},
                            ${reason}, ${serverState === undefined ? null : JSON.stringify(serverState)}, ${new Date().toISOString()})
                    ON CONFLICT (command_id) DO NOTHING`);
  }

  reviews(): CommandReview[] {
    return this.db
      .all<{
        command_id: string;
        seq: number;
        type: CommandType;
        body: string;
        outcome: 'rejected' | 'conflict';
        reason: string;
        server_state: string | null;
        created_at: string;
      }>(sql`SELECT * FROM command_reviews ORDER BY created_at, seq`)
      .map((row) => ({
        commandId: row.command_id,
        seq: row.seq,
        type: row.type,
        // An old entry may hold a NUL the server refused: shown as �, so the review can still be read.
        command: withoutNul(JSON.parse(row.body) as Command),
        outcome: row.outcome,
        reason: row.reason,
        serverState: row.server_state === null ? null : (JSON.parse(row.server_state) as unknown),
        createdAt: row.created_at,
      }));
  }

  countReviews(): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM command_reviews`)?.n ?? 0;
  }

  review(commandId: string): CommandReview | undefined {
    return this.reviews().find((r) => r.commandId === commandId);
  }

  dropReview(commandId: string): boolean {
    return this.db.run(sql`DELETE FROM command_reviews WHERE command_id = ${commandId}`).changes > 0;
  }
}
