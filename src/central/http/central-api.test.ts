import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral } from '../../../tests/support/central';
import { demoPassword } from '../demo/demo-users';
import type { CentralServer } from '../central-server';

let server: CentralServer;
beforeAll(async () => {
  // Rotation itself: a used refresh token is refused at once (no grace for a lost answer).
  server = await startTestCentral({ seed: { persons: 40, claims: 120 }, refreshReuseGraceMs: 0 });
});
afterAll(async () => server.close());

async function post(path: string, body: unknown, token?: string, raw?: string) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

async function get(path: string, token?: string) {
  const response = await fetch(server.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function login(username: string): Promise<{ accessToken: string; refreshToken: string }> {
  const r = await post('/api/v1/auth/login', { username, password: demoPassword });
  expect(r.status).toBe(200);
  return r.body as unknown as { accessToken: string; refreshToken: string };
}

async function pullAll(token: string): Promise<{ entity: string; data: Record<string, unknown> }[]> {
  const clientId = randomUUID();
  const changes: { entity: string; data: Record<string, unknown> }[] = [];
  let cursor = '0';
  for (;;) {
    const page = await get(`/api/v1/sync/changes?clientId=${clientId}&cursor=${cursor}&limit=500`, token);
    expect(page.status).toBe(200);
    changes.push(...(page.body.changes as typeof changes));
    cursor = page.body.nextCursor as string;
    if (!page.body.hasMore) return changes;
  }
}

const note = (claimId: string, seq = 1) => ({
  commandId: randomUUID(),
  seq,
  issuedAt: new Date().toISOString(),
  baseVersion: null,
  type: 'AddCaseNote',
  payload: { noteId: randomUUID(), claimId, text: 'Test' },
});

describe('authentication', () => {
  it('stores passwords as scrypt hashes, never in plain text', async () => {
    const rows = await server.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row.password_hash).not.toContain(demoPassword);
    }
  });

  it('locks an account after five failed attempts, also for the right password, and audits it', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await post('/api/v1/auth/login', { username: 'jbakker', password: `fout-${i}` });
      expect(r.status).toBe(401);
      expect(r.body.error?.message).toBe('Gebruikersnaam of wachtwoord is onjuist.');
    }
    const locked = await post('/api/v1/auth/login', { username: 'jbakker', password: demoPassword });
    expect(locked.status).toBe(423);
    expect(locked.body.error?.message).toMatch(/tijdelijk geblokkeerd/);
    const audit = await server.db.query<{ reason: string | null; n: number }>(
      `SELECT detail->>'reason' AS reason, count(*)::int AS n FROM audit_log
       WHERE action = 'login_failed' AND actor_id = 'u-jbakker' GROUP BY 1 ORDER BY 1`,
    );
    expect(audit).toEqual([
      { reason: 'locked', n: 1 },
      { reason: null, n: 5 },
    ]);
    await server.db.query(`DELETE FROM login_throttle WHERE user_id = 'u-jbakker'`);
  });

  it('rotates refresh tokens: a used one no longer works', async () => {
    const first = await login('sdevries');
    const second = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const reused = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
  });

  it('refuses requests without a token, with a forged token, or with a tampered one', async () => {
    const { accessToken } = await login('sdevries');
    expect((await get('/api/v1/me')).status).toBe(401);
    expect((await get('/api/v1/me', 'v2.kid.eyJzdWIiOiJ4In0.AAAA')).status).toBe(401);
    const [v, kid, payload, sig] = accessToken.split('.');
    const forged = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    forged.role = 'teamleider';
    const tampered = `${v}.${kid}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    expect((await get('/api/v1/me', tampered)).status).toBe(401);
    expect((await get('/api/v1/me', accessToken)).body).toMatchObject({ role: 'medewerker_inning' });
  });
});

describe('authorization', () => {
  it('shows each case role only its own team’s persons and claims', async () => {
    const leeuwarden = await pullAll((await login('sdevries')).accessToken);
    const zwolle = await pullAll((await login('jbakker')).accessToken);
    const teamOf = async (ids: unknown[]) =>
      new Set(
        (
          await server.db.query<{ team_id: string }>('SELECT DISTINCT team_id FROM claims WHERE id = ANY($1)', [ids])
        ).map((r) => r.team_id),
      );
    expect(await teamOf(leeuwarden.filter((c) => c.entity === 'claim').map((c) => c.data.id))).toEqual(
      new Set(['team-inning-leeuwarden']),
    );
    expect(await teamOf(zwolle.filter((c) => c.entity === 'claim').map((c) => c.data.id))).toEqual(
      new Set(['team-inning-zwolle']),
    );
    // Only the approved parameter sets reach both teams (and everyone else).
    const leeuwardenIds = new Set(leeuwarden.filter((c) => c.entity !== 'parameter_set').map((c) => c.data.id));
    expect(zwolle.some((c) => leeuwardenIds.has(c.data.id))).toBe(false);
    expect(zwolle.filter((c) => c.entity === 'parameter_set')).toEqual(
      leeuwarden.filter((c) => c.entity === 'parameter_set'),
    );
  });

  it('gives the victim-information role only its victim compartment, and the functional administrator only the parameter sets', async () => {
    const victimFeed = await pullAll((await login('famrani')).accessToken);
    expect(victimFeed.length).toBeGreaterThan(0);
    const entities = new Set(victimFeed.map((c) => c.entity));
    expect(entities).toContain('victim');
    expect(entities).toContain('detention_event');
    expect(
      [...entities].every((e) => ['victim', 'detention_event', 'victim_compensation', 'parameter_set'].includes(e)),
    ).toBe(true);
    const beheer = await pullAll((await login('hkok')).accessToken);
    expect(beheer.map((c) => c.entity)).toEqual(['parameter_set']);
  });

  it('rejects a note on another team’s claim and a note by a role without case access, in Dutch', async () => {
    const foreign = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-zwolle' LIMIT 1`,
    );
    const own = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' LIMIT 1`,
    );
    const worker = await login('sdevries');
    const r = await post(
      '/api/v1/sync/commands',
      { clientId: randomUUID(), commands: [note(foreign[0]?.id ?? '')] },
      worker.accessToken,
    );
    expect(r.body).toMatchObject({
      outcomes: [{ status: 'rejected', reason: 'Deze vordering bestaat niet of hoort niet bij uw team.' }],
    });
    const victimWorker = await login('famrani');
    const v = await post(
      '/api/v1/sync/commands',
      { clientId: randomUUID(), commands: [note(own[0]?.id ?? '')] },
      victimWorker.accessToken,
    );
    expect(v.body).toMatchObject({
      outcomes: [{ status: 'rejected', reason: 'Uw rol mag geen notities bij vorderingen maken.' }],
    });
    expect((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_notes`))[0]?.n).toBe(0);
  });

  it('refuses a client id that belongs to another user', async () => {
    const clientId = randomUUID();
    const own = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' LIMIT 1`,
    );
    await post(
      '/api/v1/sync/commands',
      { clientId, commands: [note(own[0]?.id ?? '')] },
      (await login('sdevries')).accessToken,
    );
    const other = await post(
      '/api/v1/sync/commands',
      { clientId, commands: [note(own[0]?.id ?? '')] },
      (await login('mpostma')).accessToken,
    );
    expect(other.status).toBe(403);
  });

  it('audits every page of personal data read, with who and why', async () => {
    const before = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'read'`,
    );
    await pullAll((await login('mpostma')).accessToken);
    const rows = await server.db.query<{ actor_id: string; reason: string }>(
      `SELECT actor_id, reason FROM audit_log WHERE action = 'read' ORDER BY id DESC LIMIT 1`,
    );
    const after = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'read'`,
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ actor_id: 'u-mpostma', reason: 'synchronisatie werkvoorraad' });
    await expect(server.db.query('UPDATE audit_log SET reason = NULL')).rejects.toThrow(
      /append-only|permission denied/,
    );
  });
});

