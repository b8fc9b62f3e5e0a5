import type { Command } from '../../shared/api/commands';
import type { Principal } from '../auth/access-token';
import type { Queryable } from '../db/sql-client';
import { caseTeams } from '../scope';
import { recordChange } from './change-feed';
import type { CommandResult } from './command-handlers';
import { can, refusalOf } from '../../shared/domain/permissions';

type TaskCommand<T extends Command['type']> = Extract<Command, { type: T }>;

interface TaskRow {
  team_id: string;
  status: 'open' | 'afgerond';
  assignee_id: string | null;
  assignee_name: string | null;
}

async function lockTask(tx: Queryable, principal: Principal, taskId: string): Promise<TaskRow | CommandResult> {
  if (!can(principal, 'workCases')) return { status: 'rejected', reason: 'Uw rol werkt niet met deze taken.' };
  const rows = await tx.query<TaskRow>(
    `SELECT t.team_id, t.status, t.assignee_id, u.display_name AS assignee_name
     FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id WHERE t.id = $1 FOR UPDATE OF t`,
    [taskId],
  );
  const task = rows[0];
  if (!task || !caseTeams(principal).includes(task.team_id)) {
    return { status: 'rejected', reason: 'Deze taak bestaat niet of hoort niet bij uw team.' };
  }
  if (task.status === 'afgerond') return { status: 'conflict', reason: 'Deze taak is inmiddels afgerond.' };
  return task;
}

const isResult = (value: TaskRow | CommandResult): value is CommandResult => 'reason' in value;

/** A move made on an older picture of who held the task: a conflict, shown with who holds it now. */
function staleMove(task: TaskRow, expectedAssigneeId: string | null | undefined): CommandResult | null {
  if (expectedAssigneeId === undefined || task.assignee_id === expectedAssigneeId) return null;
  return {
    status: 'conflict',
    reason: `Deze taak is intussen ${task.assignee_name ? `opgepakt door ${task.assignee_name}` : 'vrijgegeven'}; uw wijziging is niet doorgevoerd.`,
  };
}

async function setAssignee(tx: Queryable, taskId: string, teamId: string, assigneeId: string | null): Promise<void> {
  const version = await recordChange(tx, 'task', taskId, teamId);
  await tx.query('UPDATE tasks SET assignee_id = $2, version = $3 WHERE id = $1', [taskId, assigneeId, version]);
}

export async function claimTask(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'ClaimTask'>,
): Promise<CommandResult> {
  const task = await lockTask(tx, principal, command.payload.taskId);
  if (isResult(task)) return task;
  if (task.assignee_id === principal.sub) return { status: 'applied', reason: null };
  if (task.assignee_id) {
    return { status: 'conflict', reason: `Deze taak is al opgepakt door ${task.assignee_name ?? 'een collega'}.` };
  }
  await setAssignee(tx, command.payload.taskId, task.team_id, principal.sub);
  return { status: 'applied', reason: null };
}

export async function releaseTask(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'ReleaseTask'>,
): Promise<CommandResult> {
  const task = await lockTask(tx, principal, command.payload.taskId);
  if (isResult(task)) return task;
  const stale = staleMove(task, command.payload.expectedAssigneeId);
  if (stale) return stale;
  if (task.assignee_id !== principal.sub && !can(principal, 'actOnOthersWork')) {
    return { status: 'rejected', reason: 'Alleen wie de taak heeft of de teamleider kan haar vrijgeven.' };
  }
  await setAssignee(tx, command.payload.taskId, task.team_id, null);
  return { status: 'applied', reason: null };
}

export async function assignTask(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'AssignTask'>,
): Promise<CommandResult> {
  if (!can(principal, 'assignTasks')) return { status: 'rejected', reason: refusalOf('assignTasks') };
  const task = await lockTask(tx, principal, command.payload.taskId);
  if (isResult(task)) return task;
  const { assigneeId, expectedAssigneeId } = command.payload;
  if (task.assignee_id === assigneeId) return { status: 'applied', reason: null };
  if (task.assignee_id !== expectedAssigneeId) {
    return {
      status: 'conflict',
      reason: `Deze taak is intussen ${task.assignee_name ? `toegewezen aan ${task.assignee_name}` : 'vrijgegeven'}.`,
    };
  }
  if (assigneeId) {
    const members = await tx.query<{ id: string }>(
      `SELECT id FROM users WHERE id = $1 AND team_id = $2 AND role IN ('medewerker_inning', 'teamleider')`,
      [assigneeId, task.team_id],
    );
    if (!members.length) return { status: 'rejected', reason: 'Deze medewerker hoort niet bij het team van de taak.' };
  }
  await setAssignee(tx, command.payload.taskId, task.team_id, assigneeId);
  return { status: 'applied', reason: null };
}

