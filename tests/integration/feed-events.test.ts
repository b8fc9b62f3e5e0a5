import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { readServerSentEvents } from '../../src/shared/sse/read-server-sent-events';
import { onPostgresql, startTestCentral } from '../support/central';
import { apiToken } from '../support/central-api';
import { call, desktopFleet } from '../support/desktop';

/**
 * "Your feed moved", both hops, on the real central: PostgreSQL notifies at commit (migration
 * 0270), each API node passes it on to the streams of the teams it concerns, and a desktop that
 * hears it pulls at once, so a team lead sees a worker's decision without asking.
 */
let central: CentralServer;
const fleet = desktopFleet('cjib-feed-events-');
beforeAll(async () => {
  central = await startTestCentral({ seed: { persons: 40, claims: 120 } });
});
afterAll(async () => {
  await fleet.close();
  await central?.close();
});

/** Opens a user's event stream and counts its "moved" events. */
async function openStream(username: string) {
  const stop = new AbortController();
  const response = await fetch(`${central.url}/api/v1/sync/events`, {
    headers: { authorization: `Bearer ${await apiToken(central, username)}` },
    signal: stop.signal,
  });
  expect(response.status).toBe(200);
  let moved = 0;
  void readServerSentEvents(response.body as ReadableStream<Uint8Array>, (name) => {
    if (name === 'moved') moved++;
  }).catch(() => undefined);
  return { moved: () => moved, close: () => stop.abort() };
}

const touchClaimOf = (team: string) =>
  central.db.query(
    `UPDATE changes SET version = nextval('change_version')
     WHERE (entity, entity_id) = (SELECT entity, entity_id FROM changes WHERE entity = 'claim' AND team_id = $1 LIMIT 1)`,
    [team],
  );

describe('feed events', () => {
  it('tell the streams of the team whose feed moved, not another team’s, and not a stream without a token', async () => {
    const leeuwarden = await openStream('mpostma');
    const zwolle = await openStream('jbakker');
    await touchClaimOf('team-inning-leeuwarden');
    await expect.poll(leeuwarden.moved).toBe(1);
    // A pull that stores a change's payload moves nothing.
    await central.db.query(`UPDATE changes SET payload = NULL WHERE team_id = 'team-inning-zwolle'`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(zwolle.moved()).toBe(0);
    leeuwarden.close();
    zwolle.close();

    const anonymous = await fetch(`${central.url}/api/v1/sync/events`);
    expect(anonymous.status).toBe(401);
  });

  it('a team lead’s desktop has a worker’s note within seconds, without syncing by hand', async () => {
    const worker = await fleet.open(central, 'sdevries');
    const lead = await fleet.open(central, 'mpostma'); // background rounds only hourly in the fleet
    const claimId = (await call<{ rows: { id: string }[] }>(worker, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
    const changedOnLead: string[] = [];
    lead.subscribe((event) => {
      if (event.type === 'changed') changedOnLead.push(...event.tags.map((t) => t.type));
    });
    const sent = Date.now();
    await call(worker, 'notes.add', { claimId, text: 'Voor de teamleider' });
    await expect
      .poll(
        async () =>
          (await call<{ notes: { text: string }[] }>(lead, 'notes.list', { claimId })).notes.map((n) => n.text),
        { timeout: 10_000, interval: 50 },
      )
      .toContain('Voor de teamleider');
    const took = Date.now() - sent;
    expect(changedOnLead).toContain('Notes');
    // The worker's own push and the lead's pull on a loaded 2-core machine; an hour without the event.
    expect(took).toBeLessThan(5_000);
  });
});

describe.runIf(onPostgresql)('feed events when the database connections are ended', () => {
  it('listen again and say so to every stream, then carry on', async () => {
    const stream = await openStream('mpostma');
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? '' });
    await admin.connect();
    try {
      const [row] = await central.db.query<{ datname: string }>('SELECT current_database() AS datname');
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [row?.datname],
      );
    } finally {
      await admin.end();
    }
    // Back: one event for "something may have moved meanwhile", then the next real one.
    await expect.poll(stream.moved, { timeout: 10_000 }).toBe(1);
    await expect
      .poll(
        async () => {
          await touchClaimOf('team-inning-leeuwarden').catch(() => undefined);
          return stream.moved();
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(2);
    stream.close();
  });
});
