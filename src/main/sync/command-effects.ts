import type { Command } from '../../shared/api/commands';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { revertPause } from '../services/betalingsonmacht-service';

/**
 * How to undo each command type's optimistic local effect when the server rejects the command or
 * finds a conflict. Runs in the same transaction that moves the command to the review list.
 */
export function revertOptimisticEffect(db: Database, command: Command): void {
  switch (command.type) {
    case 'AddCaseNote':
      new CaseNotesRepository(db).removePending(command.payload.noteId);
      return;
    case 'RecordBetalingsonmachtDecision':
      new ArrangementsRepository(db).removePending(command.payload.arrangementId);
      return;
    case 'UpdateVictimPreferences':
    case 'ClaimTask':
    case 'ReleaseTask':
    case 'AssignTask':
    case 'CompleteTask':
    case 'SaveView':
    case 'DeleteView':
      // Optimistic state of a row the server already has: its next pull brings the authoritative row.
      return;
    case 'RecordVictimWishes':
      new VictimsRepository(db).removeWishPending(command.payload.wishId);
      return;
    case 'RecordVictimNotification':
      new VictimsRepository(db).removeNotificationPending(command.payload.notificationId);
      return;
    case 'ProposeVoorschot':
      new CompensationRepository(db).removePaymentPending(command.payload.paymentId);
      return;
    case 'DecideVoorschot': {
      const compensation = new CompensationRepository(db);
      const current = compensation.payment(command.payload.paymentId);
      if (current?.pending)
        compensation.savePaymentPending({
          ...current,
          status: 'ter_goedkeuring',
          approvedBy: null,
          approvalNote: null,
        });
      return;
    }
    case 'RecordEscalationDecision':
      new EscalationsRepository(db).removePending(command.payload.decisionId);
      return;
    case 'DecideEscalationApproval': {
      const escalations = new EscalationsRepository(db);
      const current = escalations.get(command.payload.decisionId);
      if (current?.pending)
        escalations.savePending({ ...current, status: 'ter_goedkeuring', approvedBy: null, approvalNote: null });
      return;
    }
    case 'PauseArrangement':
      revertPause(db, command.payload);
      return;
    case 'DecideApproval': {
      // Back to what the server last said; a pull brings the authoritative row anyway.
      const arrangements = new ArrangementsRepository(db);
      const current = arrangements.get(command.payload.arrangementId);
      if (current?.pending)
        arrangements.savePending({ ...current, status: 'ter_goedkeuring', approvedBy: null, approvalNote: null });
      return;
    }
  }
}

/**
 * After a command left the outbox (any outcome): rows a pull held back while it was unsent get the
 * server's version now, since the feed does not send them again.
 */
export function settleHeldRows(db: Database, command: Command): void {
  switch (command.type) {
    case 'ClaimTask':
    case 'ReleaseTask':
    case 'AssignTask':
    case 'CompleteTask':
      new TasksRepository(db).settle(command.payload.taskId);
      return;
    default:
      return;
  }
}