export async function completeTask(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'CompleteTask'>,
  today: string,
): Promise<CommandResult> {
  const task = await lockTask(tx, principal, command.payload.taskId);
  if (isResult(task)) return task;
  const stale = staleMove(task, command.payload.expectedAssigneeId);
  if (stale) return stale;
  if (task.assignee_id !== principal.sub && !can(principal, 'actOnOthersWork')) {
    return { status: 'rejected', reason: 'Pak de taak eerst op voordat u haar afrondt.' };
  }
  const version = await recordChange(tx, 'task', command.payload.taskId, task.team_id);
  await tx.query(
    `UPDATE tasks SET status = 'afgerond', completed_on = $2, completed_by = $3,
       assignee_id = coalesce(assignee_id, $3), version = $4 WHERE id = $1`,
    // The server's date is the fact: the desktop's clock (and what it sent) may be days off.
    [command.payload.taskId, today, principal.sub, version],
  );
  return { status: 'applied', reason: null };
}

export async function saveView(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'SaveView'>,
): Promise<CommandResult> {
  const team = caseTeams(principal)[0];
  if (!team) return { status: 'rejected', reason: 'Uw rol heeft geen werkvoorraad om weergaven van te bewaren.' };
  const { viewId, name, definition } = command.payload;
  const existing = await tx.query<{ owner_id: string }>('SELECT owner_id FROM saved_views WHERE id = $1 FOR UPDATE', [
    viewId,
  ]);
  if (existing[0] && existing[0].owner_id !== principal.sub) {
    return { status: 'rejected', reason: 'Alleen wie de weergave maakte kan haar wijzigen.' };
  }
  const version = await recordChange(tx, 'saved_view', viewId, team);
  await tx.query(
    `INSERT INTO saved_views (id, team_id, owner_id, name, definition, version) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, definition = excluded.definition, version = excluded.version`,
    [viewId, team, principal.sub, name, JSON.stringify(definition), version],
  );
  return { status: 'applied', reason: null };
}

export async function deleteView(
  tx: Queryable,
  principal: Principal,
  command: TaskCommand<'DeleteView'>,
): Promise<CommandResult> {
  const rows = await tx.query<{ owner_id: string; team_id: string }>(
    'SELECT owner_id, team_id FROM saved_views WHERE id = $1 FOR UPDATE',
    [command.payload.viewId],
  );
  const view = rows[0];
  if (!view || !caseTeams(principal).includes(view.team_id)) {
    return { status: 'rejected', reason: 'Deze weergave bestaat niet of hoort niet bij uw team.' };
  }
  if (view.owner_id !== principal.sub && !can(principal, 'actOnOthersWork')) {
    return { status: 'rejected', reason: 'Alleen wie de weergave maakte of de teamleider kan haar verwijderen.' };
  }
  const version = await recordChange(tx, 'saved_view', command.payload.viewId, view.team_id);
  await tx.query('UPDATE saved_views SET deleted = true, version = $2 WHERE id = $1', [
    command.payload.viewId,
    version,
  ]);
  return { status: 'applied', reason: null };
}

/**
 * A decision the server applied finishes the decider's own open tasks of that kind on the case (the
 * assessment of the person, or the next step of the claim), in the decision's transaction: a
 * refused decision leaves them open.
 */
export async function completeTasksOfDecision(
  tx: Queryable,
  principal: Principal,
  match: { kind: 'betalingsonmacht' | 'escalatie'; personId: string; claimId?: string },
  today: string,
): Promise<void> {
  const tasks = await tx.query<{ id: string; team_id: string }>(
    `SELECT id, team_id FROM tasks
     WHERE status = 'open' AND kind = $1 AND person_id = $2 AND assignee_id = $3 AND ($4::text IS NULL OR claim_id = $4)
     FOR UPDATE`,
    [match.kind, match.personId, principal.sub, match.claimId ?? null],
  );
  for (const task of tasks) {
    const version = await recordChange(tx, 'task', task.id, task.team_id);
    await tx.query(
      `UPDATE tasks SET status = 'afgerond', completed_on = $2, completed_by = $3, version = $4 WHERE id = $1`,
      [task.id, today, principal.sub, version],
    );
  }
}
