import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { VictimNotificationWire, VictimWire, VictimWishWire } from '../../shared/api/entities';
import {
  isLate,
  needsNotificationTask,
  notificationDeadline,
  notifiedOnProblem,
} from '../../shared/domain/slachtoffer';
import type { ResponseOf, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { voorschotFor } from './voorschot-service';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { requirePermission } from './require-permission';

/** The victim and the event, which must be one of their offender's; or a Dutch not-found error. */
function victimAndEvent(repo: VictimsRepository, victimId: string, eventId: string) {
  const victim = repo.victim(victimId);
  const event = repo.event(eventId);
  if (!victim || !event || event.offenderPersonId !== victim.offenderPersonId) {
    throw new AppError('not_found', 'Dit slachtoffer of deze gebeurtenis staat niet in uw werkvoorraad.');
  }
  return { victim, event };
}

function requireVictimRole(user: SessionUser): void {
  requirePermission(user, 'workWithVictims');
}

/**
 * The victim worker's queue: for every victim who opted in, one task per detention event of their
 * offender not yet notified, with its deadline; escapes and overdue tasks first.
 */
export function notificationTasks(db: Database, user: SessionUser, today: string): ResponseOf<'slachtoffers.tasks'> {
  requireVictimRole(user);
  const repo = new VictimsRepository(db);
  const notified = new Set(repo.notifications().map((n) => `${n.victimId}:${n.eventId}`));
  const tasks: ResponseOf<'slachtoffers.tasks'>['tasks'] = [];
  for (const victim of repo.victims()) {
    if (!needsNotificationTask(victim)) continue;
    for (const event of repo.eventsForOffender(victim.offenderPersonId)) {
      if (notified.has(`${victim.id}:${event.id}`)) continue;
      const { deadline, urgent } = notificationDeadline(event);
      tasks.push({
        victimId: victim.id,
        victimName: victim.displayName,
        eventId: event.id,
        eventKind: event.kind,
        eventDate: event.eventDate,
        deadline,
        urgent,
        overdue: today > deadline,
      });
    }
  }
  tasks.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.deadline.localeCompare(b.deadline));
  const lateCount = repo.notifications().filter((n) => n.late).length;
  return { tasks, lateCount };
}

export function victimCase(
  db: Database,
  user: SessionUser,
  victimId: string,
  today: string,
): ResponseOf<'slachtoffers.victim'> {
  requireVictimRole(user);
  const repo = new VictimsRepository(db);
  const victim = repo.victim(victimId);
  if (!victim) throw new AppError('not_found', 'Dit slachtoffer staat niet in uw werkvoorraad.');
  const compensations = new CompensationRepository(db);
  const compensation = compensations.forVictim(victimId) ?? null;
  return {
    compensation,
    voorschot: compensation ? voorschotFor(compensation, victim, today) : null,
    payments: compensations.paymentsForVictim(victimId),
    victim,
    events: repo
      .eventsForOffender(victim.offenderPersonId)
      .map((e) => ({ ...e, deadline: notificationDeadline(e).deadline })),
    notifications: repo.notifications(victimId),
    wishes: repo.wishes(victimId),
  };
}

export function recordNotification(
  db: Database,
  user: SessionUser,
  request: {
    victimId: string;
    eventId: string;
    channel: 'brief' | 'telefoon' | 'email';
    content: string;
    notifiedOn: string;
  },
): VictimNotificationWire {
  requireVictimRole(user);
  return db.transaction(() => {
    const repo = new VictimsRepository(db);
    const { victim, event } = victimAndEvent(repo, request.victimId, request.eventId);
    if (!needsNotificationTask(victim))
      throw new AppError('invalid_request', 'Dit slachtoffer wil niet geïnformeerd worden.');
    const dateProblem = notifiedOnProblem(request.notifiedOn, event.reportedOn, todayInAmsterdam());
    if (dateProblem) throw new AppError('invalid_request', dateProblem, { notifiedOn: dateProblem });
    const { deadline } = notificationDeadline(event);
    const notification: VictimNotificationWire = {
      id: randomUUID(),
      victimId: victim.id,
      eventId: event.id,
      channel: request.channel,
      content: request.content,
      notifiedOn: request.notifiedOn,
      deadline,
      late: isLate(deadline, request.notifiedOn),
      notifiedBy: user.displayName,
      version: 0,
    };
    const command: Command = {
      type: 'RecordVictimNotification',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: null,
      payload: { notificationId: notification.id, ...request },
    };
    new OutboxRepository(db).add(command);
    repo.saveNotificationPending(notification);
    return notification;
  });
}

/** Records the victim's protection wishes for an event; they go to the OM, who decides. */
export function recordWishes(
  db: Database,
  user: SessionUser,
  request: {
    victimId: string;
    eventId: string;
    contactverbod: boolean;
    gebiedsverbod: boolean;
    zoneDescription: string | null;
    remarks: string;
  },
): VictimWishWire {
  requireVictimRole(user);
  return db.transaction(() => {
    const repo = new VictimsRepository(db);
    const { victim, event } = victimAndEvent(repo, request.victimId, request.eventId);
    const today = todayInAmsterdam();
    const wish: VictimWishWire = {
      id: randomUUID(),
      victimId: victim.id,
      eventId: event.id,
      contactverbod: request.contactverbod,
      gebiedsverbod: request.gebiedsverbod,
      zoneDescription: request.gebiedsverbod ? request.zoneDescription : null,
      remarks: request.remarks,
      recordedOn: today,
      forwardedToOmOn: today,
      recordedBy: user.displayName,
      version: 0,
    };
    const command: Command = {
      type: 'RecordVictimWishes',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: null,
      payload: { wishId: wish.id, ...request, zoneDescription: wish.zoneDescription },
    };
    new OutboxRepository(db).add(command);
    repo.upsertWishes([wish], true);
    return wish;
  });
}

/** Changes what the victim wants: optimistic in the cache, sent as a command. */
export function updatePreferences(
  db: Database,
  user: SessionUser,
  request: {
    victimId: string;
    optedIn: boolean;
    wantsInformation: boolean;
    preferredChannel: 'brief' | 'telefoon' | 'email';
    representative: string | null;
  },
): VictimWire {
  requireVictimRole(user);
  return db.transaction(() => {
    const repo = new VictimsRepository(db);
    const victim = repo.victim(request.victimId);
    if (!victim) throw new AppError('not_found', 'Dit slachtoffer staat niet in uw werkvoorraad.');
    const updated: VictimWire = { ...victim, ...request };
    new OutboxRepository(db).add({
      type: 'UpdateVictimPreferences',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: victim.version,
      payload: request,
    });
    repo.upsertVictims([updated]);
    return updated;
  });
}
