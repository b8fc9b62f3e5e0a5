import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { startTestCentral } from '../support/central';
import { pdfText } from '../support/pdf-text';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

// The privacy suite: as each non-victim role, everything the API and the app answer is scanned for
// any victim's address, phone and e-mail; and every read of victim contact data is audited with a reason.

const temp = makeTempDir('cjib-privacy-');
let server: CentralServer;
let secrets: string[] = [];
const backends: Backend[] = [];

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 120, claims: 500 } });
  const contacts = await server.db.query<{
    street: string;
    house_number: string;
    postal_code: string;
    phone: string | null;
    email: string | null;
    domicilie_address: string | null;
  }>('SELECT street, house_number, postal_code, phone, email, domicilie_address FROM victim_contacts');
  expect(contacts.length).toBeGreaterThan(10);
  secrets = contacts.flatMap((c) =>
    [c.house_number, c.postal_code, c.phone, c.email, c.domicilie_address].filter((v): v is string => !!v),
  );
});
afterAll(async () => {
  for (const b of backends) await b.close();
  await server.close();
  temp.cleanup();
});

const leaks = (body: string) => secrets.filter((s) => body.includes(s));

async function token(username: string): Promise<string> {
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Welkom-CJIB-2026' }),
  });
  return ((await r.json()) as { accessToken: string }).accessToken;
}

async function allApiBodies(username: string): Promise<{ bodies: string[]; contactStatus: number }> {
  const t = await token(username);
  const headers = { authorization: `Bearer ${t}` };
  const bodies: string[] = [];
  const clientId = randomUUID();
  let cursor = '0';
  for (;;) {
    const page = await fetch(`${server.url}/api/v1/sync/changes?clientId=${clientId}&cursor=${cursor}&limit=500`, {
      headers,
    });
    const text = await page.text();
    bodies.push(text);
    const json = JSON.parse(text) as { nextCursor: string; hasMore: boolean };
    cursor = json.nextCursor;
    if (!json.hasMore) break;
  }
  for (const path of ['/api/v1/me', '/api/v1/openapi.json', '/api/v1/health'])
    bodies.push(await (await fetch(server.url + path, { headers })).text());
  const victim = (await server.db.query<{ id: string }>('SELECT id FROM victims LIMIT 1'))[0]?.id ?? '';
  const contact = await fetch(
    `${server.url}/api/v1/victims/${victim}/contact?reason=${encodeURIComponent('nieuwsgierig')}`,
    { headers },
  );
  bodies.push(await contact.text());
  // The audit log (the functional administrator's; refused for the others) names reads, not addresses.
  bodies.push(await (await fetch(`${server.url}/api/v1/audit?limit=200`, { headers })).text());
  return { bodies, contactStatus: contact.status };
}

/** A desktop signed in as `username` that records every answer it gives, for the leak scan. */
async function recordingDesktop(username: string) {
  const backend = createBackend({
    dbPath: join(temp.dir, `${username}.sqlite`),
    migrationsDir: localMigrationsDir,
    appVersion: 'test',
    centralUrl: server.url,
    localUser: null,
  });
  backends.push(backend);
  const answers: string[] = [];
  const call = async (channel: string, request: unknown = {}) => {
    const result = await backend.invoke(channel, request);
    answers.push(JSON.stringify(result));
    return result;
  };
  await call('session.login', { username, password: 'Welkom-CJIB-2026' });
  await call('sync.now');
  return { answers, call };
}