describe('the audit log', () => {
  it('is read by functional administrators only; every look, and every refused attempt, is itself audited', async () => {
    // A victim worker reads a contact with a reason: the entry the administrator must be able to find.
    const famrani = await login('famrani');
    const [victim] = await server.db.query<{ id: string }>('SELECT id FROM victims ORDER BY id LIMIT 1');
    const reason = `Brief over verlof ${randomUUID().slice(0, 8)}`;
    const contact = await get(
      `/api/v1/victims/${victim?.id}/contact?reason=${encodeURIComponent(reason)}`,
      famrani.accessToken,
    );
    expect(contact.status).toBe(200);

    for (const username of ['sdevries', 'mpostma', 'famrani', 'wdekker']) {
      const refused = await get('/api/v1/audit?entity=victim_contact', (await login(username)).accessToken);
      expect([username, refused.status]).toEqual([username, 403]);
      expect(JSON.stringify(refused.body)).not.toContain(reason);
    }
    const refusals = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'audit_log' AND reason = 'GEWEIGERD'`,
    );
    expect(refusals[0]?.n).toBeGreaterThanOrEqual(4);

    const hkok = await login('hkok');
    const page = await get('/api/v1/audit?entity=victim_contact&limit=5', hkok.accessToken);
    expect(page.status).toBe(200);
    const entries = page.body.entries as { actorName: string; reason: string; entityId: string; id: number }[];
    expect(entries[0]).toMatchObject({ actorName: 'Fatima Amrani', reason, entityId: victim?.id });
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));

    const looks = await server.db.query<{ actor_id: string; detail: { entity: string; count: number } }>(
      `SELECT actor_id, detail FROM audit_log WHERE entity = 'audit_log' AND reason = 'inzage auditlog' ORDER BY id DESC LIMIT 1`,
    );
    expect(looks[0]).toMatchObject({ actor_id: 'u-hkok', detail: { entity: 'victim_contact', count: entries.length } });
  });

  it('pages backwards without gaps or repeats, and refuses a bad filter with the field named', async () => {
    const token = (await login('hkok')).accessToken;
    const first = await get('/api/v1/audit?limit=3', token);
    const next = first.body.nextBefore as number;
    const second = await get(`/api/v1/audit?limit=3&before=${next}`, token);
    const ids = [...(first.body.entries as { id: number }[]), ...(second.body.entries as { id: number }[])].map(
      (e) => e.id,
    );
    const [{ ids: expected } = { ids: [] }] = await server.db.query<{ ids: number[] }>(
      `SELECT array_agg(id::int ORDER BY id DESC) AS ids FROM (SELECT id FROM audit_log WHERE id <= $1 ORDER BY id DESC LIMIT 6) a`,
      [(first.body.entries as { id: number }[])[0]?.id],
    );
    expect(ids).toEqual(expected);

    const bad = await get('/api/v1/audit?action=lezen', token);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('action');
  });
});

describe('bad input', () => {
  it('answers malformed, oversized, wrongly typed and unknown-field bodies with a 400-class error in Dutch and writes nothing', async () => {
    const { accessToken } = await login('sdevries');
    const own = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' LIMIT 1`,
    );
    const countBefore = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM commands');
    const cases: [string, unknown, string | undefined, number][] = [
      ['malformed JSON', undefined, '{"clientId": ', 400],
      ['wrong type', { clientId: randomUUID(), commands: 'veel' }, undefined, 400],
      ['unknown field', { clientId: randomUUID(), commands: [note(own[0]?.id ?? '')], admin: true }, undefined, 400],
      ['oversized', undefined, JSON.stringify({ clientId: randomUUID(), pad: 'x'.repeat(3 * 1024 * 1024) }), 413],
    ];
    for (const [label, body, raw, status] of cases) {
      const r = await post('/api/v1/sync/commands', body, accessToken, raw);
      expect(r.status, label).toBe(status);
      expect(r.body.error?.message, label).toMatch(/^De aanvraag/);
    }
    // A batch with one invalid command is refused whole: no partial write.
    const mixed = await post(
      '/api/v1/sync/commands',
      { clientId: randomUUID(), commands: [note(own[0]?.id ?? '', 1), { ...note(own[0]?.id ?? '', 2), seq: 'twee' }] },
      accessToken,
    );
    expect(mixed.status).toBe(400);
    const countAfter = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM commands');
    expect(countAfter[0]?.n).toBe(countBefore[0]?.n);
  });

  it('answers a command that fails its own schema as rejected, naming why, and applies nothing of it', async () => {
    const { accessToken } = await login('sdevries');
    const own = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' LIMIT 1`,
    );
    const claimId = own[0]?.id ?? '';
    const notesBefore = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_notes');
    const unknown = { ...note(claimId, 1), type: 'DropTable' };
    const empty = { ...note(claimId, 2), payload: { noteId: 'x', claimId, text: '  ' } };
    const r = await post('/api/v1/sync/commands', { clientId: randomUUID(), commands: [unknown, empty] }, accessToken);
    expect(r.status).toBe(200);
    const outcomes = r.body.outcomes as { status: string; reason: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes[0]?.reason).toMatch(/^De opdracht is ongeldig: /);
    expect(outcomes[1]?.reason).toBe('De opdracht is ongeldig: Een notitie mag niet leeg zijn.');
    const notesAfter = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_notes');
    expect(notesAfter[0]?.n).toBe(notesBefore[0]?.n);
  });

  it('rejects a bad pull query with the field named', async () => {
    const { accessToken } = await login('sdevries');
    const r = await get(`/api/v1/sync/changes?clientId=niet-een-uuid&cursor=-1`, accessToken);
    expect(r.status).toBe(400);
    expect(Object.keys((r.body.error as { issues: Record<string, string> }).issues)).toEqual(
      expect.arrayContaining(['clientId', 'cursor']),
    );
  });
});
