import { isPartnerClaim, type ClaimPhase } from '../domain/claims';
import { addDays } from '../domain/calendar';
import { taskDueDate, type TaskKind, type TaskPriority, type TaskStatus } from '../domain/taken';
import type { DemoClaim } from './generator';
import { SeededRandom } from './random';

export interface DemoTask {
  id: string;
  personId: string;
  claimId: string;
  kind: TaskKind;
  priority: TaskPriority;
  status: TaskStatus;
  createdOn: string;
  dueDate: string;
  completedOn: string | null;
  /**
   * Who has it, as an index into the team's workers (the caller knows the teams), or null when it
   * waits in the teamvoorraad. Completed tasks always have one.
   */
  assigneeSlot: number | null;
}

const kindForPhase: Partial<Record<ClaimPhase, readonly (readonly [TaskKind, number])[]>> = {
  beschikking: [['correspondentie', 1]],
  eerste_aanmaning: [
    ['correspondentie', 2],
    ['betalingsonmacht', 1],
  ],
  tweede_aanmaning: [
    ['betalingsonmacht', 2],
    ['correspondentie', 1],
  ],
  regeling: [['betalingsonmacht', 1]],
  verhaal: [
    ['escalatie', 3],
    ['betalingsonmacht', 1],
  ],
  deurwaarder: [['escalatie', 1]],
  dwangmiddel: [['escalatie', 1]],
};

/**
 * Tasks for demo claims: about a third of the open CJIB claims has an open task, and some have a
 * task done in the last eight weeks (for throughput and missed deadlines). Its own seeded stream,
 * so adding tasks does not change the persons and claims of a seed.
 */
export function generateDemoTasks(claims: readonly DemoClaim[], today: string, seed = 20261130): DemoTask[] {
  const random = new SeededRandom(seed);
  const tasks: DemoTask[] = [];
  for (const claim of claims) {
    const kinds = kindForPhase[claim.phase];
    if (!kinds || isPartnerClaim(claim.kind)) continue;
    const roll = random.next();
    if (roll >= 0.5) continue;
    const kind = random.weighted(kinds);
    const priority: TaskPriority = random.next() < 0.1 ? 'urgent' : 'normaal';
    const done = roll < 0.15;
    const createdOn = addDays(today, -random.int(done ? 10 : 0, done ? 60 : 30));
    const dueDate = taskDueDate(kind, createdOn, priority);
    const completedOn = done ? minDate(addDays(createdOn, random.int(1, 20)), today) : null;
    tasks.push({
      id: random.uuid(),
      personId: claim.personId,
      claimId: claim.id,
      kind,
      priority,
      status: done ? 'afgerond' : 'open',
      createdOn,
      dueDate,
      completedOn,
      assigneeSlot: done || random.next() < 0.55 ? random.int(0, 99) : null,
    });
  }
  return tasks;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