describe('victim data never reaches another role', () => {
  it.each(['sdevries', 'jbakker', 'mpostma', 'hkok'])(
    '%s: no API response carries a victim address, phone or e-mail',
    async (username) => {
      const { bodies, contactStatus } = await allApiBodies(username);
      expect(contactStatus).toBe(403);
      for (const body of bodies) expect(leaks(body)).toEqual([]);
      // Not even the victims' existence: no victim entities in their feed.
      expect(bodies.some((b) => b.includes('"entity":"victim"'))).toBe(false);
    },
  );

  it('the victim team’s lead sees the victims to approve voorschotten, never their contact data', async () => {
    const { bodies, contactStatus } = await allApiBodies('wdekker');
    expect(contactStatus).toBe(403);
    expect(bodies.some((b) => b.includes('"entity":"victim"'))).toBe(true);
    for (const body of bodies) expect(leaks(body)).toEqual([]);
  });

  it('a case worker’s app, through every screen’s channel, shows no victim contact data either', async () => {
    const { answers, call } = await recordingDesktop('sdevries');
    const list = await call('werkvoorraad.list', { limit: 200 });
    const rows = list.ok ? (list.value as { rows: { id: string; personId: string }[] }).rows : [];
    for (const row of rows.slice(0, 50)) {
      await call('claims.get', { id: row.id });
      await call('claims.history', { claimId: row.id });
      await call('betalingsonmacht.person', { personId: row.personId });
      await call('escalaties.claim', { claimId: row.id });
    }
    await call('escalaties.page', { limit: 200 });
    await call('arrangements.list', {});
    // The queues, the person view, notifications, saved views, and every letter this role can make.
    for (const queue of ['mijn_werk', 'teamvoorraad', 'alle_open']) {
      const page = await call('taken.queue', { queue, limit: 200 });
      for (const task of (page.ok ? (page.value as { rows: { personId: string }[] }).rows : []).slice(0, 20)) {
        await call('persons.view', { personId: task.personId });
      }
    }
    for (const channel of ['taken.counts', 'notifications.list', 'views.list', 'team.members', 'reviews.list']) {
      await call(channel);
    }
    const aanmaningen = await server.db.query<{ id: string }>(
      `SELECT e.id FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE c.team_id = 'team-inning-leeuwarden' AND e.kind IN ('eerste_aanmaning', 'tweede_aanmaning') LIMIT 25`,
    );
    expect(aanmaningen.length).toBeGreaterThan(0);
    for (const { id } of aanmaningen) {
      const letter = await call('claims.aanmaningLetter', { eventId: id });
      expect(letter.ok).toBe(true);
      if (letter.ok)
        answers.push(await pdfText(Buffer.from((letter.value as { pdfBase64: string }).pdfBase64, 'base64')));
    }
    const anEvent = (await server.db.query<{ id: string }>('SELECT id FROM detention_events LIMIT 1'))[0]?.id ?? '';
    const victimLetter = await call('slachtoffers.letter', {
      victimId: (await server.db.query<{ id: string }>('SELECT id FROM victims LIMIT 1'))[0]?.id ?? '',
      eventId: anEvent,
    });
    expect(victimLetter).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('voorschot.approvals')).ok).toBe(false);
    const victim = (await server.db.query<{ id: string }>('SELECT id FROM victims LIMIT 1'))[0]?.id ?? '';
    const contact = await call('slachtoffers.contact', { victimId: victim, reason: 'even kijken' });
    expect(contact).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('slachtoffers.tasks')).ok).toBe(false);
    for (const answer of answers) expect(leaks(answer)).toEqual([]);
  });

  it('a team lead of an inning team: dashboard, approvals and notifications carry no victim contact data', async () => {
    const { answers, call } = await recordingDesktop('mpostma');
    for (const channel of ['dashboard.team', 'voorschot.approvals', 'notifications.list', 'taken.counts']) {
      expect((await call(channel)).ok).toBe(true);
    }
    await call('taken.queue', { queue: 'alle_open', limit: 200 });
    await call('arrangements.list', { status: 'ter_goedkeuring' });
    await call('escalaties.list', { status: 'ter_goedkeuring' });
    expect(answers.length).toBeGreaterThan(5);
    for (const answer of answers) expect(leaks(answer)).toEqual([]);
  });
});

