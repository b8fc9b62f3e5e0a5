import type { Command } from '../../shared/api/commands';
import type { VictimContact } from '../../shared/api/victims';
import {
  isLate,
  needsNotificationTask,
  notifiedOnProblem,
  notificationDeadline,
  type DetentionEventKind,
} from '../../shared/domain/slachtoffer';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable } from '../db/sql-client';
import { victimTeams } from '../scope';
import { recordChange } from './change-feed';
import type { CommandResult } from './command-handlers';
import { can, refusalOf } from '../../shared/domain/permissions';

type NotificationCommand = Extract<Command, { type: 'RecordVictimNotification' }>;

export class VictimAccessError extends Error {
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'VictimAccessError';
  }
}

/** One victim's contact data, for the victim-information role only, each read audited with its reason. */
export async function readVictimContact(
  db: Queryable,
  principal: Principal,
  victimId: string,
  reason: string,
): Promise<VictimContact> {
  if (!can(principal, 'readVictimContacts')) {
    await audit(db, {
      actorId: principal.sub,
      action: 'read',
      entity: 'victim_contact',
      entityId: victimId,
      reason: `GEWEIGERD: ${reason}`,
    });
    throw new VictimAccessError(
      403,
      'Contactgegevens van slachtoffers zijn alleen voor medewerkers slachtofferinformatie.',
    );
  }
  const rows = await db.query<{
    team_id: string;
    street: string;
    house_number: string;
    postal_code: string;
    city: string;
    phone: string | null;
    email: string | null;
    domicilie_address: string | null;
  }>(
    `SELECT v.team_id, c.street, c.house_number, c.postal_code, c.city, c.phone, c.email, c.domicilie_address
     FROM victims v JOIN victim_contacts c ON c.victim_id = v.id WHERE v.id = $1`,
    [victimId],
  );
  const row = rows[0];
  if (!row || !victimTeams(principal).includes(row.team_id))
    throw new VictimAccessError(404, 'Dit slachtoffer bestaat niet of hoort niet bij uw team.');
  await audit(db, { actorId: principal.sub, action: 'read', entity: 'victim_contact', entityId: victimId, reason });
  const home = `${row.street} ${row.house_number}, ${row.postal_code} ${row.city}`;
  return {
    victimId,
    street: row.street,
    houseNumber: row.house_number,
    postalCode: row.postal_code,
    city: row.city,
    phone: row.phone,
    email: row.email,
    domicilieAddress: row.domicilie_address,
    mailTo: row.domicilie_address ?? home,
  };
}

