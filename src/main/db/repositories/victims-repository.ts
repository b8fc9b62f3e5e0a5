import type {
  DetentionEventWire,
  VictimNotificationWire,
  VictimWire,
  VictimWishWire,
} from '../../../shared/api/entities';
import type { Database } from '../connection';
import { sql } from '../sql';

const upsertVictim = sql`
  INSERT INTO victims (id, offender_person_id, body, version) VALUES (?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET offender_person_id = excluded.offender_person_id, body = excluded.body, version = excluded.version`;
const upsertEvent = sql`
  INSERT INTO detention_events (id, offender_person_id, event_date, body, version) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET offender_person_id = excluded.offender_person_id, event_date = excluded.event_date,
    body = excluded.body, version = excluded.version`;
const upsertNotification = sql`
  INSERT INTO victim_notifications (id, victim_id, event_id, body, version, pending) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET victim_id = excluded.victim_id, event_id = excluded.event_id, body = excluded.body,
    version = excluded.version, pending = excluded.pending`;

export type NotificationRecord = VictimNotificationWire & { pending: boolean };
export type WishRecord = VictimWishWire & { pending: boolean };

const upsertWish = sql`
  INSERT INTO victim_wishes (id, victim_id, event_id, body, version, pending) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET victim_id = excluded.victim_id, event_id = excluded.event_id, body = excluded.body,
    version = excluded.version, pending = excluded.pending`;

/** The victim compartment of the cache: victims, detention events and notifications. */
export class VictimsRepository {
  constructor(private readonly db: Database) {}

  upsertVictims(victims: readonly VictimWire[]): void {
    this.db.runMany(
      upsertVictim,
      victims.map((v) => [v.id, v.offenderPersonId, JSON.stringify(v), v.version]),
    );
  }

  upsertEvents(events: readonly DetentionEventWire[]): void {
    this.db.runMany(
      upsertEvent,
      events.map((e) => [e.id, e.offenderPersonId, e.eventDate, JSON.stringify(e), e.version]),
    );
  }

  upsertNotificationsFromServer(notifications: readonly VictimNotificationWire[]): void {
    this.db.runMany(
      upsertNotification,
      notifications.map((n) => [n.id, n.victimId, n.eventId, JSON.stringify(n), n.version, 0]),
    );
  }

  saveNotificationPending(notification: VictimNotificationWire): void {
    this.db.runMany(upsertNotification, [
      [notification.id, notification.victimId, notification.eventId, JSON.stringify(notification), 0, 1],
    ]);
  }

  removeNotificationPending(id: string): void {
    this.db.run(sql`DELETE FROM victim_notifications WHERE id = ${id} AND pending = 1`);
  }

  victims(): VictimWire[] {
    return this.db.all<{ body: string }>(sql`SELECT body FROM victims`).map((r) => JSON.parse(r.body) as VictimWire);
  }

  victim(id: string): VictimWire | undefined {
    const row = this.db.get<{ body: string }>(sql`SELECT body FROM victims WHERE id = ${id}`);
    return row ? (JSON.parse(row.body) as VictimWire) : undefined;
  }

  eventsForOffender(offenderPersonId: string): DetentionEventWire[] {
    return this.db
      .all<{ body: string }>(
        sql`SELECT body FROM detention_events WHERE offender_person_id = ${offenderPersonId} ORDER BY event_date`,
      )
      .map((r) => JSON.parse(r.body) as DetentionEventWire);
  }

  event(id: string): DetentionEventWire | undefined {
    const row = this.db.get<{ body: string }>(sql`SELECT body FROM detention_events WHERE id = ${id}`);
    return row ? (JSON.parse(row.body) as DetentionEventWire) : undefined;
  }

  notifications(victimId?: string): NotificationRecord[] {
    const rows = victimId
      ? this.db.all<{ body: string; pending: number }>(
          sql`SELECT body, pending FROM victim_notifications WHERE victim_id = ${victimId}`,
        )
      : this.db.all<{ body: string; pending: number }>(sql`SELECT body, pending FROM victim_notifications`);
    return rows.map((r) => ({ ...(JSON.parse(r.body) as VictimNotificationWire), pending: r.pending === 1 }));
  }

  upsertWishes(wishes: readonly VictimWishWire[], pending = false): void {
    this.db.runMany(
      upsertWish,
      wishes.map((w) => [w.id, w.victimId, w.eventId, JSON.stringify(w), w.version, pending ? 1 : 0]),
    );
  }

  removeWishPending(id: string): void {
    this.db.run(sql`DELETE FROM victim_wishes WHERE id = ${id} AND pending = 1`);
  }

  wishes(victimId: string): WishRecord[] {
    return this.db
      .all<{ body: string; pending: number }>(
        sql`SELECT body, pending FROM victim_wishes WHERE victim_id = ${victimId}`,
      )
      .map((r) => ({ ...(JSON.parse(r.body) as VictimWishWire), pending: r.pending === 1 }));
  }

  removeSynced(): void {
    this.db.raw.exec(
      'DELETE FROM victims; DELETE FROM detention_events; DELETE FROM victim_notifications WHERE pending = 0; DELETE FROM victim_wishes WHERE pending = 0;',
    );
  }
}
