import type { CommandReview } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';

/** Rejected and conflicting decisions, each beside the server's current state of the same case. */
export function listReviews(db: Database): CommandReview[] {
  const claims = new ClaimsRepository(db);
  return new OutboxRepository(db).reviews().map(({ commandId, type, outcome, reason, createdAt, command }) => ({
    commandId,
    type,
    outcome,
    reason,
    createdAt,
    mine: {
      claimId: command.payload.claimId,
      text: command.payload.text,
      baseVersion: command.baseVersion,
      issuedAt: command.issuedAt,
    },
    theirs: claims.get(command.payload.claimId) ?? null,
  }));
}

export function dropReview(db: Database, commandId: string): void {
  db.transaction(() => new OutboxRepository(db).dropReview(commandId));
}
