import { addDays, daysBetween } from './calendar';

/**
 * Taken: units of work in the queues of a team. A task belongs to a team, concerns a person (and
 * usually one of their claims), may be assigned to one worker, and has a due date.
 */

export const taskKinds = ['betalingsonmacht', 'escalatie', 'correspondentie'] as const;
export type TaskKind = (typeof taskKinds)[number];

export const taskStatuses = ['open', 'afgerond'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskPriorities = ['normaal', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** The task queues of the werkvoorraad; Ter beoordeling and Conflicten have their own lists. */
export const taskQueues = ['mijn_werk', 'teamvoorraad', 'alle_open'] as const;
export type TaskQueue = (typeof taskQueues)[number];

/** Working days a task of each kind may take, counted from its creation (demo norm, not a legal term). */
export const taskNormDays: Record<TaskKind, number> = {
  betalingsonmacht: 14,
  escalatie: 21,
  correspondentie: 10,
};

export function taskDueDate(kind: TaskKind, createdOn: string, priority: TaskPriority): string {
  return addDays(createdOn, priority === 'urgent' ? Math.min(5, taskNormDays[kind]) : taskNormDays[kind]);
}

/** Days left until the due date; negative when overdue. */
export function daysLeft(dueDate: string, today: string): number {
  return daysBetween(today, dueDate);
}

export type Urgency = 'te_laat' | 'vandaag' | 'binnenkort' | 'op_tijd';

/** How pressing a task is on `today`: overdue, due today, due within three days, or in time. */
export function urgency(dueDate: string, today: string): Urgency {
  const left = daysLeft(dueDate, today);
  if (left < 0) return 'te_laat';
  if (left === 0) return 'vandaag';
  if (left <= 3) return 'binnenkort';
  return 'op_tijd';
}

/** A deadline is missed when the task was completed after its due date, or is open and overdue. */
export function missedDeadline(
  task: { status: TaskStatus; dueDate: string; completedOn: string | null },
  today: string,
) {
  if (task.status === 'afgerond') return task.completedOn !== null && task.completedOn > task.dueDate;
  return task.dueDate < today;
}

/** Monday of the ISO week that holds `date` (weeks in the throughput chart start on Monday). */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}
