import type { AppNotification, SessionUser } from '../../shared/ipc/contract';
import { addDays } from '../../shared/domain/calendar';
import { normDatesDue } from '../../shared/domain/beslagvrije-voet';
import { detentionEventLabels } from '../../shared/domain/slachtoffer';
import { formatDate } from '../../shared/format';
import type { Database } from '../db/connection';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { countAwaitingApproval } from './approvals';
import { notificationTasks } from './slachtoffer-service';
import { can } from '../../shared/domain/permissions';

const taskKindLabels = {
  betalingsonmacht: 'Betalingsonmacht',
  escalatie: 'Escalatie',
  correspondentie: 'Correspondentie',
};

/**
 * New urgent work for this user, computed from the cache after every sync: victim deadlines in the
 * coming week, decisions waiting for a team lead, the user's own urgent or overdue tasks, and
 * decisions the server refused. Victim names appear only for the role that may see them.
 */
export function notificationsFor(db: Database, user: SessionUser, today: string): AppNotification[] {
  const items: AppNotification[] = [];
  if (can(user, 'workWithVictims')) {
    const soon = addDays(today, 7);
    for (const task of notificationTasks(db, user, today).tasks) {
      if (task.deadline > soon) continue;
      items.push({
        id: `slachtoffer:${task.victimId}:${task.eventId}`,
        kind: 'slachtoffer_termijn',
        title: task.overdue ? `Termijn verstreken: ${task.victimName}` : `Informeren vóór ${formatDate(task.deadline)}`,
        detail: `${detentionEventLabels[task.eventKind]} op ${formatDate(task.eventDate)} — ${task.victimName}`,
        route: `/slachtofferinformatie/${task.victimId}`,
        urgent: task.urgent || task.overdue,
      });
    }
  }
  if (can(user, 'approveDecisions')) {
    const waiting = countAwaitingApproval(db);
    if (waiting > 0) {
      items.push({
        id: 'goedkeuring',
        kind: 'goedkeuring',
        title: waiting === 1 ? '1 besluit wacht op uw goedkeuring' : `${waiting} besluiten wachten op uw goedkeuring`,
        detail: 'Vier ogen: betalingsregelingen, zware invorderingsstappen en voorschotten.',
        route: '/teamoverzicht',
        urgent: false,
      });
    }
  }
  if (can(user, 'workCases')) {
    const mine = new TasksRepository(db).queuePage({
      queue: 'mijn_werk',
      userId: user.id,
      sort: 'dueDate',
      direction: 'asc',
      offset: 0,
      limit: 20,
      taskKind: null,
      claimKind: null,
      phase: null,
      search: '',
    }).rows;
    const horizon = addDays(today, 2);
    for (const task of mine) {
      if (task.priority !== 'urgent' && task.dueDate > horizon) continue;
      items.push({
        id: `taak:${task.id}`,
        kind: 'urgente_taak',
        title: `${taskKindLabels[task.kind]}: ${task.personName}`,
        detail:
          task.dueDate < today
            ? `Termijn verstreken op ${formatDate(task.dueDate)}`
            : `Uiterlijk ${formatDate(task.dueDate)}`,
        route: `/personen/${task.personId}`,
        urgent: true,
      });
    }
  }
  if (can(user, 'manageParameters')) {
    for (const due of normDatesDue(today)) {
      items.push({
        id: `normen:${due.date}`,
        kind: 'normen',
        title: due.overdue
          ? `Normen per ${formatDate(due.date)} ontbreken`
          : `Normen per ${formatDate(due.date)} nog niet vastgesteld`,
        detail: due.overdue
          ? 'Elke berekening van de beslagvrije voet is nu onbevestigd en gaat naar de teamleider. Stel de normen voor.'
          : 'De bijstandsnormen wijzigen op die dag. Stel de nieuwe set voor met de officiële bron.',
        route: '/parameters',
        urgent: due.overdue,
      });
    }
  }
  const reviews = new OutboxRepository(db).countReviews();
  if (reviews > 0) {
    items.push({
      id: 'conflicten',
      kind: 'conflict',
      title: reviews === 1 ? '1 beslissing is niet verwerkt' : `${reviews} beslissingen zijn niet verwerkt`,
      detail: 'Bekijk beide versies en leg opnieuw vast of laat vervallen.',
      route: '/conflicten',
      urgent: true,
    });
  }
  return items;
}
