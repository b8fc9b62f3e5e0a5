import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral } from '../../../tests/support/central';
import { bvvParameterSets, type BvvParameterSet } from '../../shared/domain/parameters/beslagvrije-voet-parameters';
import { activeParameterSets } from '../../shared/domain/parameters/registry';
import type { CentralServer } from '../central-server';
import { demoPassword } from '../demo/demo-users';

let server: CentralServer;
beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 10, claims: 20 } });
});
afterAll(async () => server.close());

async function call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

interface Answer {
  [key: string]: unknown;
  error?: { code: string; message: string };
  id?: string;
  accessToken?: string;
  sets?: unknown[];
  changes?: { entity: string; data: Record<string, unknown> }[];
  nextCursor?: string;
  hasMore?: boolean;
}

const tokens = new Map<string, string>();
async function token(username: string): Promise<string> {
  const known = tokens.get(username);
  if (known) return known;
  const r = await call('POST', '/api/v1/auth/login', undefined, { username, password: demoPassword });
  expect(r.status).toBe(200);
  const accessToken = String(r.body.accessToken);
  tokens.set(username, accessToken);
  return accessToken;
}

const latestCoded = bvvParameterSets[bvvParameterSets.length - 1] as BvvParameterSet;
const { id: _id, validFrom: _from, ...codedValues } = latestCoded;
const proposal = (validFrom: string, normCents: number) => ({
  domain: 'bvv',
  validFrom,
  reason: 'Bijstandsnormen per 1 januari 2027 uit de circulaire van SZW.',
  values: {
    ...codedValues,
    bijstandsnormen: {
      ...codedValues.bijstandsnormen,
      alleenstaand_21_pgl: { value: normCents, source: 'SZW circulaire (test)', status: 'confirmed' },
    },
  },
});

async function pullParameterSets(username: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let cursor = '0';
  for (;;) {
    const page = await call(
      'GET',
      `/api/v1/sync/changes?clientId=${randomUUID()}&cursor=${cursor}&limit=1000`,
      await token(username),
    );
    found.push(...(page.body.changes ?? []).filter((c) => c.entity === 'parameter_set').map((c) => c.data));
    cursor = String(page.body.nextCursor);
    if (!page.body.hasMore) return found;
  }
}

