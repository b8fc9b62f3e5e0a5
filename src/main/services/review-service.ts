import type { Command } from '../../shared/api/commands';
import type { CommandReview, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { addCaseNote } from './case-notes-service';

/** Rejected and conflicting decisions, each beside the server's current state of the same case. */
export function listReviews(db: Database): CommandReview[] {
  const claims = new ClaimsRepository(db);
  const persons = new PersonsRepository(db);
  const arrangements = new ArrangementsRepository(db);
  return new OutboxRepository(db).reviews().map(({ commandId, outcome, reason, createdAt, command }) => ({
    commandId,
    outcome,
    reason,
    createdAt,
    mine: describeMine(command),
    theirs: describeTheirs(command, claims, persons, arrangements),
  }));
}

function describeMine(command: Command): CommandReview['mine'] {
  const common = { baseVersion: command.baseVersion, issuedAt: command.issuedAt };
  switch (command.type) {
    case 'AddCaseNote':
      return { type: command.type, claimId: command.payload.claimId, text: command.payload.text, ...common };
    case 'RecordBetalingsonmachtDecision':
      return {
        type: command.type,
        personId: command.payload.personId,
        decisionKind: command.payload.choice.kind,
        expectedTotalCents: command.payload.expectedTotalCents,
        ...common,
      };
    case 'DecideApproval':
      return {
        type: command.type,
        arrangementId: command.payload.arrangementId,
        approve: command.payload.approve,
        note: command.payload.note,
        ...common,
      };
    case 'RecordEscalationDecision':
      return { type: command.type, claimId: command.payload.claimId, step: command.payload.step, ...common };
    case 'RecordVictimNotification':
    case 'RecordVictimWishes':
      return {
        type: 'RecordVictimNotification',
        victimId: command.payload.victimId,
        eventId: command.payload.eventId,
        ...common,
      };
    case 'UpdateVictimPreferences':
      // Shown with the victim; there is no event to name.
      return {
        type: 'RecordVictimNotification',
        victimId: command.payload.victimId,
        eventId: command.payload.victimId,
        ...common,
      };
    case 'DecideEscalationApproval':
      return {
        type: command.type,
        decisionId: command.payload.decisionId,
        approve: command.payload.approve,
        note: command.payload.note,
        ...common,
      };
    case 'ClaimTask':
    case 'ReleaseTask':
    case 'AssignTask':
    case 'CompleteTask':
      return { type: 'Werkvoorraad', action: command.type, subjectId: command.payload.taskId, ...common };
    case 'SaveView':
    case 'DeleteView':
      return { type: 'Werkvoorraad', action: command.type, subjectId: command.payload.viewId, ...common };
    case 'ProposeVoorschot':
    case 'DecideVoorschot':
      return { type: 'Voorschot', action: command.type, subjectId: command.payload.paymentId, ...common };
    case 'PauseArrangement':
      return { type: 'Regeling', action: command.type, subjectId: command.payload.arrangementId, ...common };
  }
}

function describeTheirs(
  command: Command,
  claims: ClaimsRepository,
  persons: PersonsRepository,
  arrangements: ArrangementsRepository,
): CommandReview['theirs'] {
  switch (command.type) {
    case 'AddCaseNote':
      return {
        claim: claims.get(command.payload.claimId) ?? null,
        personName: null,
        openTotalCents: null,
        arrangementStatus: null,
      };
    case 'RecordBetalingsonmachtDecision':
      return {
        claim: null,
        personName: persons.get(command.payload.personId)?.displayName ?? null,
        openTotalCents: claims.openTotalForPerson(command.payload.personId),
        arrangementStatus: null,
      };
    case 'DecideApproval':
    case 'PauseArrangement':
      return {
        claim: null,
        personName: null,
        openTotalCents: null,
        arrangementStatus: arrangements.get(command.payload.arrangementId)?.status ?? null,
      };
    case 'RecordEscalationDecision':
      return {
        claim: claims.get(command.payload.claimId) ?? null,
        personName: null,
        openTotalCents: null,
        arrangementStatus: null,
      };
    case 'DecideEscalationApproval':
    case 'RecordVictimNotification':
    case 'RecordVictimWishes':
    case 'UpdateVictimPreferences':
    case 'ClaimTask':
    case 'ReleaseTask':
    case 'AssignTask':
    case 'CompleteTask':
    case 'SaveView':
    case 'DeleteView':
    case 'ProposeVoorschot':
    case 'DecideVoorschot':
      return { claim: null, personName: null, openTotalCents: null, arrangementStatus: null };
  }
}

export function dropReview(db: Database, commandId: string): void {
  db.transaction(() => new OutboxRepository(db).dropReview(commandId));
}

/** Records a note again against the current state, and closes the review, in one transaction. */
export function redoReview(db: Database, user: SessionUser, commandId: string): void {
  db.transaction(() => {
    const outbox = new OutboxRepository(db);
    const review = outbox.review(commandId);
    if (!review) throw new AppError('not_found', 'Deze beslissing staat niet (meer) in de lijst.');
    if (review.command.type !== 'AddCaseNote') {
      throw new AppError(
        'invalid_request',
        'Open de zaak en beoordeel haar opnieuw; dit besluit kan niet zonder nieuwe beoordeling.',
      );
    }
    addCaseNote(db, user, { claimId: review.command.payload.claimId, text: review.command.payload.text });
    outbox.dropReview(commandId);
  });
}
