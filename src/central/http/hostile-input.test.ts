import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral } from '../../../tests/support/central';
import type { CentralServer } from '../central-server';
import { demoPassword } from '../demo/demo-users';
import { routes } from './routes';

/**
 * Every route of the central API, fed what an attacker or a broken client would send: random
 * JSON (strings with NUL and other control characters, huge numbers, deep nesting), commands
 * with a NUL in any string field, garbage query strings and paths. Whatever comes in, the answer
 * is a 4xx with a Dutch message or a per-command outcome: never a 5xx.
 */
let server: CentralServer;
let token = '';
let claimId = '';
const statuses: number[] = [];

beforeAll(async () => {
  server = await startTestCentral({
    seed: { persons: 20, claims: 60 },
    authRateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  const login = await send('POST', routes.login.path, { username: 'famrani', password: demoPassword });
  token = (login.body as { accessToken: string }).accessToken;
  claimId = (await server.db.query<{ id: string }>('SELECT id FROM claims ORDER BY id LIMIT 1'))[0]?.id ?? '';
});
afterAll(async () => {
  console.log(
    `hostile input: ${statuses.length} requests, ${statuses.filter((s) => s >= 500).length} × 5xx, ` +
      `${statuses.filter((s) => s >= 400 && s < 500).length} × 4xx, ${statuses.filter((s) => s < 300).length} × 2xx`,
  );
  await server.close();
});

async function send(method: 'GET' | 'POST', path: string, body?: unknown, raw?: string, auth = true) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(auth && token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  statuses.push(response.status);
  // The feed's event stream stays open by design: its status is the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: null };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\u202E', '../../etc/passwd', "'; DROP TABLE audit_log; --", '%00'),
);
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, null, true),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('clientId', 'commands', 'username', 'refreshToken')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** A valid-looking command of a type, with one string somewhere in it replaced by a hostile one. */
const poisonedCommand = fc.record({
  type: fc.constantFrom('AddCaseNote', 'RecordVictimWishes', 'SaveView', 'UpdateVictimPreferences', 'DecideVoorschot'),
  text: nasty,
});

describe('hostile input on every route', () => {
  it('answers random JSON bodies to every POST route without a 5xx', async () => {
    const posts = Object.values(routes).filter((r) => r.method === 'POST');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), hostileJson, fc.boolean(), async (route, body, auth) => {
        const r = await send('POST', route.path, body, undefined, auth);
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 1203 },
    );
  });

  it('answers garbage query strings and path parameters to every GET route without a 5xx', async () => {
    const gets = Object.values(routes).filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...gets),
        fc.dictionary(
          fc.constantFrom('clientId', 'cursor', 'limit', 'count', 'reason', 'before', 'entity', 'x'),
          nasty,
          {
            maxKeys: 4,
          },
        ),
        nasty,
        async (route, query, param) => {
          const path = route.path.replace(':victimId', encodeURIComponent(param.replace(/[\uD800-\uDFFF]/g, '?')));
          const r = await send('GET', `${path}?${new URLSearchParams(query).toString()}`);
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200, seed: 1204 },
    );
  });

  it('answers commands with a hostile string in any field per command, and keeps applying the good ones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(poisonedCommand, { minLength: 1, maxLength: 5 }), async (poisoned) => {
        const clientId = randomUUID();
        const commands = poisoned.map((p, i) => ({
          commandId: randomUUID(),
          seq: i + 1,
          issuedAt: new Date().toISOString(),
          baseVersion: null,
          type: p.type,
          payload:
            p.type === 'AddCaseNote'
              ? { noteId: randomUUID(), claimId, text: p.text }
              : { victimId: p.text, eventId: p.text, paymentId: p.text, name: p.text, note: p.text },
        }));
        const r = await send('POST', routes.push.path, { clientId, commands });
        expect(r.status).toBe(200);
        const outcomes = (r.body as { outcomes: { status: string }[] }).outcomes;
        expect(outcomes).toHaveLength(commands.length);
      }),
      { numRuns: 60, seed: 1205 },
    );
  });

  it('answers raw bytes that are not JSON, or JSON nested too deep, with a 4xx', async () => {
    for (const raw of ['{', '\u0000', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '"\\u0000"', 'null']) {
      for (const route of Object.values(routes).filter((r) => r.method === 'POST')) {
        const r = await send('POST', route.path, undefined, raw);
        expect(r.status, `${route.path} ${raw.slice(0, 10)}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${route.path} ${raw.slice(0, 10)}`).toBeLessThan(500);
      }
    }
  });

  it('answers cursors beyond the 64-bit integers of PostgreSQL with 400, not 500', async () => {
    const clientId = randomUUID();
    for (const cursor of [
      '9223372036854775808', // bigint + 1, as a plain version
      '0.99999999999999999999',
      '18446744073709551616.1', // xid8 + 1
      '1.9223372036854775808',
    ]) {
      const r = await send('GET', `${routes.pull.path}?clientId=${clientId}&cursor=${cursor}&limit=10`);
      expect(r.status, cursor).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(/De cursor is ongeldig/);
    }
    const edge = await send('GET', `${routes.pull.path}?clientId=${clientId}&cursor=1.9223372036854775807&limit=10`);
    expect(edge.status).toBe(200);
  });
});
