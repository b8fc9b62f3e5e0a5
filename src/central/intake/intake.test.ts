import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, startTestCentral } from '../../../tests/support/central';
import { startCursor } from '../../shared/api/feed-cursor';
import type { IntakeClaim } from '../../shared/api/intake';
import { intakeResult } from '../../shared/api/intake';
import { pullResponse } from '../../shared/api/wire';
import type { CentralServer } from '../central-server';
import { arrangementPaymentReference } from '../../shared/domain/betalingsregeling-rijk';
import { createIntakeSource } from './intake-service';

let server: CentralServer;
let key: string;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 20, claims: 60 } });
  key = await createIntakeSource(server.db, 'om-bron', 'Openbaar Ministerie (test)');
});
afterAll(async () => server.close());

const post = async (path: string, body: unknown, bearer = key) => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const claim = (n: number, bsn = `1000000${String(n).padStart(2, '0')}`): IntakeClaim => ({
  reference: `OM-2026-${n}`,
  kind: 'strafbeschikking',
  person: { bsn, displayName: `Persoon ${n}`, birthDate: '1980-05-01', city: 'Leeuwarden' },
  originalCents: 25_000 + n,
  dueDate: '2027-01-15',
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return Number((await server.db.query<{ n: number }>(sql, params))[0]?.n ?? 0);
}

describe('intake of claims by a source system', () => {
  it('refuses an unknown key and a worker’s token, in Dutch, and takes nothing in', async () => {
    const batch = { batchId: randomUUID(), claims: [claim(1)] };
    const unknown = await post('/api/v1/intake/claims', batch, 'bron_verzonnen');
    expect(unknown).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/bronsysteem/) } } });
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoLogin),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    expect((await post('/api/v1/intake/claims', batch, accessToken)).status).toBe(401);
    // … and the source's key is no worker's token.
    const asWorker = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(asWorker.status).toBe(401);
    expect(await count(`SELECT count(*)::int AS n FROM claims WHERE reference = 'OM-2026-1'`)).toBe(0);
  });

  it('refuses a batch with one bad item as a whole, naming the field, with nothing saved', async () => {
    const bad = { ...claim(2), person: { ...claim(2).person, bsn: '12345678' } };
    const answer = await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [claim(3), bad] });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/BSN heeft negen cijfers/);
    expect(await count(`SELECT count(*)::int AS n FROM claims WHERE reference IN ('OM-2026-2', 'OM-2026-3')`)).toBe(0);
  });

  it('takes a batch in once: new persons and claims with their beschikking, in the feed of the team', async () => {
    const batchId = randomUUID();
    const claims = [claim(10), claim(11), { ...claim(12), person: claim(10).person }];
    const first = await post('/api/v1/intake/claims', { batchId, claims });
    expect(first.status).toBe(200);
    expect(intakeResult.parse(first.body)).toEqual({
      batchId,
      applied: 3,
      alreadyKnown: 0,
      unmatched: [],
      replayed: false,
    });
    const again = await post('/api/v1/intake/claims', { batchId, claims });
    expect(intakeResult.parse(again.body)).toMatchObject({ applied: 3, replayed: true });
    const overlapping = await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [claim(11), claim(13)] });
    expect(intakeResult.parse(overlapping.body)).toMatchObject({ applied: 1, alreadyKnown: 1, replayed: false });

    expect(await count(`SELECT count(*)::int AS n FROM claims WHERE reference LIKE 'OM-2026-1_'`)).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM persons WHERE bsn = $1`, [claim(10).person.bsn])).toBe(1);
    const events = await count(
      `SELECT count(*)::int AS n FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE c.reference LIKE 'OM-2026-1_' AND e.kind = 'beschikking'`,
    );
    expect(events).toBe(4);

    // The worker of the team the person fell to sees the claim in her next pull.
    const [row] = await server.db.query<{ team_id: string }>(
      `SELECT team_id FROM claims WHERE reference = 'OM-2026-10'`,
    );
    const [worker] = await server.db.query<{ username: string }>(
      `SELECT username FROM users WHERE team_id = $1 AND role = 'medewerker_inning' ORDER BY username LIMIT 1`,
      [row?.team_id],
    );
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...demoLogin, username: worker?.username }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const references: string[] = [];
    let cursor = startCursor;
    for (;;) {
      const query = new URLSearchParams({ clientId: randomUUID(), cursor, limit: '5000' });
      const page = pullResponse.parse(
        await (
          await fetch(`${server.url}/api/v1/sync/changes?${query}`, {
            headers: { authorization: `Bearer ${accessToken}` },
          })
        ).json(),
      );
      for (const change of page.changes) if (change.entity === 'claim') references.push(String(change.data.reference));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(references).toContain('OM-2026-10');

    const [entry] = await server.db.query<{ actor_id: string; detail: Record<string, unknown> }>(
      `SELECT actor_id, detail FROM audit_log WHERE entity = 'intake_batch' AND entity_id = $1`,
      [batchId],
    );
    expect(entry).toEqual({
      actor_id: 'bron:om-bron',
      detail: { kind: 'claims', applied: 3, alreadyKnown: 0, unmatched: 0 },
    });
  });
});

describe('intake of the payments file', () => {
  it('lowers what is outstanding, marks a claim paid in full, reports unknown references, and counts once', async () => {
    await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [claim(20), claim(21)] });
    const batchId = randomUUID();
    const payments = [
      { paymentId: 'BNK-1', claimReference: 'OM-2026-20', amountCents: 5_000, paidOn: '2026-12-01' },
      { paymentId: 'BNK-2', claimReference: 'OM-2026-21', amountCents: 25_021, paidOn: '2026-12-01' },
      { paymentId: 'BNK-3', claimReference: 'ONBEKEND-1', amountCents: 1_000, paidOn: '2026-12-01' },
    ];
    const first = await post('/api/v1/intake/payments', { batchId, payments });
    expect(intakeResult.parse(first.body)).toEqual({
      batchId,
      applied: 2,
      alreadyKnown: 0,
      unmatched: ['BNK-3'],
      replayed: false,
    });
    expect((await post('/api/v1/intake/payments', { batchId, payments })).body).toMatchObject({ replayed: true });
    // The same payment in a later file again: known, not counted twice.
    const later = await post('/api/v1/intake/payments', { batchId: randomUUID(), payments: payments.slice(0, 1) });
    expect(later.body).toMatchObject({ applied: 0, alreadyKnown: 1 });

    const claims = await server.db.query<{ reference: string; outstanding: number; phase: string }>(
      `SELECT reference, outstanding_cents::bigint AS outstanding, phase FROM claims
       WHERE reference IN ('OM-2026-20', 'OM-2026-21') ORDER BY reference`,
    );
    expect(claims).toEqual([
      { reference: 'OM-2026-20', outstanding: 20_020, phase: 'beschikking' },
      { reference: 'OM-2026-21', outstanding: 0, phase: 'betaald' },
    ]);
  });

  it('answers 409 when a batch id is reused for another kind of delivery', async () => {
    const batchId = randomUUID();
    await post('/api/v1/intake/claims', { batchId, claims: [claim(30)] });
    const reused = await post('/api/v1/intake/payments', {
      batchId,
      payments: [{ paymentId: 'BNK-9', claimReference: 'OM-2026-30', amountCents: 100, paidOn: '2026-12-01' }],
    });
    expect(reused.status).toBe(409);
  });
});

describe('intake of partner claims (Betalingsregeling Rijk)', () => {
  let cak: string;
  beforeAll(async () => {
    cak = await createIntakeSource(server.db, 'cak', 'CAK', ['cak']);
  });
  const cakClaim = (n: number, bsn = `2000000${String(n).padStart(2, '0')}`): IntakeClaim => ({
    ...claim(n, bsn),
    reference: `CAK-2026-${n}`,
    kind: 'cak',
  });

  it('takes in a partner’s own claims with its key, once, received from the partner, and on record', async () => {
    const batchId = randomUUID();
    const answer = await post('/api/v1/intake/claims', { batchId, claims: [cakClaim(1), cakClaim(2)] }, cak);
    expect(answer.status).toBe(200);
    expect(intakeResult.parse(answer.body)).toMatchObject({ applied: 2, replayed: false });
    expect(
      (await post('/api/v1/intake/claims', { batchId, claims: [cakClaim(1), cakClaim(2)] }, cak)).body,
    ).toMatchObject({
      replayed: true,
    });
    const rows = await server.db.query<{ id: string; kind: string; description: string }>(
      `SELECT c.id, c.kind, e.description FROM claims c JOIN claim_events e ON e.claim_id = c.id
       WHERE c.reference IN ('CAK-2026-1', 'CAK-2026-2') ORDER BY c.reference`,
    );
    expect(rows).toEqual([
      { id: 'cak:CAK-2026-1', kind: 'cak', description: 'Vordering ontvangen van CAK' },
      { id: 'cak:CAK-2026-2', kind: 'cak', description: 'Vordering ontvangen van CAK' },
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'bron:cak' AND entity = 'intake_batch'`),
    ).toBe(1);
  });

  it('takes in the NVWA’s claims with its own key (Betalingsregeling Rijk since the 2024 beleidsregels)', async () => {
    const nvwa = await createIntakeSource(server.db, 'nvwa', 'NVWA', ['nvwa']);
    const nvwaClaim = { ...claim(60), reference: 'NVWA-2026-60', kind: 'nvwa' as const };
    const answer = await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [nvwaClaim] }, nvwa);
    expect(intakeResult.parse(answer.body)).toMatchObject({ applied: 1 });
    const [row] = await server.db.query<{ kind: string; description: string }>(
      `SELECT c.kind, e.description FROM claims c JOIN claim_events e ON e.claim_id = c.id WHERE c.reference = 'NVWA-2026-60'`,
    );
    expect(row).toEqual({ kind: 'nvwa', description: 'Vordering ontvangen van NVWA' });
    // Its key delivers nothing else.
    const other = await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [cakClaim(61)] }, nvwa);
    expect(other.status).toBe(403);
  });

  it('refuses a partner delivering another creditor’s claim, and CJIB’s source delivering a partner’s, with nothing saved', async () => {
    const mixed = { batchId: randomUUID(), claims: [cakClaim(3), { ...claim(40), reference: 'CAK-2026-4' }] };
    const refused = await post('/api/v1/intake/claims', mixed, cak);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(
      /CAK mag alleen vorderingen van soort cak aanleveren; kenmerk CAK-2026-4/,
    );
    expect(await count(`SELECT count(*)::int AS n FROM claims WHERE reference IN ('CAK-2026-3', 'CAK-2026-4')`)).toBe(
      0,
    );
    const [attempt] = await server.db.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_log WHERE entity = 'intake_batch_refused' AND entity_id = $1`,
      [mixed.batchId],
    );
    expect(attempt?.detail).toEqual({ refused: 1, kinds: ['strafbeschikking'] });
    // The batch id was not used up: the corrected batch goes through.
    const corrected = await post('/api/v1/intake/claims', { ...mixed, claims: [cakClaim(3)] }, cak);
    expect(intakeResult.parse(corrected.body)).toMatchObject({ applied: 1 });

    const duo = { ...claim(41), reference: 'DUO-2026-41', kind: 'duo' as const };
    const byCjib = await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [duo] });
    expect(byCjib.status).toBe(403);
    expect(await count(`SELECT count(*)::int AS n FROM claims WHERE reference = 'DUO-2026-41'`)).toBe(0);
  });

  it('applies a partner’s payments to its own claims only; one for a CJIB claim is reported unmatched', async () => {
    await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: [claim(50)] });
    const before = await count(`SELECT outstanding_cents::int AS n FROM claims WHERE reference = 'OM-2026-50'`);
    const batchId = randomUUID();
    const payments = [
      { paymentId: 'CAK-BET-1', claimReference: 'CAK-2026-1', amountCents: 1_000, paidOn: '2026-12-01' },
      { paymentId: 'CAK-BET-2', claimReference: 'OM-2026-50', amountCents: 1_000, paidOn: '2026-12-01' },
    ];
    const answer = await post('/api/v1/intake/payments', { batchId, payments }, cak);
    expect(intakeResult.parse(answer.body)).toEqual({
      batchId,
      applied: 1,
      alreadyKnown: 0,
      unmatched: ['CAK-BET-2'],
      replayed: false,
    });
    expect(await count(`SELECT outstanding_cents::int AS n FROM claims WHERE reference = 'OM-2026-50'`)).toBe(before);
    expect(await count(`SELECT outstanding_cents::int AS n FROM claims WHERE reference = 'CAK-2026-1'`)).toBe(
      cakClaim(1).originalCents - 1_000,
    );
  });

  it('allocates a payment under a Betalingsregeling Rijk’s kenmerk over the creditors and their oldest claims, once, and records it', async () => {
    const bsn = '300000099';
    const person = { bsn, displayName: 'Regeling Betaler', birthDate: '1975-01-01', city: 'Assen' };
    const cjibClaims = [
      { reference: 'OM-2026-RB1', kind: 'wahv', person, originalCents: 20_000, dueDate: '2026-03-01' },
      { reference: 'OM-2026-RB2', kind: 'wahv', person, originalCents: 10_000, dueDate: '2026-01-01' },
    ];
    await post('/api/v1/intake/claims', { batchId: randomUUID(), claims: cjibClaims });
    await post(
      '/api/v1/intake/claims',
      { batchId: randomUUID(), claims: [{ ...cakClaim(9), person, originalCents: 30_000 }] },
      cak,
    );
    // A standard arrangement over all three, decided by the system on a Loket request.
    const loket = await createIntakeSource(server.db, 'loket-rb', 'Digitaal Loket', [], { submitsRequests: true });
    const decided = await post(
      '/api/v1/loket/betalingsregeling',
      {
        requestId: randomUUID(),
        submittedAt: new Date().toISOString(),
        bsn,
        kind: 'standaard',
        declared: {
          livingSituation: 'alleenstaand',
          ageGroup: '21_tot_pgl',
          incomeGroup: 'geen_toeslagen',
          netIncomeMonthlyCents: 250_000,
          otherIncomeMonthlyCents: 0,
          holidayAllowance: { paid: 'maandelijks', amountCents: 0 },
          residentOfNetherlands: true,
        },
      },
      loket,
    );
    const arrangementId = String((decided.body.arrangement as { id: string }).id);
    const kenmerk = arrangementPaymentReference(arrangementId);

    const batchId = randomUUID();
    const payments = [{ paymentId: 'BNK-RB-1', claimReference: kenmerk, amountCents: 12_000, paidOn: '2026-12-03' }];
    const answer = intakeResult.parse((await post('/api/v1/intake/payments', { batchId, payments })).body);
    expect(answer).toMatchObject({ applied: 1, alreadyKnown: 0, unmatched: [] });
    // CJIB 300 of 600 owed → 6,000; CAK 300 → 6,000 of 12,000; CJIB's oldest claim (RB2) first.
    const outstanding = await server.db.query<{ reference: string; outstanding: number }>(
      `SELECT reference, outstanding_cents::int AS outstanding FROM claims WHERE reference IN ('OM-2026-RB1', 'OM-2026-RB2', $1) ORDER BY reference`,
      [cakClaim(9).reference],
    );
    expect(outstanding).toEqual([
      { reference: cakClaim(9).reference, outstanding: 24_000 },
      { reference: 'OM-2026-RB1', outstanding: 20_000 },
      { reference: 'OM-2026-RB2', outstanding: 4_000 },
    ]);
    const [recorded] = await server.db.query<{ allocation: unknown; surplus_cents: number }>(
      'SELECT allocation, surplus_cents::int AS surplus_cents FROM arrangement_payments WHERE arrangement_id = $1',
      [arrangementId],
    );
    expect(recorded).toEqual({
      allocation: [
        { creditor: 'CJIB', cents: 6_000 },
        { creditor: 'CAK', cents: 6_000 },
      ],
      surplus_cents: 0,
    });
    expect(
      await count(`SELECT count(*)::int AS n FROM claim_events WHERE description LIKE $1`, [
        `Betaling regeling ${kenmerk}%`,
      ]),
    ).toBe(2);

    // The same payment in a later file changes nothing; a partner cannot pay under the kenmerk.
    const again = intakeResult.parse((await post('/api/v1/intake/payments', { batchId: randomUUID(), payments })).body);
    expect(again).toMatchObject({ applied: 0, alreadyKnown: 1, unmatched: [] });
    const byPartner = intakeResult.parse(
      (
        await post(
          '/api/v1/intake/payments',
          { batchId: randomUUID(), payments: [{ ...payments[0], paymentId: 'CAK-RB-1' }] },
          cak,
        )
      ).body,
    );
    expect(byPartner.unmatched).toEqual(['CAK-RB-1']);

    // Paying more than everything still owed: every claim paid, the rest kept as surplus to refund.
    const rest = intakeResult.parse(
      (
        await post('/api/v1/intake/payments', {
          batchId: randomUUID(),
          payments: [{ paymentId: 'BNK-RB-2', claimReference: kenmerk, amountCents: 50_000, paidOn: '2026-12-04' }],
        })
      ).body,
    );
    expect(rest.applied).toBe(1);
    const phases = await server.db.query<{ phase: string }>(
      `SELECT DISTINCT phase FROM claims WHERE reference IN ('OM-2026-RB1', 'OM-2026-RB2', $1)`,
      [cakClaim(9).reference],
    );
    expect(phases).toEqual([{ phase: 'betaald' }]);
    expect(
      await count(`SELECT surplus_cents::int AS n FROM arrangement_payments WHERE payment_id = 'om-bron:BNK-RB-2'`),
    ).toBe(2_000);
  });
});
