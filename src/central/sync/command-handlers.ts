import type { Command } from '../../shared/api/commands';
import type { Principal } from '../auth/access-token';
import type { Queryable } from '../db/sql-client';
import { caseTeams } from '../scope';
import { decideApproval, pauseArrangement, recordBetalingsonmachtDecision } from './betalingsonmacht-handlers';
import { recordChange } from './change-feed';
import { decideEscalationApproval, recordEscalationDecision } from './escalatie-handlers';
import { assignTask, claimTask, completeTask, deleteView, releaseTask, saveView } from './taken-handlers';
import { decideVoorschot, proposeVoorschot } from './voorschot-handlers';
import { recordVictimNotification, recordVictimWishes, updateVictimPreferences } from './slachtoffer-handlers';
import { serverClock, type ServerClock } from './server-clock';
import { can } from '../../shared/domain/permissions';

export interface CommandResult {
  status: 'applied' | 'rejected' | 'conflict';
  /** Dutch, for the case worker; null when applied. */
  reason: string | null;
  /** Why the server refused on its own account (kind and SQLSTATE), for the audit log only. */
  failure?: string;
}

/** The server re-checks every rule for every command; the client's checks are only a preview. */
export async function applyCommand(
  tx: Queryable,
  principal: Principal,
  command: Command,
  clock: ServerClock = serverClock(),
): Promise<CommandResult> {
  switch (command.type) {
    case 'AddCaseNote':
      return addCaseNote(tx, principal, command, clock);
    case 'RecordBetalingsonmachtDecision':
      return recordBetalingsonmachtDecision(tx, principal, command, clock);
    case 'DecideApproval':
      return decideApproval(tx, principal, command);
    case 'PauseArrangement':
      return pauseArrangement(tx, principal, command, clock);
    case 'RecordEscalationDecision':
      return recordEscalationDecision(tx, principal, command, clock);
    case 'DecideEscalationApproval':
      return decideEscalationApproval(tx, principal, command, clock.today);
    case 'RecordVictimNotification':
      return recordVictimNotification(tx, principal, command, clock.today);
    case 'UpdateVictimPreferences':
      return updateVictimPreferences(tx, principal, command);
    case 'RecordVictimWishes':
      return recordVictimWishes(tx, principal, command, clock.today);
    case 'ClaimTask':
      return claimTask(tx, principal, command);
    case 'ReleaseTask':
      return releaseTask(tx, principal, command);
    case 'AssignTask':
      return assignTask(tx, principal, command);
    case 'CompleteTask':
      return completeTask(tx, principal, command, clock.today);
    case 'SaveView':
      return saveView(tx, principal, command);
    case 'DeleteView':
      return deleteView(tx, principal, command);
    case 'ProposeVoorschot':
      return proposeVoorschot(tx, principal, command, clock);
    case 'DecideVoorschot':
      return decideVoorschot(tx, principal, command);
  }
}

async function addCaseNote(
  tx: Queryable,
  principal: Principal,
  command: Extract<Command, { type: 'AddCaseNote' }>,
  clock: ServerClock,
): Promise<CommandResult> {
  if (!can(principal, 'workCases'))
    return { status: 'rejected', reason: 'Uw rol mag geen notities bij vorderingen maken.' };
  const claims = await tx.query<{ team_id: string }>('SELECT team_id FROM claims WHERE id = $1', [
    command.payload.claimId,
  ]);
  const claim = claims[0];
  if (!claim || !caseTeams(principal).includes(claim.team_id)) {
    return { status: 'rejected', reason: 'Deze vordering bestaat niet of hoort niet bij uw team.' };
  }
  const existing = await tx.query<{ id: string }>('SELECT id FROM case_notes WHERE id = $1', [command.payload.noteId]);
  if (existing.length) return { status: 'conflict', reason: 'Er bestaat al een notitie met dit kenmerk.' };
  const version = await recordChange(tx, 'case_note', command.payload.noteId, claim.team_id);
  await tx.query(
    `INSERT INTO case_notes (id, claim_id, team_id, author_id, text, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      command.payload.noteId,
      command.payload.claimId,
      claim.team_id,
      principal.sub,
      command.payload.text,
      clock.at,
      version,
    ],
  );
  return { status: 'applied', reason: null };
}
