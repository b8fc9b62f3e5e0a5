import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import type { ArrangementWire } from '../../src/shared/api/entities';
import { startTestCentral } from '../support/central';
import { tailoredRequest } from '../support/betalingsonmacht-request';
import { call, desktopFleet } from '../support/desktop';
import { todayInAmsterdam } from '../../src/shared/domain/amsterdam-clock';
import { addMonths, firstOfNextMonth } from '../../src/shared/domain/calendar';

const fleet = desktopFleet('cjib-bo-');
let server: CentralServer;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 80, claims: 300 } });
});
afterAll(async () => {
  await fleet.close();
  await server.close();
});

const desktop = (username: string) => fleet.open(server, username);

/** A Leeuwarden person with open CJIB claims, no deurwaarder or dwangmiddel yet, and no arrangement so far. */
async function pickPerson(exclude: string[] = []): Promise<{ id: string; total: number }> {
  const rows = await server.db.query<{ id: string; total: number }>(
    `SELECT p.id, sum(c.outstanding_cents + c.administratiekosten_cents)::bigint AS total FROM persons p JOIN claims c ON c.person_id = p.id
     WHERE p.team_id = 'team-inning-leeuwarden' AND c.kind IN ('wahv','strafbeschikking','geldboetevonnis','schadevergoedingsmaatregel')
       AND c.phase NOT IN ('betaald', 'gestopt') AND NOT (p.id = ANY($1))
       AND NOT EXISTS (SELECT 1 FROM claims d WHERE d.person_id = p.id AND d.phase IN ('deurwaarder', 'dwangmiddel'))
       AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = p.id)
     GROUP BY p.id HAVING sum(c.outstanding_cents) >= 20000 ORDER BY p.id LIMIT 1`,
    [exclude],
  );
  const row = rows[0];
  if (!row) throw new Error('no suitable demo person');
  return { id: row.id, total: Number(row.total) };
}

