import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import type { EscalationDecisionWire } from '../../src/shared/api/entities';
import { startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

const fleet = desktopFleet('cjib-esc-');
let server: CentralServer;
const facts = { hasDrivingLicence: false, vehicle: 'geen' as const, verhaalFailed: true };

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 80, claims: 300 } });
});
afterAll(async () => {
  await fleet.close();
  await server.close();
});

const desktop = (username: string) => fleet.open(server, username);

const used: string[] = [];
/** A fresh Leeuwarden Wahv claim of a person with no other decisions, put in the given phase. */
async function freshClaim(phase: string): Promise<{ id: string; personId: string }> {
  const rows = await server.db.query<{ id: string; person_id: string }>(
    `SELECT c.id, c.person_id FROM claims c WHERE c.team_id = 'team-inning-leeuwarden' AND c.kind = 'wahv' AND c.outstanding_cents > 0
       AND NOT (c.person_id = ANY($1)) AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = c.person_id)
     ORDER BY c.id LIMIT 1`,
    [used],
  );
  const row = rows[0];
  if (!row) throw new Error('no claim left');
  used.push(row.person_id);
  // Recent enough for every term, and in the requested phase; bump the feed so clients see it.
  await server.db.query(
    `UPDATE claims SET phase = $2, due_date = current_date - 30, version = nextval('change_version') WHERE id = $1`,
    [row.id, phase],
  );
  await server.db.query(
    `UPDATE changes SET version = (SELECT version FROM claims WHERE id = $1) WHERE entity = 'claim' AND entity_id = $1`,
    [row.id],
  );
  return { id: row.id, personId: row.person_id };
}

async function apiToken(username: string): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Welkom-CJIB-2026' }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

async function pushDirect(token: string, command: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/v1/sync/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      clientId: randomUUID(),
      commands: [
        { commandId: randomUUID(), seq: 1, issuedAt: new Date().toISOString(), baseVersion: null, ...command },
      ],
    }),
  });
  return ((await response.json()) as { outcomes: { status: string; reason: string }[] }).outcomes[0];
}

/** An arrangement decided earlier (by another route), published in the change feed. */
async function giveArrangement(
  personId: string,
  kind: 'persoonlijk' | 'standaard',
  status: 'lopend' | 'vastgelegd',
): Promise<string> {
  const id = randomUUID();
  const assessment = {
    bvvCents: 127818,
    afloscapaciteitCents: 5000,
    monthlyIncomeCents: 132818,
    parameterSets: [],
    trace: [],
  };
  await server.db.query(
    `INSERT INTO arrangements (id, person_id, team_id, kind, status, total_cents, motivation, decided_by, decided_at, bvv_input, assessment, version)
     VALUES ($1, $2, 'team-inning-leeuwarden', $3, $4, 1000, 'Eerder besluit', 'u-mpostma', now(), '{}', $5, nextval('change_version'))`,
    [id, personId, kind, status, JSON.stringify(assessment)],
  );
  await server.db.query(
    `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'arrangement', id, team_id, version FROM arrangements WHERE id = $1`,
    [id],
  );
  return id;
}

