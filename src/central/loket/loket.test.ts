import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, onPostgresql, startTestCentral } from '../../../tests/support/central';
import { startCursor } from '../../shared/api/feed-cursor';
import type { IntakeClaim } from '../../shared/api/intake';
import { loketResult, type LoketRequestInput } from '../../shared/api/loket';
import { pullResponse } from '../../shared/api/wire';
import { firstOfNextMonth } from '../../shared/domain/calendar';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import type { CentralServer } from '../central-server';
import { createIntakeSource } from '../intake/intake-service';

let server: CentralServer;
let loketKey: string;
let omKey: string;

const pdf = Buffer.from('%PDF-1.4\n% loonstrook oktober\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 10, claims: 20 } });
  loketKey = await createIntakeSource(server.db, 'digitaal-loket', 'Digitaal Loket', [], { submitsRequests: true });
  omKey = await createIntakeSource(server.db, 'om-bron', 'Openbaar Ministerie (test)');
  // Persons of our own, with known claims: 900 and 600 euro for the first, 50 euro for the second.
  const claim = (reference: string, bsn: string, cents: number): IntakeClaim => ({
    reference,
    kind: 'strafbeschikking',
    person: { bsn, displayName: `Aanvrager ${bsn}`, birthDate: '1985-02-03', city: 'Sneek' },
    originalCents: cents,
    dueDate: '2026-10-01',
  });
  const delivered = await post('/api/v1/intake/claims', omKey, {
    batchId: randomUUID(),
    claims: [claim('LK-1', '200000002', 90_000), claim('LK-2', '200000002', 60_000), claim('LK-3', '200000004', 5_000)],
  });
  expect(delivered.status).toBe(200);
});
afterAll(async () => server.close());

async function post(path: string, bearer: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const request = (overrides: Partial<LoketRequestInput> = {}): LoketRequestInput => ({
  requestId: randomUUID(),
  submittedAt: new Date().toISOString(),
  bsn: '200000002',
  kind: 'standaard',
  declared: {
    livingSituation: 'alleenstaand',
    ageGroup: '21_tot_pgl',
    incomeGroup: 'volledige_toeslagen',
    netIncomeMonthlyCents: 165_000,
    otherIncomeMonthlyCents: 0,
    holidayAllowance: { paid: 'maandelijks', amountCents: 0 },
    residentOfNetherlands: true,
  },
  ...overrides,
});

const submit = (body: unknown, bearer = loketKey) => post('/api/v1/loket/betalingsregeling', bearer, body);

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return server.db.query<T>(sql, params);
}

