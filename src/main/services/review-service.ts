import type { CommandReview, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { addCaseNote } from './case-notes-service';

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

/** Records the decision again against the current state, and closes the review, in one transaction. */
export function redoReview(db: Database, user: SessionUser, commandId: string): void {
  db.transaction(() => {
    const outbox = new OutboxRepository(db);
    const review = outbox.review(commandId);
    if (!review) throw new AppError('not_found', 'Deze beslissing staat niet (meer) in de lijst.');
    addCaseNote(db, user, { claimId: review.command.payload.claimId, text: review.command.payload.text });
    outbox.dropReview(commandId);
  });
}