describe('escalation decisions through sync', () => {
  it('a worker proposes gijzeling, the team lead approves it, and both see the claim under a dwangmiddel', async () => {
    const worker = await desktop('sdevries');
    const lead = await desktop('mpostma');
    const claim = await freshClaim('deurwaarder');
    await call(worker, 'sync.now');
    const decision = await call<EscalationDecisionWire>(worker, 'escalaties.decide', {
      claimId: claim.id,
      step: 'gijzeling',
      facts,
      motivation: 'Verhaal mislukt, geen rijbewijs of voertuig bekend.',
    });
    expect(decision.status).toBe('ter_goedkeuring');
    await call(worker, 'sync.now');
    await call(lead, 'sync.now');
    const queue = await call<{ decisions: { id: string }[] }>(lead, 'escalaties.list', { status: 'ter_goedkeuring' });
    expect(queue.decisions.map((d) => d.id)).toContain(decision.id);
    await call(lead, 'escalaties.decideApproval', { decisionId: decision.id, approve: true, note: '' });
    await call(lead, 'sync.now');
    const stored = await server.db.query<{ status: string }>('SELECT status FROM escalation_decisions WHERE id = $1', [
      decision.id,
    ]);
    expect(stored[0]?.status).toBe('vastgelegd');
    await call(worker, 'sync.now');
    const view = await call<{ claim: { phase: string }; decisions: EscalationDecisionWire[] }>(
      worker,
      'escalaties.claim',
      { claimId: claim.id },
    );
    expect(view.claim.phase).toBe('dwangmiddel');
    expect(view.decisions[0]).toMatchObject({ id: decision.id, status: 'vastgelegd', approvedBy: 'Marieke Postma' });
  });

  it('the server never accepts gijzeling while betalingsonmacht is established or an arrangement runs, even bypassing the app', async () => {
    const token = await apiToken('sdevries');
    const established = await freshClaim('deurwaarder');
    await giveArrangement(established.personId, 'persoonlijk', 'vastgelegd');
    const a = await pushDirect(token, {
      type: 'RecordEscalationDecision',
      payload: {
        decisionId: randomUUID(),
        claimId: established.id,
        step: 'gijzeling',
        facts,
        motivation: 'Rechtstreeks naar de API gestuurd.',
      },
    });
    expect(a).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/Betalingsonmacht is vastgesteld/) });

    const running = await freshClaim('deurwaarder');
    await giveArrangement(running.personId, 'standaard', 'lopend');
    const b = await pushDirect(token, {
      type: 'RecordEscalationDecision',
      payload: {
        decisionId: randomUUID(),
        claimId: running.id,
        step: 'gijzeling',
        facts,
        motivation: 'Rechtstreeks naar de API gestuurd.',
      },
    });
    expect(b).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/betalingsregeling/) });
    const stored = await server.db.query('SELECT 1 FROM escalation_decisions WHERE claim_id = ANY($1)', [
      [established.id, running.id],
    ]);
    expect(stored).toEqual([]);
  });

  it('an arrangement the person fell behind on no longer blocks; paying what is due makes it block again', async () => {
    const token = await apiToken('sdevries');
    const claim = await freshClaim('deurwaarder');
    const arrangementId = await giveArrangement(claim.personId, 'standaard', 'lopend');
    await server.db.query(
      `INSERT INTO arrangement_instalments (arrangement_id, number, due_date, amount_cents)
       VALUES ($1, 1, current_date - 10, 5000), ($1, 2, current_date + 20, 5000)`,
      [arrangementId],
    );
    const gijzeling = () =>
      pushDirect(token, {
        type: 'RecordEscalationDecision',
        payload: {
          decisionId: randomUUID(),
          claimId: claim.id,
          step: 'gijzeling',
          facts,
          motivation: 'Regeling niet nagekomen.',
        },
      });
    // Nothing paid since the decision: € 50 behind, so the arrangement is not being kept to.
    expect(await gijzeling()).toMatchObject({ status: 'applied' });
    await server.db.query(`UPDATE escalation_decisions SET status = 'afgewezen' WHERE claim_id = $1`, [claim.id]);
    await server.db.query(
      `INSERT INTO claim_events (id, claim_id, team_id, kind, occurred_on, amount_cents, description, version)
       VALUES ($1, $2, 'team-inning-leeuwarden', 'betaling', current_date, 5000, 'Termijn 1', nextval('change_version'))`,
      [randomUUID(), claim.id],
    );
    expect(await gijzeling()).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/betalingsregeling/) });
  });

  it('the app refuses it as well, and never recommends it', async () => {
    const worker = await desktop('sdevries');
    const claim = await freshClaim('deurwaarder');
    await giveArrangement(claim.personId, 'persoonlijk', 'vastgelegd');
    await call(worker, 'sync.now');
    const result = await worker.invoke('escalaties.decide', {
      claimId: claim.id,
      step: 'gijzeling',
      facts,
      motivation: 'Probeer het toch maar eens.',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/gijzeling is niet toegestaan: .*Betalingsonmacht is vastgesteld/),
      },
    });
  });

  it('a step is recorded once: the app refuses it again at once, the server refuses a second one sent around the app', async () => {
    const worker = await desktop('sdevries');
    const claim = await freshClaim('tweede_aanmaning');
    await call(worker, 'sync.now');
    const request = {
      claimId: claim.id,
      step: 'verhaal_zonder_dwangbevel',
      facts,
      motivation: 'Loonbeslag na twee aanmaningen.',
    };
    // A double click: the second save comes before any sync, and is refused by the same rule.
    await call(worker, 'escalaties.decide', request);
    expect(await worker.invoke('escalaties.decide', request)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/al gezet of wacht op goedkeuring/) },
    });
    await call(worker, 'sync.now');
    const view = await call<{ claim: { phase: string } }>(worker, 'escalaties.claim', { claimId: claim.id });
    expect(view.claim.phase).toBe('verhaal');
    // The list's advice moves on too (pages of 200, sorted by due date).
    let row: { id: string; recommended: string | null } | undefined;
    for (let offset = 0; !row; offset += 200) {
      const page = await call<{ rows: { id: string; recommended: string | null }[] }>(worker, 'escalaties.page', {
        offset,
        limit: 200,
      });
      if (!page.rows.length) break;
      row = page.rows.find((r) => r.id === claim.id);
    }
    expect(row).toBeDefined();
    expect(row?.recommended).not.toBe('verhaal_zonder_dwangbevel');

    // The same step sent straight to the API (another desktop, an old outbox): refused, nothing recorded.
    const again = await pushDirect(await apiToken('sdevries'), {
      type: 'RecordEscalationDecision',
      payload: { decisionId: randomUUID(), ...request },
    });
    expect(again).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/al gezet/) });
    const stored = await server.db.query<{ step: string }>(
      'SELECT step FROM escalation_decisions WHERE claim_id = $1',
      [claim.id],
    );
    expect(stored).toEqual([{ step: 'verhaal_zonder_dwangbevel' }]);
    const events = await server.db.query("SELECT 1 FROM claim_events WHERE claim_id = $1 AND kind = 'stap'", [
      claim.id,
    ]);
    expect(events).toHaveLength(1);
  });

  it('the second aanmaning of a strafbeschikking adds a fifth of what is still owed after part payments', async () => {
    const [row] = await server.db.query<{ id: string; person_id: string }>(
      `SELECT c.id, c.person_id FROM claims c WHERE c.team_id = 'team-inning-leeuwarden' AND NOT (c.person_id = ANY($1))
         AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = c.person_id) ORDER BY c.id LIMIT 1`,
      [used],
    );
    if (!row) throw new Error('no claim left');
    used.push(row.person_id);
    // € 500 fine, € 20 first verhoging, € 200 paid since: € 320 still owed.
    await server.db.query(
      `UPDATE claims SET kind = 'strafbeschikking', phase = 'eerste_aanmaning', original_cents = 50000, outstanding_cents = 32000,
         due_date = current_date - 30, version = nextval('change_version') WHERE id = $1`,
      [row.id],
    );
    const outcome = await pushDirect(await apiToken('sdevries'), {
      type: 'RecordEscalationDecision',
      payload: {
        decisionId: randomUUID(),
        claimId: row.id,
        step: 'tweede_aanmaning',
        facts,
        motivation: 'Tweede aanmaning.',
      },
    });
    expect(outcome).toMatchObject({ status: 'applied' });
    const [claim] = await server.db.query<{ outstanding: number }>(
      'SELECT outstanding_cents::bigint AS outstanding FROM claims WHERE id = $1',
      [row.id],
    );
    expect(Number(claim?.outstanding)).toBe(32000 + 6400); // not + € 104 (a fifth of € 520)
    const [event] = await server.db.query<{ amount: number }>(
      "SELECT amount_cents::bigint AS amount FROM claim_events WHERE claim_id = $1 AND kind = 'tweede_aanmaning'",
      [row.id],
    );
    expect(Number(event?.amount)).toBe(6400);
  });

  it('a decision made offline is refused as a conflict when an arrangement arrived meanwhile', async () => {
    const worker = await desktop('sdevries');
    const claim = await freshClaim('tweede_aanmaning');
    await call(worker, 'sync.now');
    const decision = await call<EscalationDecisionWire>(worker, 'escalaties.decide', {
      claimId: claim.id,
      step: 'verhaal_zonder_dwangbevel',
      facts,
      motivation: 'Loonbeslag via de werkgever.',
    });
    expect(decision.status).toBe('vastgelegd');
    // Meanwhile, on the server: an arrangement starts and moves the claim into `regeling`.
    await giveArrangement(claim.personId, 'standaard', 'lopend');
    await server.db.query(`UPDATE claims SET phase = 'regeling', version = nextval('change_version') WHERE id = $1`, [
      claim.id,
    ]);
    await call(worker, 'sync.now');
    const reviews = await call<{ reviews: { outcome: string; reason: string; mine: { type: string } }[] }>(
      worker,
      'reviews.list',
    );
    expect(reviews.reviews).toEqual([
      expect.objectContaining({
        outcome: 'conflict',
        mine: expect.objectContaining({ type: 'RecordEscalationDecision' }),
        reason: expect.stringMatching(/gewijzigd sinds uw beoordeling.*betalingsregeling/),
      }),
    ]);
    const stored = await server.db.query('SELECT 1 FROM escalation_decisions WHERE id = $1', [decision.id]);
    expect(stored).toEqual([]);
  });

  it('one decision for a selection: a preview first, then each claim that passes is recorded and the others reported', async () => {
    const worker = await desktop('sdevries');
    const a = await freshClaim('tweede_aanmaning');
    const b = await freshClaim('tweede_aanmaning');
    const blocked = await freshClaim('tweede_aanmaning');
    await giveArrangement(blocked.personId, 'standaard', 'lopend');
    await call(worker, 'sync.now');
    const request = {
      claimIds: [a.id, b.id, blocked.id],
      step: 'dwangbevel_deurwaarder',
      facts,
      motivation: 'Geen reactie op de tweede aanmaning.',
    };

    type Results = { results: { claimId: string; ok: boolean; reason: string | null }[] };
    const preview = await call<Results>(worker, 'escalaties.bulk', { ...request, preview: true });
    expect(preview.results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(preview.results[2]?.reason).toMatch(/betalingsregeling/);
    const before = await call<{ decisions: { claimId: string }[] }>(worker, 'escalaties.list', {});
    expect(before.decisions.filter((d) => request.claimIds.includes(d.claimId))).toEqual([]); // nothing recorded yet

    const done = await call<Results>(worker, 'escalaties.bulk', { ...request, preview: false });
    expect(done.results.map((r) => r.ok)).toEqual([true, true, false]);
    await call(worker, 'sync.now');
    const stored = await server.db.query<{ claim_id: string }>(
      'SELECT claim_id FROM escalation_decisions WHERE claim_id = ANY($1)',
      [request.claimIds],
    );
    expect(stored.map((r) => r.claim_id).sort()).toEqual([a.id, b.id].sort());
  });

  it('waiving a verhoging waits for the team lead, then lowers what is owed and enters the history; not twice', async () => {
    const worker = await desktop('sdevries');
    const lead = await desktop('mpostma');
    const [aanmaning] = await server.db.query<{ id: string; claim_id: string; amount_cents: number }>(
      `SELECT e.id, e.claim_id, e.amount_cents::bigint AS amount_cents FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE e.kind = 'eerste_aanmaning' AND e.amount_cents > 0 AND c.team_id = 'team-inning-leeuwarden' AND c.phase <> 'betaald'
       ORDER BY e.id LIMIT 1`,
    );
    if (!aanmaning) throw new Error('no aanmaning');
    const before = Number(
      (
        await server.db.query<{ o: number }>('SELECT outstanding_cents::bigint AS o FROM claims WHERE id = $1', [
          aanmaning.claim_id,
        ])
      )[0]?.o,
    );

    const request = await call<EscalationDecisionWire>(worker, 'escalaties.waive', {
      claimId: aanmaning.claim_id,
      eventId: aanmaning.id,
      motivation: 'Aanmaning is naar een oud adres gestuurd.',
    });
    expect(request).toMatchObject({ step: 'verhoging_kwijtschelden', status: 'ter_goedkeuring' });
    await call(worker, 'sync.now');
    const unchanged = Number(
      (
        await server.db.query<{ o: number }>('SELECT outstanding_cents::bigint AS o FROM claims WHERE id = $1', [
          aanmaning.claim_id,
        ])
      )[0]?.o,
    );
    expect(unchanged).toBe(before); // nothing happens before the second pair of eyes

    await call(lead, 'sync.now');
    await call(lead, 'escalaties.decideApproval', { decisionId: request.id, approve: true, note: '' });
    await call(lead, 'sync.now');
    const after = Number(
      (
        await server.db.query<{ o: number }>('SELECT outstanding_cents::bigint AS o FROM claims WHERE id = $1', [
          aanmaning.claim_id,
        ])
      )[0]?.o,
    );
    expect(after).toBe(before - Number(aanmaning.amount_cents));
    await call(worker, 'sync.now');
    const view = await call<{ events: { kind: string; amountCents: number }[] }>(worker, 'escalaties.claim', {
      claimId: aanmaning.claim_id,
    });
    expect(view.events.find((e) => e.kind === 'verhoging_kwijtgescholden')?.amountCents).toBe(
      Number(aanmaning.amount_cents),
    );

    await call(worker, 'escalaties.waive', {
      claimId: aanmaning.claim_id,
      eventId: aanmaning.id,
      motivation: 'Nog een keer geprobeerd.',
    });
    await call(worker, 'sync.now');
    const reviews = await call<{ reviews: { outcome: string; reason: string }[] }>(worker, 'reviews.list');
    expect(
      reviews.reviews.some((r) => r.outcome === 'conflict' && /al kwijtschelding gevraagd of verleend/.test(r.reason)),
    ).toBe(true);
  });

  it('no step for a deceased person or one under a breed moratorium, in the app and on the server', async () => {
    const worker = await desktop('sdevries');
    const token = await apiToken('sdevries');
    for (const [column, value, reason] of [
      ['deceased_on', 'current_date - 10', /overleden/],
      ['moratorium_until', 'current_date + 30', /moratorium/],
    ] as const) {
      const claim = await freshClaim('tweede_aanmaning');
      await server.db.query(
        `UPDATE persons SET ${column} = ${value}, version = nextval('change_version') WHERE id = $1`,
        [claim.personId],
      );
      await server.db.query(
        `UPDATE changes SET version = (SELECT version FROM persons WHERE id = $1) WHERE entity = 'person' AND entity_id = $1`,
        [claim.personId],
      );
      await call(worker, 'sync.now');
      const view = await call<{ personStatus: Record<string, string | null> }>(worker, 'escalaties.claim', {
        claimId: claim.id,
      });
      expect(Object.values(view.personStatus).some((v) => v !== null)).toBe(true);
      const local = await worker.invoke('escalaties.decide', {
        claimId: claim.id,
        step: 'dwangbevel_deurwaarder',
        facts,
        motivation: 'Geen reactie ontvangen.',
      });
      expect(local).toMatchObject({ ok: false, error: { message: expect.stringMatching(reason) } });
      const direct = await pushDirect(token, {
        type: 'RecordEscalationDecision',
        payload: {
          decisionId: randomUUID(),
          claimId: claim.id,
          step: 'dwangbevel_deurwaarder',
          facts,
          motivation: 'Rechtstreeks naar de API.',
        },
      });
      expect(direct).toMatchObject({ status: 'rejected', reason: expect.stringMatching(reason) });
    }
  });
});
