import type { TeamMemberWire } from '../../shared/api/entities';
import type { AssignmentOutcome, ParsedRequestOf, SessionUser, TaskRow } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { TasksRepository, type TaskRecord } from '../db/repositories/tasks-repository';
import { TeamRepository } from '../db/repositories/team-repository';
import { enqueueCommand } from './command-outbox';
import { requirePermission } from './require-permission';
import { can } from '../../shared/domain/permissions';

const caseRoles: readonly SessionUser['role'][] = ['medewerker_inning', 'teamleider'];

function requireCaseRole(user: SessionUser): void {
  if (!caseRoles.includes(user.role)) throw new AppError('forbidden', 'Uw rol werkt niet met deze werkvoorraad.');
}

export function queuePage(db: Database, user: SessionUser, request: ParsedRequestOf<'taken.queue'>) {
  requireCaseRole(user);
  return new TasksRepository(db).queuePage({ ...request, userId: user.id });
}

function openTask(tasks: TasksRepository, taskId: string): TaskRecord {
  const task = tasks.get(taskId);
  if (!task) throw new AppError('not_found', 'Deze taak staat niet in uw werkvoorraad.');
  if (task.status === 'afgerond') throw new AppError('conflict', 'Deze taak is al afgerond.');
  return task;
}

function rowOf(tasks: TasksRepository, taskId: string): TaskRow {
  const row = tasks.row(taskId);
  if (!row) throw new AppError('not_found', 'Deze taak staat niet in uw werkvoorraad.');
  return row;
}

/** Oppakken: the optimistic assignment and its command commit together. */
export function claimTask(db: Database, user: SessionUser, taskId: string): TaskRow {
  requireCaseRole(user);
  return db.transaction(() => {
    const tasks = new TasksRepository(db);
    const task = openTask(tasks, taskId);
    if (task.assigneeId === user.id) return rowOf(tasks, taskId);
    if (task.assigneeId) {
      const name = new TeamRepository(db).members().find((m) => m.id === task.assigneeId)?.displayName;
      throw new AppError('conflict', `Deze taak is al opgepakt door ${name ?? 'een collega'}.`);
    }
    enqueueCommand(db, 'ClaimTask', task.version, { taskId });
    tasks.savePending({ ...task, assigneeId: user.id });
    return rowOf(tasks, taskId);
  });
}

export function releaseTask(db: Database, user: SessionUser, taskId: string): TaskRow {
  requireCaseRole(user);
  return db.transaction(() => {
    const tasks = new TasksRepository(db);
    const task = openTask(tasks, taskId);
    if (task.assigneeId !== user.id && !can(user, 'actOnOthersWork')) {
      throw new AppError('forbidden', 'Alleen wie de taak heeft of de teamleider kan haar vrijgeven.');
    }
    if (task.assigneeId === null) return rowOf(tasks, taskId);
    enqueueCommand(db, 'ReleaseTask', task.version, { taskId, expectedAssigneeId: task.assigneeId });
    tasks.savePending({ ...task, assigneeId: null });
    return rowOf(tasks, taskId);
  });
}

export function completeTask(db: Database, user: SessionUser, taskId: string, today: string): TaskRow {
  requireCaseRole(user);
  return db.transaction(() => {
    const tasks = new TasksRepository(db);
    const task = openTask(tasks, taskId);
    if (task.assigneeId !== user.id && !can(user, 'actOnOthersWork')) {
      throw new AppError('forbidden', 'Pak de taak eerst op voordat u haar afrondt.');
    }
    enqueueCommand(db, 'CompleteTask', task.version, {
      taskId,
      completedOn: today,
      expectedAssigneeId: task.assigneeId,
    });
    tasks.savePending({ ...task, status: 'afgerond', completedOn: today, assigneeId: task.assigneeId ?? user.id });
    return rowOf(tasks, taskId);
  });
}

/** The checks a single assignment must pass; the preview and the real run share them. */
function checkAssignment(
  tasks: TasksRepository,
  members: readonly TeamMemberWire[],
  taskId: string,
  assigneeId: string | null,
): AssignmentOutcome {
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.displayName ?? id) : null);
  const row = tasks.row(taskId);
  const outcome = (ok: boolean, reason: string | null): AssignmentOutcome => ({
    taskId,
    personName: row?.personName ?? '',
    ok,
    reason,
    previousAssigneeId: row?.assigneeId ?? null,
    previousAssigneeName: nameOf(row?.assigneeId ?? null),
  });
  if (!row) return outcome(false, 'Deze taak staat niet (meer) in de werkvoorraad van het team.');
  if (row.status === 'afgerond') return outcome(false, 'Deze taak is inmiddels afgerond.');
  if (assigneeId !== null && !members.some((m) => m.id === assigneeId && caseRoles.includes(m.role))) {
    return outcome(false, 'Deze medewerker hoort niet bij uw team.');
  }
  if (row.assigneeId === assigneeId) {
    return outcome(false, assigneeId ? `Deze taak staat al bij ${nameOf(assigneeId)}.` : 'Deze taak is al vrij.');
  }
  return outcome(true, null);
}

function requireTeamLead(user: SessionUser): void {
  requirePermission(user, 'assignTasks');
}

export function previewAssignment(db: Database, user: SessionUser, request: ParsedRequestOf<'taken.assignPreview'>) {
  requireTeamLead(user);
  const tasks = new TasksRepository(db);
  const members = new TeamRepository(db).members();
  return { outcomes: request.taskIds.map((taskId) => checkAssignment(tasks, members, taskId, request.assigneeId)) };
}

/**
 * Each assignment is checked again on the current state and committed in its own transaction with
 * its command, so one that fails (a task done meanwhile) leaves the others in place and reported.
 */
export function assignTasks(db: Database, user: SessionUser, request: ParsedRequestOf<'taken.assign'>) {
  requireTeamLead(user);
  const tasks = new TasksRepository(db);
  const members = new TeamRepository(db).members();
  const outcomes = request.assignments.map(({ taskId, assigneeId }) =>
    db.transaction(() => {
      const outcome = checkAssignment(tasks, members, taskId, assigneeId);
      if (!outcome.ok) return outcome;
      const task = openTask(tasks, taskId);
      enqueueCommand(db, 'AssignTask', task.version, {
        taskId,
        assigneeId,
        expectedAssigneeId: task.assigneeId,
      });
      tasks.savePending({ ...task, assigneeId });
      return outcome;
    }),
  );
  return { outcomes };
}
