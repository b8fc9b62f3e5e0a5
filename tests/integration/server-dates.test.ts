import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { addDays } from '../../src/shared/domain/calendar';
import { startTestCentral } from '../support/central';
import { apiToken, pushCommands } from '../support/central-api';

/**
 * Dates are facts the server owns: a desktop whose clock is off, or a hostile one, cannot backdate
 * a completed task or a victim notification, nor hide a missed legal deadline with its own date.
 */
let server: CentralServer;
beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 40, claims: 120 } });
});
afterAll(async () => server?.close());

const token = (username: string) => apiToken(server, username);
const push = (bearer: string, commands: Record<string, unknown>[]) => pushCommands(server, bearer, commands);

const serverToday = async () =>
  (
    await server.db.query<{ today: string }>(
      `SELECT to_char(now() AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS today`,
    )
  )[0]?.today ?? '';

describe('dates the server owns', () => {
  it('stores a task as completed today, whatever date the desktop sent (1999-01-01)', async () => {
    const bearer = await token('sdevries');
    const [task] = await server.db.query<{ id: string }>(
      `SELECT id FROM tasks WHERE team_id = 'team-inning-leeuwarden' AND status = 'open' ORDER BY id LIMIT 1`,
    );
    if (!task) throw new Error('no open task');
    const outcomes = await push(bearer, [
      { type: 'ClaimTask', payload: { taskId: task.id } },
      { type: 'CompleteTask', payload: { taskId: task.id, completedOn: '1999-01-01' } },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    const [stored] = await server.db.query<{ completed_on: string }>(
      `SELECT to_char(completed_on, 'YYYY-MM-DD') AS completed_on FROM tasks WHERE id = $1`,
      [task.id],
    );
    expect(stored?.completed_on).toBe(await serverToday());
  });

  it('keeps the day the victim was told beside the day it arrived, refuses one before the event or in the future, and judges lateness on arrival', async () => {
    const bearer = await token('famrani');
    const today = await serverToday();
    // An event reported 20 days ago whose deadline has passed; the desktop claims it phoned in time.
    const [pair] = await server.db.query<{ victim_id: string; event_id: string; reported_on: string }>(
      `SELECT v.id AS victim_id, e.id AS event_id, to_char(e.reported_on, 'YYYY-MM-DD') AS reported_on
       FROM victims v JOIN detention_events e ON e.offender_person_id = v.offender_person_id
       WHERE v.opted_in AND v.wants_information
         AND NOT EXISTS (SELECT 1 FROM victim_notifications n WHERE n.victim_id = v.id AND n.event_id = e.id)
       ORDER BY v.id, e.id LIMIT 1`,
    );
    if (!pair) throw new Error('no victim with an event');
    const reportedOn = addDays(today, -20);
    await server.db.query(`UPDATE detention_events SET reported_on = $2, event_date = $3 WHERE id = $1`, [
      pair.event_id,
      reportedOn,
      addDays(today, -10),
    ]);
    const notify = (notifiedOn: string) =>
      push(bearer, [
        {
          type: 'RecordVictimNotification',
          payload: {
            notificationId: randomUUID(),
            victimId: pair.victim_id,
            eventId: pair.event_id,
            channel: 'telefoon',
            content: 'Slachtoffer telefonisch geïnformeerd over het verlof.',
            notifiedOn,
          },
        },
      ]);
    for (const wrong of ['1999-01-01', addDays(reportedOn, -1), addDays(today, 1)]) {
      const [outcome] = await notify(wrong);
      expect(outcome, wrong).toMatchObject({
        status: 'rejected',
        reason: expect.stringMatching(/moet tussen de melding/),
      });
    }
    // The day the desktop states (within the allowed range, before the deadline) is kept; lateness follows arrival.
    const [outcome] = await notify(addDays(reportedOn, 1));
    expect(outcome?.status).toBe('applied');
    const [stored] = await server.db.query<{ notified_on: string; received_on: string; late: boolean }>(
      `SELECT to_char(notified_on, 'YYYY-MM-DD') AS notified_on, to_char(received_on, 'YYYY-MM-DD') AS received_on, late
       FROM victim_notifications WHERE victim_id = $1 AND event_id = $2`,
      [pair.victim_id, pair.event_id],
    );
    expect(stored).toEqual({ notified_on: addDays(reportedOn, 1), received_on: today, late: true });
  });
});
