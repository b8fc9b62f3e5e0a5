import type { SessionUser } from '../../shared/ipc/contract';
import type { takenChannels } from '../../shared/ipc/contract-taken';
import type { Database } from '../db/connection';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { TeamRepository } from '../db/repositories/team-repository';
import type { HandlerTable } from '../ipc/dispatch';
import { countAwaitingApproval } from '../services/approvals';
import { notificationsFor } from '../services/notifications-service';
import { personView } from '../services/person-view-service';
import { vorderingenoverzicht } from '../services/vorderingenoverzicht';
import { deleteView, listViews, saveView } from '../services/saved-views-service';
import { teamDashboard } from '../services/team-dashboard-service';
import {
  assignTasks,
  claimTask,
  completeTask,
  previewAssignment,
  queuePage,
  releaseTask,
} from '../services/taken-service';
import { can } from '../../shared/domain/permissions';

interface TakenContext {
  db: Database;
  requireUser: () => SessionUser;
  today: () => string;
  /** Asks the sync engine to push soon (a change went into the outbox). */
  changed: () => void;
}

/** The handlers of the queues, the team lead's tools, the person view and the notifications. */
export function takenHandlers({
  db,
  requireUser,
  today,
  changed,
}: TakenContext): Pick<HandlerTable, keyof typeof takenChannels> {
  const afterChange = <T>(value: T): T => {
    changed();
    return value;
  };
  return {
    'taken.queue': (request) => queuePage(db, requireUser(), request),
    'taken.counts': () => {
      const user = requireUser();
      const tasks = new TasksRepository(db);
      return {
        mijnWerk: tasks.countOpen({ assigneeId: user.id }),
        teamvoorraad: tasks.countOpen({ unassigned: true }),
        terBeoordeling: can(user, 'approveDecisions') ? countAwaitingApproval(db) : 0,
        conflicten: new OutboxRepository(db).countReviews(),
      };
    },
    'taken.claim': ({ taskId }) => afterChange(claimTask(db, requireUser(), taskId)),
    'taken.release': ({ taskId }) => afterChange(releaseTask(db, requireUser(), taskId)),
    'taken.complete': ({ taskId }) => afterChange(completeTask(db, requireUser(), taskId, today())),
    'taken.assignPreview': (request) => previewAssignment(db, requireUser(), request),
    'taken.assign': (request) => afterChange(assignTasks(db, requireUser(), request)),
    'team.members': () => {
      requireUser();
      return { members: new TeamRepository(db).members() };
    },
    'views.list': () => {
      requireUser();
      return { views: listViews(db) };
    },
    'views.save': (request) => afterChange(saveView(db, requireUser(), request)),
    'views.delete': ({ viewId }) => {
      deleteView(db, requireUser(), viewId);
      return afterChange({});
    },
    'dashboard.team': () => teamDashboard(db, requireUser(), today()),
    'persons.view': ({ personId }) => personView(db, requireUser(), personId, today()),
    'persons.vorderingenoverzicht': ({ personId }) => vorderingenoverzicht(db, requireUser(), personId, today()),
    'notifications.list': () => ({ notifications: notificationsFor(db, requireUser(), today()) }),
  };
}