/** A tailored arrangement over about 32 months: longer than standard terms, so it needs approval. */
describe('betalingsonmacht decisions through sync', () => {
  it('a worker grants a tailored arrangement, the team lead approves it, and the claims show it running', async () => {
    const worker = await desktop('sdevries');
    const lead = await desktop('mpostma');
    const person = await pickPerson();

    const local = await call<ArrangementWire>(
      worker,
      'betalingsonmacht.decide',
      tailoredRequest(person.id, person.total),
    );
    expect(local).toMatchObject({ kind: 'persoonlijk', status: 'ter_goedkeuring', totalCents: person.total });
    expect(local.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(person.total);
    await call(worker, 'sync.now');
    const stored = await server.db.query<{ status: string; assessment: { trace: { text: string }[] } }>(
      'SELECT status, assessment FROM arrangements WHERE id = $1',
      [local.id],
    );
    expect(stored[0]?.status).toBe('ter_goedkeuring');
    expect(stored[0]?.assessment.trace.some((s) => /Beslagvrije voet/.test(s.text))).toBe(true);

    await call(lead, 'sync.now');
    const queue = await call<{ arrangements: { id: string }[] }>(lead, 'arrangements.list', {
      status: 'ter_goedkeuring',
    });
    expect(queue.arrangements.map((a) => a.id)).toContain(local.id);
    await call(lead, 'arrangements.decideApproval', { arrangementId: local.id, approve: true, note: '' });
    await call(lead, 'sync.now');

    const after = await server.db.query<{ status: string; approved_by: string }>(
      'SELECT status, approved_by FROM arrangements WHERE id = $1',
      [local.id],
    );
    expect(after[0]).toEqual({ status: 'lopend', approved_by: 'u-mpostma' });
    const phases = await server.db.query<{ phase: string }>(
      `SELECT DISTINCT phase FROM claims WHERE person_id = $1 AND kind IN ('wahv','strafbeschikking','geldboetevonnis','schadevergoedingsmaatregel') AND outstanding_cents > 0`,
      [person.id],
    );
    expect(phases.map((p) => p.phase)).toEqual(['regeling']);

    await call(worker, 'sync.now');
    const overview = await call<{ arrangements: ArrangementWire[]; claims: { phase: string; kind: string }[] }>(
      worker,
      'betalingsonmacht.person',
      { personId: person.id },
    );
    expect(overview.arrangements[0]).toMatchObject({ id: local.id, status: 'lopend', approvedBy: 'Marieke Postma' });
    expect(
      overview.claims
        .filter((c) => ['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel'].includes(c.kind))
        .every((c) => c.phase === 'regeling' || c.phase === 'betaald' || c.phase === 'gestopt'),
    ).toBe(true);
  });

  it('four eyes: a team lead cannot approve their own decision, locally or on the server', async () => {
    const lead = await desktop('mpostma');
    const person = await pickPerson(
      (await server.db.query<{ person_id: string }>('SELECT person_id FROM arrangements')).map((r) => r.person_id),
    );
    const own = await call<ArrangementWire>(lead, 'betalingsonmacht.decide', tailoredRequest(person.id, person.total));
    const local = await lead.invoke('arrangements.decideApproval', { arrangementId: own.id, approve: true, note: '' });
    expect(local).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.' },
    });
    await call(lead, 'sync.now');

    // Bypassing the app: the command goes straight to the API.
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mpostma', password: 'Welkom-CJIB-2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const push = await fetch(`${server.url}/api/v1/sync/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        clientId: randomUUID(),
        commands: [
          {
            type: 'DecideApproval',
            commandId: randomUUID(),
            seq: 1,
            issuedAt: new Date().toISOString(),
            baseVersion: null,
            payload: { arrangementId: own.id, approve: true, note: '' },
          },
        ],
      }),
    });
    expect(await push.json()).toMatchObject({
      outcomes: [{ status: 'rejected', reason: 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.' }],
    });
  });

  it('the server re-checks the rules: an instalment above the capacity is rejected even when the app is bypassed', async () => {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sdevries', password: 'Welkom-CJIB-2026' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const person = await pickPerson(
      (await server.db.query<{ person_id: string }>('SELECT person_id FROM arrangements')).map((r) => r.person_id),
    );
    const request = tailoredRequest(person.id, person.total);
    const greedy = {
      ...request,
      choice: { ...request.choice, instalmentCents: (request.choice.instalmentCents ?? 0) + 1 },
    };
    const push = await fetch(`${server.url}/api/v1/sync/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        clientId: randomUUID(),
        commands: [
          {
            type: 'RecordBetalingsonmachtDecision',
            commandId: randomUUID(),
            seq: 1,
            issuedAt: new Date().toISOString(),
            baseVersion: null,
            payload: { ...greedy, arrangementId: randomUUID(), expectedTotalCents: person.total },
          },
        ],
      }),
    });
    const body = (await push.json()) as { outcomes: { status: string; reason: string }[] };
    expect(body.outcomes[0]?.status).toBe('rejected');
    expect(body.outcomes[0]?.reason).toMatch(/hoger dan de afloscapaciteit/);
  });

  it('a decision made on an outdated total becomes a conflict, shown in the review list', async () => {
    const worker = await desktop('sdevries');
    const person = await pickPerson(
      (await server.db.query<{ person_id: string }>('SELECT person_id FROM arrangements')).map((r) => r.person_id),
    );
    const decided = await call<ArrangementWire>(
      worker,
      'betalingsonmacht.decide',
      tailoredRequest(person.id, person.total),
    );
    // Meanwhile a payment lowers one claim on the server.
    await server.db.query(
      `UPDATE claims SET outstanding_cents = outstanding_cents - 1000 WHERE id = (SELECT id FROM claims WHERE person_id = $1 AND outstanding_cents > 1000 AND kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel') AND phase NOT IN ('betaald', 'gestopt') LIMIT 1)`,
      [person.id],
    );
    await call(worker, 'sync.now');
    const reviews = await call<{ reviews: { outcome: string; reason: string; mine: { type: string } }[] }>(
      worker,
      'reviews.list',
    );
    expect(reviews.reviews).toEqual([
      expect.objectContaining({
        outcome: 'conflict',
        mine: expect.objectContaining({ type: 'RecordBetalingsonmachtDecision' }),
        reason: expect.stringMatching(/gewijzigd sinds de beoordeling/),
      }),
    ]);
    const overview = await call<{ arrangements: ArrangementWire[] }>(worker, 'betalingsonmacht.person', {
      personId: person.id,
    });
    expect(overview.arrangements.find((a) => a.id === decided.id)).toBeUndefined();
  });

  it('the 12-month rule: an arrangement not kept that ended within a year bars a new standard one', async () => {
    const person = await pickPerson();
    const endedOn = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    await server.db.query(
      `INSERT INTO arrangements (id, person_id, team_id, kind, status, total_cents, motivation, decided_by, decided_at,
                                 bvv_input, assessment, ended_on, honoured_exactly, version)
       VALUES ($1, $2, 'team-inning-leeuwarden', 'standaard', 'beeindigd', 20000, 'Eerdere regeling.', 'u-sdevries',
               now() - interval '300 days', '{}', $3, $4, false, nextval('change_version'))`,
      [
        `broken-${person.id}`,
        person.id,
        JSON.stringify({
          bvvCents: null,
          afloscapaciteitCents: 0,
          monthlyIncomeCents: 0,
          parameterSets: [],
          trace: [],
        }),
        endedOn,
      ],
    );
    await server.db.query(
      `INSERT INTO changes (entity, entity_id, team_id, version)
       SELECT 'arrangement', id, team_id, version FROM arrangements WHERE id = $1`,
      [`broken-${person.id}`],
    );
    const worker = await desktop('sdevries');
    const overview = await call<{ facts: { previousArrangements: unknown[] }; arrangements: ArrangementWire[] }>(
      worker,
      'betalingsonmacht.person',
      { personId: person.id },
    );
    expect(overview.facts.previousArrangements).toEqual([{ endedOn, honouredExactly: false }]);
    expect(overview.arrangements.find((a) => a.status === 'beeindigd')).toMatchObject({
      endedOn,
      honouredExactly: false,
    });
    await expect(
      call(worker, 'betalingsonmacht.decide', tailoredRequest(person.id, person.total, { kind: 'standaard' })),
    ).rejects.toThrow(/binnen 12 maanden niet precies nagekomen/);
    // A tailored arrangement stays possible: the rule bars the standard one only.
    const tailored = await call<ArrangementWire>(
      worker,
      'betalingsonmacht.decide',
      tailoredRequest(person.id, person.total),
    );
    expect(tailored.kind).toBe('persoonlijk');
  });

  it('a decision the server applies finishes the decider’s own assessment task of that person', async () => {
    const person = await pickPerson();
    const other = await pickPerson([person.id]);
    const task = (id: string, personId: string) =>
      server.db.query(
        `INSERT INTO tasks (id, team_id, person_id, kind, status, assignee_id, created_on, due_date, version)
         VALUES ($1, 'team-inning-leeuwarden', $2, 'betalingsonmacht', 'open', 'u-sdevries', current_date - 3,
                 current_date + 11, nextval('change_version'))`,
        [id, personId],
      );
    await task(`t-${person.id}`, person.id);
    await task(`t-${other.id}`, other.id);
    const worker = await desktop('sdevries');
    await call(worker, 'betalingsonmacht.decide', tailoredRequest(person.id, person.total));
    await call(worker, 'sync.now');
    const statuses = await server.db.query<{ id: string; status: string; completed_by: string | null }>(
      'SELECT id, status, completed_by FROM tasks WHERE id = ANY($1) ORDER BY id = $2 DESC',
      [[`t-${person.id}`, `t-${other.id}`], `t-${person.id}`],
    );
    expect(statuses).toEqual([
      { id: `t-${person.id}`, status: 'afgerond', completed_by: 'u-sdevries' },
      { id: `t-${other.id}`, status: 'open', completed_by: null },
    ]);
  });

  it('the pauzeknop: instalments move up locally and on the server; a second pause within a year is refused, and a refused one undone', async () => {
    const worker = await desktop('sdevries');
    const colleague = await fleet.open(server, 'pvisser', { stale: true });
    const person = await pickPerson(
      (await server.db.query<{ person_id: string }>('SELECT person_id FROM arrangements')).map((r) => r.person_id),
    );
    const firstDue = firstOfNextMonth(todayInAmsterdam());
    const decided = await call<ArrangementWire>(
      worker,
      'betalingsonmacht.decide',
      tailoredRequest(person.id, person.total, {
        kind: 'standaard',
        instalmentCents: undefined,
        firstDueDate: firstDue,
      }),
    );
    expect(decided.status).toBe('lopend');
    await call(worker, 'sync.now');
    await call(colleague, 'sync.now');
    const second = decided.instalments[1];
    const third = decided.instalments[2];
    if (!second || !third) throw new Error('plan too short');

    // The person calls twice. The worker records a pause and it reaches the server; the colleague,
    // whose desktop has not synced since, records another one from the plan it still shows.
    const paused = await call<ArrangementWire>(worker, 'betalingsonmacht.pause', {
      arrangementId: decided.id,
      from: second.dueDate,
      months: 2,
      reason: 'Tijdelijk geen inkomen: baan kwijt.',
    });
    expect(paused.instalments.map((i) => i.dueDate)).toEqual([
      decided.instalments[0]?.dueDate,
      ...decided.instalments.slice(1).map((i) => addMonths(i.dueDate, 2)),
    ]);
    await expect(
      call(worker, 'betalingsonmacht.pause', {
        arrangementId: decided.id,
        from: third.dueDate,
        months: 1,
        reason: 'Nog een keer.',
      }),
    ).rejects.toThrow(/al een pauze binnen 12 maanden|bevestigd/);

    await call(worker, 'sync.now');
    const stored = await server.db.query<{ due_date: string }>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM arrangement_instalments WHERE arrangement_id = $1 ORDER BY number`,
      [decided.id],
    );
    expect(stored.map((r) => r.due_date)).toEqual(paused.instalments.map((i) => i.dueDate));
    expect(
      await server.db.query('SELECT months FROM arrangement_pauses WHERE arrangement_id = $1', [decided.id]),
    ).toEqual([{ months: 2 }]);

    const other = await call<ArrangementWire>(colleague, 'betalingsonmacht.pause', {
      arrangementId: decided.id,
      from: third.dueDate,
      months: 1,
      reason: 'Onverwachte tandartsrekening.',
    });
    expect(other.pauses.map((p) => p.from)).toEqual([third.dueDate]);

    // The colleague's pause comes second: the server refuses it, the desktop puts it up for review
    // and shows the server's plan, with the first pause, again.
    await call(colleague, 'sync.now');
    const reviews = await call<{ reviews: { outcome: string; reason: string }[] }>(colleague, 'reviews.list');
    expect(reviews.reviews.map((r) => r.reason).join(' ')).toMatch(/al een pauze binnen 12 maanden/);
    await call(colleague, 'sync.now');
    const overview = await call<{ arrangements: ArrangementWire[] }>(colleague, 'betalingsonmacht.person', {
      personId: person.id,
    });
    const seen = overview.arrangements.find((a) => a.id === decided.id);
    expect(seen?.pauses.map((p) => [p.from, p.months, p.recordedBy])).toEqual([[second.dueDate, 2, 'Sanne de Vries']]);
    expect(seen?.instalments.map((i) => i.dueDate)).toEqual(paused.instalments.map((i) => i.dueDate));
  });
});
