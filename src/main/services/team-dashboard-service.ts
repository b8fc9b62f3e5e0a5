import type { Dashboard, SessionUser } from '../../shared/ipc/contract';
import { addDays, daysBetween } from '../../shared/domain/calendar';
import { weekStart } from '../../shared/domain/taken';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { TeamRepository } from '../db/repositories/team-repository';
import { dutchDay } from '../../shared/domain/amsterdam-clock';
import { requirePermission } from './require-permission';

const weeksShown = 8;

/** Age buckets as the dashboard shows them: 0–7 days, 8–30 days, more than 30 days. */
function ageBuckets(dates: readonly string[], today: string): [number, number, number] {
  const buckets: [number, number, number] = [0, 0, 0];
  for (const date of dates) {
    const age = daysBetween(dutchDay(date), today);
    buckets[age <= 7 ? 0 : age <= 30 ? 1 : 2]++;
  }
  return buckets;
}

/** The team lead's view of the team's work, computed from the local cache. */
export function teamDashboard(db: Database, user: SessionUser, today: string): Dashboard {
  requirePermission(user, 'viewTeamDashboard');
  const tasks = new TasksRepository(db).forDashboard();
  const open = tasks.filter((t) => t.status === 'open');
  const waiting = [
    ...new ArrangementsRepository(db).list('ter_goedkeuring', 10_000).map((a) => a.decidedAt),
    ...new EscalationsRepository(db).list('ter_goedkeuring', 10_000).map((e) => e.decidedAt),
    ...new CompensationRepository(db).paymentsWithStatus('ter_goedkeuring').map((p) => p.proposedAt),
  ];
  const reviews = new OutboxRepository(db).reviews().map((r) => r.createdAt);
  const unassigned = open.filter((t) => t.assigneeId === null).map((t) => t.createdOn);
  const assigned = open.filter((t) => t.assigneeId !== null).map((t) => t.createdOn);

  const thisWeek = weekStart(today);
  const weeks = Array.from({ length: weeksShown }, (_, i) => addDays(thisWeek, -7 * (weeksShown - 1 - i)));
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const workers = new TeamRepository(db).members().filter((m) => m.role === 'medewerker_inning');
  const perWorker = new Map(workers.map((w) => [w.id, new Array<number>(weeksShown).fill(0)]));
  const missedPerWeek = new Array<number>(weeksShown).fill(0);
  for (const task of tasks) {
    if (task.status !== 'afgerond' || !task.completedOn) continue;
    const index = weekIndex.get(weekStart(task.completedOn));
    if (index === undefined) continue;
    const counts = task.assigneeId ? perWorker.get(task.assigneeId) : undefined;
    if (counts) counts[index] = (counts[index] ?? 0) + 1;
    if (task.completedOn > task.dueDate) missedPerWeek[index] = (missedPerWeek[index] ?? 0) + 1;
  }

  const weekAhead = addDays(today, 7);
  return {
    today,
    backlog: [
      { queue: 'teamvoorraad', total: unassigned.length, byAge: ageBuckets(unassigned, today) },
      { queue: 'toegewezen', total: assigned.length, byAge: ageBuckets(assigned, today) },
      { queue: 'ter_beoordeling', total: waiting.length, byAge: ageBuckets(waiting, today) },
      { queue: 'conflicten', total: reviews.length, byAge: ageBuckets(reviews, today) },
    ],
    deadlines: {
      overdue: open.filter((t) => t.dueDate < today).length,
      dueToday: open.filter((t) => t.dueDate === today).length,
      dueThisWeek: open.filter((t) => t.dueDate > today && t.dueDate <= weekAhead).length,
      later: open.filter((t) => t.dueDate > weekAhead).length,
    },
    weeks,
    throughput: workers.map((w) => ({
      workerId: w.id,
      workerName: w.displayName,
      perWeek: perWorker.get(w.id) ?? [],
    })),
    missedPerWeek,
  };
}
