import type { TaskRow } from '../../../shared/ipc/contract';

/** Where a task is worked on: the assessment, the escalation case, or the claim itself. */
export function taskRoute(task: Pick<TaskRow, 'kind' | 'personId' | 'claimId'>): string {
  if (task.kind === 'betalingsonmacht') return `/betalingsonmacht/${task.personId}`;
  if (task.kind === 'escalatie' && task.claimId) return `/escalaties/${task.claimId}`;
  return task.claimId ? `/werkvoorraad/${task.claimId}` : `/personen/${task.personId}`;
}