/** Transactions rolled back in the test database so far (PostgreSQL's statistics, flushed first). */
async function rollbacks(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await server.db.query('SELECT pg_stat_clear_snapshot()');
  const [row] = await rows<{ n: number }>(
    'SELECT xact_rollback::int AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return row?.n ?? 0;
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...demoLogin, username }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function pullAll(token: string) {
  const changes = [];
  let cursor = startCursor;
  for (;;) {
    const response = await fetch(
      `${server.url}/api/v1/sync/changes?clientId=${randomUUID()}&cursor=${cursor}&limit=1000`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const page = pullResponse.parse(await response.json());
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
}

describe('requests for a betalingsregeling from the Digitaal Loket', () => {
  it('decides a standard request the rules allow at once: one running arrangement by the system, with its trace, audited, sent once', async () => {
    const body = request();
    const answer = await submit(body);
    expect(answer.status).toBe(200);
    const result = loketResult.parse(answer.body);
    expect(result).toMatchObject({ outcome: 'automatisch_toegekend', replayed: false });
    expect(result.message).toMatch(/U krijgt een betalingsregeling voor €\s1\.500,00 in 18 termijnen/);
    expect(result.message).toMatch(/automatisch genomen/);
    // € 1,500 allows the standard term table's longest plan; every instalment due from next month on.
    const instalments = result.arrangement?.instalments ?? [];
    expect(instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(150_000);
    expect(instalments[0]?.dueDate).toBe(firstOfNextMonth(todayInAmsterdam()));

    const [arrangement] = await rows<{
      status: string;
      decided_by: string | null;
      decided_by_system: string;
      assessment: { trace: { rule: string }[] };
    }>('SELECT status, decided_by, decided_by_system, assessment FROM arrangements WHERE id = $1', [
      result.arrangement?.id,
    ]);
    expect(arrangement).toMatchObject({ status: 'lopend', decided_by: null, decided_by_system: 'digitaal_loket' });
    expect(arrangement?.assessment.trace.map((s) => s.rule)).toContain('besluit.vastgelegd');
    const phases = await rows<{ phase: string }>(`SELECT phase FROM claims WHERE reference IN ('LK-1', 'LK-2')`);
    expect(phases.map((p) => p.phase)).toEqual(['regeling', 'regeling']);
    const audited = await rows<{ actor_id: string }>(
      `SELECT actor_id FROM audit_log WHERE entity = 'loket_request' AND entity_id = $1`,
      [body.requestId],
    );
    expect(audited).toEqual([{ actor_id: 'systeem' }]);

    const again = loketResult.parse((await submit(body)).body);
    expect(again).toEqual({ ...result, replayed: true });
    expect(await rows(`SELECT 1 FROM arrangements WHERE person_id = 'persoon-200000002'`)).toHaveLength(1);

    // The team sees the decision as the system's, and the request it answered.
    const changes = await pullAll(await login('sdevries'));
    const synced = changes.find((c) => c.entity === 'arrangement' && c.data.id === result.arrangement?.id);
    expect(synced?.data).toMatchObject({
      decidedBy: 'Systeem (Digitaal Loket)',
      decidedById: 'systeem',
      status: 'lopend',
    });
    expect(changes.find((c) => c.entity === 'loket_request' && c.data.id === body.requestId)?.data).toMatchObject({
      outcome: 'automatisch_toegekend',
      arrangementId: result.arrangement?.id,
    });
  });

  it('makes any other request a task for the team, with the declaration and documents kept; a worker of the team can open a document, the read audited', async () => {
    const body = request({
      bsn: '200000004',
      kind: 'maatwerk',
      explanation: 'Ik heb hoge zorgkosten en kan de standaardtermijn niet betalen.',
      documents: [
        { fileName: 'loonstrook oktober.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') },
        { fileName: 'huurcontract.jpg', mediaType: 'image/jpeg', contentBase64: jpeg.toString('base64') },
      ],
    });
    const result = loketResult.parse((await submit(body)).body);
    expect(result).toMatchObject({ outcome: 'in_behandeling', arrangement: null });
    const [task] = await rows<{ kind: string; status: string; team_id: string; assignee_id: string | null }>(
      'SELECT kind, status, team_id, assignee_id FROM tasks WHERE id = $1',
      [`loket-${body.requestId}`],
    );
    expect(task).toMatchObject({ kind: 'betalingsonmacht', status: 'open', assignee_id: null });
    expect(await rows(`SELECT 1 FROM arrangements WHERE person_id = 'persoon-200000004'`)).toHaveLength(0);

    const team = task?.team_id === 'team-inning-leeuwarden' ? 'sdevries' : 'jbakker';
    const other = team === 'sdevries' ? 'jbakker' : 'sdevries';
    const token = await login(team);
    const synced = (await pullAll(token)).find((c) => c.entity === 'loket_request' && c.data.id === body.requestId);
    expect(synced?.data).toMatchObject({
      kind: 'maatwerk',
      outcome: 'in_behandeling',
      declared: { netIncomeMonthlyCents: 165_000 },
      explanation: 'Ik heb hoge zorgkosten en kan de standaardtermijn niet betalen.',
      documents: [
        { number: 1, fileName: 'loonstrook oktober.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length },
        { number: 2, fileName: 'huurcontract.jpg', mediaType: 'image/jpeg', sizeBytes: jpeg.length },
      ],
    });
    expect(JSON.stringify(synced)).not.toContain(pdf.toString('base64'));

    const documentUrl = `${server.url}/api/v1/loket/requests/${body.requestId}/documents/2`;
    const read = await fetch(documentUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    const document = (await read.json()) as { mediaType: string; contentBase64: string };
    expect(document.mediaType).toBe('image/jpeg');
    expect(Buffer.from(document.contentBase64, 'base64').equals(jpeg)).toBe(true);
    expect(
      await rows(`SELECT 1 FROM audit_log WHERE entity = 'loket_document' AND entity_id = $1 AND action = 'read'`, [
        `${body.requestId}/2`,
      ]),
    ).toHaveLength(1);
    const outsider = await fetch(documentUrl, { headers: { authorization: `Bearer ${await login(other)}` } });
    expect(outsider.status).toBe(404);
    const victimRole = await fetch(documentUrl, { headers: { authorization: `Bearer ${await login('famrani')}` } });
    expect(victimRole.status).toBe(404);
    expect((await fetch(documentUrl, { headers: { authorization: `Bearer ${loketKey}` } })).status).toBe(401);
  });

  it('gives a standard request the rules refuse to a worker, with the rule that stopped it', async () => {
    await post('/api/v1/intake/claims', omKey, {
      batchId: randomUUID(),
      claims: [
        {
          reference: 'LK-9',
          kind: 'wahv',
          person: { bsn: '200000006', displayName: 'Aanvrager klein', birthDate: '1990-01-01', city: 'Heerenveen' },
          originalCents: 6_000,
          dueDate: '2026-10-01',
        },
      ],
    });
    const body = request({ bsn: '200000006' });
    expect(loketResult.parse((await submit(body)).body).outcome).toBe('in_behandeling');
    const [stored] = await rows<{ outcome_reason: string }>('SELECT outcome_reason FROM loket_requests WHERE id = $1', [
      body.requestId,
    ]);
    expect(stored?.outcome_reason).toMatch(/lager dan €\s75,00/);
  });

  it('decides nothing by itself while the BVV norms are past their scheduled update: the request goes to a worker and the team lead', async () => {
    await post('/api/v1/intake/claims', omKey, {
      batchId: randomUUID(),
      claims: [
        {
          reference: 'LK-8',
          kind: 'strafbeschikking',
          person: { bsn: '200000008', displayName: 'Aanvrager oud', birthDate: '1980-01-01', city: 'Joure' },
          originalCents: 80_000,
          dueDate: '2026-10-01',
        },
      ],
    });
    // Without the demo's approved norms for this half-year, only the coded 2025 norms are left.
    const [kept] = await rows<{ sets: string }>('SELECT json_agg(s)::text AS sets FROM parameter_sets s');
    await rows('DELETE FROM parameter_sets');
    try {
      const body = request({ bsn: '200000008' });
      expect(loketResult.parse((await submit(body)).body).outcome).toBe('in_behandeling');
      const [stored] = await rows<{ outcome_reason: string }>(
        'SELECT outcome_reason FROM loket_requests WHERE id = $1',
        [body.requestId],
      );
      expect(stored?.outcome_reason).toMatch(/normen voor de beslagvrije voet zijn na de geplande wijziging/);
    } finally {
      await rows('INSERT INTO parameter_sets SELECT * FROM json_populate_recordset(null::parameter_sets, $1::json)', [
        kept?.sets,
      ]);
    }
  });

  it('keeps nothing of a person without claims but the answer', async () => {
    const body = request({
      bsn: '299999999',
      documents: [{ fileName: 'loonstrook.pdf', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') }],
    });
    expect(loketResult.parse((await submit(body)).body).outcome).toBe('onbekende_persoon');
    const [stored] = await rows<{ declared: unknown; person_id: string | null }>(
      'SELECT declared, person_id FROM loket_requests WHERE id = $1',
      [body.requestId],
    );
    expect(stored).toEqual({ declared: null, person_id: null });
    expect(await rows('SELECT 1 FROM loket_documents WHERE request_id = $1', [body.requestId])).toHaveLength(0);
  });

  it('refuses a document that is not what it says, or too large, in Dutch, with nothing kept', async () => {
    const disguised = request({
      kind: 'maatwerk',
      bsn: '200000004',
      documents: [
        {
          fileName: 'loonstrook.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('MZ\x90\x00uitvoerbaar').toString('base64'),
        },
      ],
    });
    const answer = await submit(disguised);
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toMatch(/Bestand 1 \(loonstrook.pdf\) is geen PDF/);
    const big = request({
      kind: 'maatwerk',
      bsn: '200000004',
      documents: [
        {
          fileName: 'scan.jpg',
          mediaType: 'image/jpeg',
          contentBase64: Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]).toString('base64'),
        },
      ],
    });
    const tooBig = await submit(big);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toMatch(/hoogstens 5 MB/);
    const gif = request({
      documents: [{ fileName: 'foto.gif', mediaType: 'image/gif' as 'image/jpeg', contentBase64: 'R0lGODlh' }],
    });
    expect(JSON.stringify((await submit(gif)).body)).toMatch(/Alleen PDF- en JPEG-bestanden/);
    expect(
      await rows('SELECT 1 FROM loket_requests WHERE id = ANY($1::uuid[])', [
        [disguised.requestId, big.requestId, gif.requestId],
      ]),
    ).toHaveLength(0);
  });

  it('keeps a document under a name of its checked type, never the sender’s extension, and checks its end too', async () => {
    const script = request({
      kind: 'maatwerk',
      bsn: '200000004',
      documents: [
        { fileName: 'loonstrook.pdf.cmd', mediaType: 'application/pdf', contentBase64: pdf.toString('base64') },
      ],
    });
    expect((await submit(script)).status).toBe(200);
    const [kept] = await rows<{ file_name: string }>('SELECT file_name FROM loket_documents WHERE request_id = $1', [
      script.requestId,
    ]);
    expect(kept?.file_name).toBe('loonstrook-pdf-cmd.pdf');
    // "%PDF-" in front of something that is no PDF (no %%EOF), and a JPEG cut off before FF D9.
    for (const [mediaType, bytes] of [
      ['application/pdf', Buffer.from('%PDF-\n@echo off\nformat c:\n')],
      ['image/jpeg', jpeg.subarray(0, -2)],
    ] as const) {
      const disguised = request({
        kind: 'maatwerk',
        bsn: '200000004',
        documents: [{ fileName: 'bestand', mediaType, contentBase64: bytes.toString('base64') }],
      });
      const answer = await submit(disguised);
      expect(answer.status, mediaType).toBe(422);
    }
  });

  it('answers the same request id with other content 409, and the same request again with its first answer', async () => {
    const first = request({ kind: 'maatwerk', bsn: '200000004' });
    expect((await submit(first)).status).toBe(200);
    const again = await submit(first);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true });
    const other = await submit({ ...first, explanation: 'Een andere aanvraag onder hetzelfde id.' });
    expect(other.status).toBe(409);
    expect(JSON.stringify(other.body)).toMatch(/al gebruikt voor een aanvraag met een andere inhoud/);
    const [stored] = await rows<{ explanation: string }>('SELECT explanation FROM loket_requests WHERE id = $1', [
      first.requestId,
    ]);
    expect(stored?.explanation).toBe('');
  });

  it('answers an unknown key before it reads the body: 401 while 25 MB are still on their way', async () => {
    const url = new URL(`${server.url}/api/v1/loket/betalingsregeling`);
    const status = await new Promise<number>((resolve, reject) => {
      const sending = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(25 * 1024 * 1024),
            authorization: 'Bearer onbekende-sleutel',
          },
        },
        (response) => {
          response.resume();
          sending.destroy();
          resolve(response.statusCode ?? 0);
        },
      );
      sending.on('error', (error) => (sending.destroyed ? undefined : reject(error)));
      // One megabyte of the promised 25, then nothing: only an answer that did not wait for the body arrives.
      sending.write(`{"documents":"${'A'.repeat(1024 * 1024)}`);
    });
    expect(status).toBe(401);
  });

  it('takes requests only from the Loket’s key, and the Loket’s key delivers no claims or payments', async () => {
    expect((await submit(request(), omKey)).status).toBe(403);
    expect((await submit(request(), await login('sdevries'))).status).toBe(401);
    const claims = await post('/api/v1/intake/claims', loketKey, {
      batchId: randomUUID(),
      claims: [
        {
          reference: 'LK-X',
          kind: 'wahv',
          person: { bsn: '200000008', displayName: 'X', birthDate: '1990-01-01', city: 'Sneek' },
          originalCents: 10_000,
          dueDate: '2026-10-01',
        },
      ],
    });
    expect(claims.status).toBe(403);
    const payments = await post('/api/v1/intake/payments', loketKey, {
      batchId: randomUUID(),
      payments: [{ paymentId: 'P-1', claimReference: 'LK-1', amountCents: 100, paidOn: '2026-11-01' }],
    });
    expect(payments.status).toBe(403);
    expect(JSON.stringify(payments.body)).toMatch(/mag geen betalingen aanleveren/);
  });

  it('takes many requests at once without clashing: each is decided, none twice', async () => {
    const bsns = Array.from({ length: 24 }, (_, i) => String(210_000_000 + i));
    const delivered = await post('/api/v1/intake/claims', omKey, {
      batchId: randomUUID(),
      claims: bsns.map((bsn, i) => ({
        reference: `LK-P-${i}`,
        kind: 'wahv',
        person: { bsn, displayName: `Aanvrager ${i}`, birthDate: '1979-04-04', city: 'Drachten' },
        originalCents: 30_000 + i,
        dueDate: '2026-10-01',
      })),
    });
    expect(delivered.status).toBe(200);
    const rollbacksBefore = await rollbacks();
    const answers = await Promise.all(bsns.map((bsn) => submit(request({ bsn }))));
    expect(answers.map((a) => a.status)).toEqual(bsns.map(() => 200));
    expect(new Set(answers.map((a) => loketResult.parse(a.body).outcome))).toEqual(new Set(['automatisch_toegekend']));
    const arrangements = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM arrangements WHERE person_id = ANY($1) AND decided_by_system = 'digitaal_loket'`,
      [bsns.map((bsn) => `persoon-${bsn}`)],
    );
    expect(arrangements[0]?.n).toBe(bsns.length);
    // On PostgreSQL they also took their turn rather than clashing and being tried again.
    if (onPostgresql) expect((await rollbacks()) - rollbacksBefore).toBe(0);
  });
});