export async function recordVictimNotification(
  tx: Queryable,
  principal: Principal,
  command: NotificationCommand,
  today: string,
): Promise<CommandResult> {
  if (!can(principal, 'workWithVictims')) return { status: 'rejected', reason: refusalOf('workWithVictims') };
  const { payload } = command;
  const victims = await tx.query<{
    team_id: string;
    offender_person_id: string;
    opted_in: boolean;
    wants_information: boolean;
  }>('SELECT team_id, offender_person_id, opted_in, wants_information FROM victims WHERE id = $1', [payload.victimId]);
  const victim = victims[0];
  if (!victim || !victimTeams(principal).includes(victim.team_id))
    return { status: 'rejected', reason: 'Dit slachtoffer bestaat niet of hoort niet bij uw team.' };
  if (!needsNotificationTask({ optedIn: victim.opted_in, wantsInformation: victim.wants_information })) {
    return { status: 'rejected', reason: 'Dit slachtoffer wil niet geïnformeerd worden.' };
  }
  const events = await tx.query<{
    offender_person_id: string;
    kind: DetentionEventKind;
    event_date: string;
    reported_on: string;
  }>(
    `SELECT offender_person_id, kind, to_char(event_date, 'YYYY-MM-DD') AS event_date, to_char(reported_on, 'YYYY-MM-DD') AS reported_on
     FROM detention_events WHERE id = $1`,
    [payload.eventId],
  );
  const event = events[0];
  if (!event || event.offender_person_id !== victim.offender_person_id)
    return { status: 'rejected', reason: 'Deze gebeurtenis hoort niet bij de dader van dit slachtoffer.' };
  if (
    (
      await tx.query('SELECT 1 FROM victim_notifications WHERE victim_id = $1 AND event_id = $2', [
        payload.victimId,
        payload.eventId,
      ])
    ).length
  ) {
    return { status: 'conflict', reason: 'Dit slachtoffer is over deze gebeurtenis al geïnformeerd.' };
  }
  // The day the worker says the victim was told: not before the event was known, not after today.
  const dateProblem = notifiedOnProblem(payload.notifiedOn, event.reported_on, today);
  if (dateProblem) return { status: 'rejected', reason: dateProblem };
  const { deadline } = notificationDeadline({
    kind: event.kind,
    eventDate: event.event_date,
    reportedOn: event.reported_on,
  });
  const version = await recordChange(tx, 'victim_notification', payload.notificationId, victim.team_id);
  await tx.query(
    `INSERT INTO victim_notifications (id, victim_id, event_id, channel, content, notified_on, received_on, deadline, late,
                                       notified_by, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      payload.notificationId,
      payload.victimId,
      payload.eventId,
      payload.channel,
      payload.content,
      payload.notifiedOn,
      today,
      deadline,
      // Judged on the server's receipt: a desktop whose clock runs behind cannot hide a missed deadline.
      isLate(deadline, today),
      principal.sub,
      version,
    ],
  );
  await audit(tx, {
    actorId: principal.sub,
    action: 'create',
    entity: 'victim_notification',
    entityId: payload.notificationId,
    reason: 'slachtoffer geïnformeerd',
  });
  return { status: 'applied', reason: null };
}

type WishesCommand = Extract<Command, { type: 'RecordVictimWishes' }>;

/** The wensenformulier: stored per victim and event and recorded as forwarded to the OM, who decides. */
export async function recordVictimWishes(
  tx: Queryable,
  principal: Principal,
  command: WishesCommand,
  today: string,
): Promise<CommandResult> {
  if (!can(principal, 'workWithVictims')) return { status: 'rejected', reason: refusalOf('workWithVictims') };
  const { payload } = command;
  const victims = await tx.query<{ team_id: string; offender_person_id: string }>(
    'SELECT team_id, offender_person_id FROM victims WHERE id = $1',
    [payload.victimId],
  );
  const victim = victims[0];
  if (!victim || !victimTeams(principal).includes(victim.team_id))
    return { status: 'rejected', reason: 'Dit slachtoffer bestaat niet of hoort niet bij uw team.' };
  const events = await tx.query<{ offender_person_id: string }>(
    'SELECT offender_person_id FROM detention_events WHERE id = $1',
    [payload.eventId],
  );
  if (events[0]?.offender_person_id !== victim.offender_person_id) {
    return { status: 'rejected', reason: 'Deze gebeurtenis hoort niet bij de dader van dit slachtoffer.' };
  }
  if (
    (
      await tx.query('SELECT 1 FROM victim_wishes WHERE victim_id = $1 AND event_id = $2', [
        payload.victimId,
        payload.eventId,
      ])
    ).length
  ) {
    return { status: 'conflict', reason: 'De wensen voor deze gebeurtenis zijn al vastgelegd.' };
  }
  const version = await recordChange(tx, 'victim_wish', payload.wishId, victim.team_id);
  await tx.query(
    `INSERT INTO victim_wishes (id, victim_id, event_id, team_id, contactverbod, gebiedsverbod, zone_description, remarks,
                                recorded_on, forwarded_to_om_on, recorded_by, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)`,
    [
      payload.wishId,
      payload.victimId,
      payload.eventId,
      victim.team_id,
      payload.contactverbod,
      payload.gebiedsverbod,
      payload.gebiedsverbod ? payload.zoneDescription : null,
      payload.remarks,
      today,
      principal.sub,
      version,
    ],
  );
  await audit(tx, {
    actorId: principal.sub,
    action: 'disclose',
    entity: 'victim_wish',
    entityId: payload.wishId,
    reason: 'wensen doorgestuurd aan het OM',
  });
  return { status: 'applied', reason: null };
}

type PreferencesCommand = Extract<Command, { type: 'UpdateVictimPreferences' }>;

/** A victim may opt in later, or stop wanting information; the worker records it. */
export async function updateVictimPreferences(
  tx: Queryable,
  principal: Principal,
  command: PreferencesCommand,
): Promise<CommandResult> {
  if (!can(principal, 'workWithVictims')) return { status: 'rejected', reason: refusalOf('workWithVictims') };
  const { payload } = command;
  const rows = await tx.query<{ team_id: string; version: number }>(
    'SELECT team_id, version::bigint AS version FROM victims WHERE id = $1 FOR UPDATE',
    [payload.victimId],
  );
  const victim = rows[0];
  if (!victim || !victimTeams(principal).includes(victim.team_id))
    return { status: 'rejected', reason: 'Dit slachtoffer bestaat niet of hoort niet bij uw team.' };
  if (command.baseVersion !== null && Number(victim.version) !== command.baseVersion) {
    return { status: 'conflict', reason: 'De voorkeuren van dit slachtoffer zijn intussen door een ander gewijzigd.' };
  }
  const version = await recordChange(tx, 'victim', payload.victimId, victim.team_id);
  await tx.query(
    `UPDATE victims SET opted_in = $2, wants_information = $3, preferred_channel = $4, representative = $5, version = $6 WHERE id = $1`,
    [
      payload.victimId,
      payload.optedIn,
      payload.wantsInformation,
      payload.preferredChannel,
      payload.representative,
      version,
    ],
  );
  await audit(tx, {
    actorId: principal.sub,
    action: 'update',
    entity: 'victim',
    entityId: payload.victimId,
    reason: 'voorkeuren slachtoffer',
  });
  return { status: 'applied', reason: null };
}