describe('parameter sets under four eyes', () => {
  it('shows the sets to functioneel beheerders only, and audits each look', async () => {
    const list = await call('GET', '/api/v1/parameters', await token('hkok'));
    expect(list.status).toBe(200);
    // The demo's carried-forward norms: proposed by one beheerder, approved by the other.
    expect(list.body.sets).toEqual([
      expect.objectContaining({
        domain: 'bvv',
        status: 'goedgekeurd',
        proposedById: 'u-hkok',
        decidedById: 'u-sbakker',
      }),
    ]);
    const worker = await call('GET', '/api/v1/parameters', await token('sdevries'));
    expect(worker.status).toBe(403);
    expect(worker.body.error?.message).toMatch(/functioneel beheerders/);
    const [reads] = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'parameter_set' AND action = 'read'",
    );
    expect(reads?.n).toBe(2);
  });

  it('refuses a malformed set with a Dutch message and keeps nothing', async () => {
    const bad = proposal('2027-01-01', -5);
    const r = await call('POST', '/api/v1/parameters', await token('hkok'), bad);
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/negatief/);
    const noReason = await call('POST', '/api/v1/parameters', await token('hkok'), {
      ...proposal('2027-01-01', 140000),
      reason: 'kort',
    });
    expect(noReason.body.error?.message).toMatch(/toelichting van minstens 10 tekens/);
    const unknownKey = proposal('2027-01-01', 140000);
    (unknownKey.values as Record<string, unknown>).extra = 1;
    expect((await call('POST', '/api/v1/parameters', await token('hkok'), unknownKey)).status).toBe(400);
    const [count] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM parameter_sets');
    expect(count?.n).toBe(1);
  });

  it('a proposal reaches nobody until a second beheerder approves it; then every app and every node has it', async () => {
    const proposed = await call('POST', '/api/v1/parameters', await token('hkok'), proposal('2027-01-01', 140000));
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ status: 'voorgesteld', proposedById: 'u-hkok', decidedBy: null });
    const id = String(proposed.body.id);
    expect((await pullParameterSets('sdevries')).map((s) => s.id)).not.toContain(id);

    const own = await call('POST', `/api/v1/parameters/${id}/decision`, await token('hkok'), { approve: true });
    expect(own.status).toBe(403);
    expect(own.body.error?.message).toMatch(/tweede beheerder/);
    const byWorker = await call('POST', `/api/v1/parameters/${id}/decision`, await token('mpostma'), { approve: true });
    expect(byWorker.status).toBe(403);
    const rejectWithoutNote = await call('POST', `/api/v1/parameters/${id}/decision`, await token('sbakker'), {
      approve: false,
    });
    expect(rejectWithoutNote.status).toBe(400);

    const approved = await call('POST', `/api/v1/parameters/${id}/decision`, await token('sbakker'), {
      approve: true,
      note: 'Vergeleken met de circulaire.',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'goedgekeurd', decidedById: 'u-sbakker' });
    const again = await call('POST', `/api/v1/parameters/${id}/decision`, await token('sbakker'), { approve: true });
    expect(again.status).toBe(409);

    for (const user of ['sdevries', 'famrani', 'hkok']) {
      const sets = await pullParameterSets(user);
      expect(sets.find((s) => s.id === id)).toMatchObject({
        validFrom: '2027-01-01',
        approvedBy: 'Sanne Bakker',
        values: { bijstandsnormen: { alleenstaand_21_pgl: { value: 140000 } } },
      });
    }
    // The node installs what the database holds before it applies rules (here: on a push).
    const [claim] = await server.db.query<{ id: string }>(
      "SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' LIMIT 1",
    );
    const push = await call('POST', '/api/v1/sync/commands', await token('sdevries'), {
      clientId: randomUUID(),
      commands: [
        {
          commandId: randomUUID(),
          seq: 1,
          issuedAt: new Date().toISOString(),
          baseVersion: null,
          type: 'AddCaseNote',
          payload: { noteId: randomUUID(), claimId: claim?.id, text: 'Notitie' },
        },
      ],
    });
    expect(push.status).toBe(200);
    expect(activeParameterSets('bvv').at(-1)).toMatchObject({ id, validFrom: '2027-01-01' });

    const actions = await server.db.query<{ action: string; actor_id: string }>(
      "SELECT action, actor_id FROM audit_log WHERE entity = 'parameter_set' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(actions).toEqual([
      { action: 'create', actor_id: 'u-hkok' },
      { action: 'update', actor_id: 'u-sbakker' },
    ]);
  });

  it('a rejected set stays out of the feed, with the reason kept', async () => {
    const proposed = await call('POST', '/api/v1/parameters', await token('sbakker'), proposal('2027-07-01', 150000));
    const id = String(proposed.body.id);
    const rejected = await call('POST', `/api/v1/parameters/${id}/decision`, await token('hkok'), {
      approve: false,
      note: 'Norm klopt niet met de circulaire.',
    });
    expect(rejected.body).toMatchObject({ status: 'afgewezen', decisionNote: 'Norm klopt niet met de circulaire.' });
    expect((await pullParameterSets('sdevries')).map((s) => s.id)).not.toContain(id);
  });

  it('the database itself refuses an approval by the proposer', async () => {
    await expect(
      server.db.query(
        `INSERT INTO parameter_sets (id, domain, valid_from, body, reason, status, proposed_by, proposed_at, decided_by, decided_at)
         VALUES ('x', 'bvv', '2030-01-01', '{}', 'r', 'goedgekeurd', 'u-hkok', now(), 'u-hkok', now())`,
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