describe('the victim-information role', () => {
  it('gets victims and detention events, never their contact data in the feed, and reads contact data only with a reason that is audited', async () => {
    const backend = createBackend({
      dbPath: join(temp.dir, 'slachtoffer.sqlite'),
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      centralUrl: server.url,
      localUser: null,
    });
    backends.push(backend);
    const login = await backend.invoke('session.login', { username: 'famrani', password: 'Welkom-CJIB-2026' });
    expect(login.ok).toBe(true);
    await backend.invoke('sync.now', {});
    const tasks = await backend.invoke('slachtoffers.tasks', {});
    expect(tasks.ok).toBe(true);
    const list = (tasks.ok ? tasks.value : { tasks: [] }) as {
      tasks: { victimId: string; eventId: string; deadline: string }[];
    };
    expect(list.tasks.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(tasks))).toEqual([]);

    const victimId = list.tasks[0]?.victimId ?? '';
    const refused = await backend.invoke('slachtoffers.contact', { victimId, reason: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const before = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'victim_contact'`,
    );
    const contact = await backend.invoke('slachtoffers.contact', {
      victimId,
      reason: 'Verlofbericht per brief versturen',
    });
    expect(contact.ok).toBe(true);
    const rows = await server.db.query<{ actor_id: string; reason: string; entity_id: string }>(
      `SELECT actor_id, reason, entity_id FROM audit_log WHERE entity = 'victim_contact' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      actor_id: 'u-famrani',
      reason: 'Verlofbericht per brief versturen',
      entity_id: victimId,
    });
    const after = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'victim_contact'`,
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(1);

    // The contact is read live and never stored in the local cache.
    const value = (contact.ok ? contact.value : {}) as {
      houseNumber: string;
      mailTo: string;
      domicilieAddress: string | null;
    };
    if (value.domicilieAddress) expect(value.mailTo).toBe(value.domicilieAddress);
    else expect(value.mailTo).toContain(value.houseNumber);
  });

  it('records a notification that arrives on the server exactly once, with its deadline and late flag', async () => {
    const backend = backends.at(-1);
    if (!backend) throw new Error('no backend');
    const tasks = await backend.invoke('slachtoffers.tasks', {});
    const task = (
      tasks.ok ? (tasks.value as { tasks: { victimId: string; eventId: string; deadline: string }[] }).tasks : []
    )[0];
    if (!task) throw new Error('no task');
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await backend.invoke('slachtoffers.notify', {
      victimId: task.victimId,
      eventId: task.eventId,
      channel: 'telefoon',
      content: 'Slachtoffer gebeld over het verlof; wensen besproken.',
      notifiedOn: today,
    });
    expect(recorded, JSON.stringify(recorded)).toMatchObject({ ok: true });
    await backend.invoke('sync.now', {});
    const stored = await server.db.query<{ late: boolean; deadline: string }>(
      `SELECT late, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM victim_notifications WHERE victim_id = $1 AND event_id = $2`,
      [task.victimId, task.eventId],
    );
    expect(stored).toEqual([{ late: today > task.deadline, deadline: task.deadline }]);
    const after = await backend.invoke('slachtoffers.tasks', {});
    const remaining = (
      after.ok ? (after.value as { tasks: { victimId: string; eventId: string }[] }).tasks : []
    ).filter((t) => t.victimId === task.victimId && t.eventId === task.eventId);
    expect(remaining).toEqual([]);
  });

  it('gives no task for a victim who opted out', async () => {
    const backend = backends.at(-1);
    if (!backend) throw new Error('no backend');
    const optedOut = await server.db.query<{ id: string }>('SELECT id FROM victims WHERE NOT opted_in');
    expect(optedOut.length).toBeGreaterThan(0);
    const tasks = await backend.invoke('slachtoffers.tasks', {});
    const ids = new Set(
      (tasks.ok ? (tasks.value as { tasks: { victimId: string }[] }).tasks : []).map((t) => t.victimId),
    );
    for (const v of optedOut) expect(ids.has(v.id)).toBe(false);
  });

  it('records the wensenformulier, forwarded to the OM; a gebiedsverbod needs a zone description', async () => {
    const backend = backends.at(-1);
    if (!backend) throw new Error('no backend');
    const tasks = await backend.invoke('slachtoffers.tasks', {});
    const first = (tasks.ok ? (tasks.value as { tasks: { victimId: string; eventId: string }[] }).tasks : [])[0];
    if (!first) throw new Error('no task');
    const task = { victimId: first.victimId, eventId: first.eventId };
    const noZone = await backend.invoke('slachtoffers.wishes', {
      ...task,
      contactverbod: false,
      gebiedsverbod: true,
      zoneDescription: null,
      remarks: '',
    });
    expect(noZone).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', issues: { zoneDescription: 'Beschrijf de zone van het gebiedsverbod.' } },
    });
    const recorded = await backend.invoke('slachtoffers.wishes', {
      ...task,
      contactverbod: true,
      gebiedsverbod: true,
      zoneDescription: 'Binnenstad en het winkelcentrum',
      remarks: 'Wil per brief op de hoogte blijven.',
    });
    expect(recorded, JSON.stringify(recorded)).toMatchObject({ ok: true });
    await backend.invoke('sync.now', {});
    const stored = await server.db.query<{
      contactverbod: boolean;
      gebiedsverbod: boolean;
      forwarded: string;
      zone: string;
    }>(
      `SELECT contactverbod, gebiedsverbod, to_char(forwarded_to_om_on, 'YYYY-MM-DD') AS forwarded, zone_description AS zone
       FROM victim_wishes WHERE victim_id = $1 AND event_id = $2`,
      [task.victimId, task.eventId],
    );
    expect(stored).toEqual([
      {
        contactverbod: true,
        gebiedsverbod: true,
        forwarded: new Date().toISOString().slice(0, 10),
        zone: 'Binnenstad en het winkelcentrum',
      },
    ]);
    const disclosed = await server.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'disclose' AND entity = 'victim_wish'`,
    );
    expect(disclosed.length).toBe(1);
  });

  it('a victim who no longer wants information: the change syncs and their tasks disappear', async () => {
    const backend = backends.at(-1);
    if (!backend) throw new Error('no backend');
    const tasks = await backend.invoke('slachtoffers.tasks', {});
    const victimId = (tasks.ok ? (tasks.value as { tasks: { victimId: string }[] }).tasks : [])[0]?.victimId;
    if (!victimId) throw new Error('no task');
    const saved = await backend.invoke('slachtoffers.preferences', {
      victimId,
      optedIn: true,
      wantsInformation: false,
      preferredChannel: 'brief',
      representative: 'Advocaat mr. Jansen',
    });
    expect(saved.ok).toBe(true);
    await backend.invoke('sync.now', {});
    const row = await server.db.query<{ wants_information: boolean; representative: string }>(
      'SELECT wants_information, representative FROM victims WHERE id = $1',
      [victimId],
    );
    expect(row).toEqual([{ wants_information: false, representative: 'Advocaat mr. Jansen' }]);
    const after = await backend.invoke('slachtoffers.tasks', {});
    const ids = (after.ok ? (after.value as { tasks: { victimId: string }[] }).tasks : []).map((t) => t.victimId);
    expect(ids).not.toContain(victimId);
  });
});
