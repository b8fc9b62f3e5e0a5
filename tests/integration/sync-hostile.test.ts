import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import { startTestCentral, demoLogin } from '../support/central';
import { call } from '../support/desktop';
import { startFaultProxy, type FaultProxy, type ProxiedAnswer } from '../support/fault-proxy';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * The real central API behind a proxy that rewrites the third change-feed page of an initial
 * sync: whatever comes back, the cache keeps exactly the two pages it had, the header says what
 * went wrong in Dutch, and the next honest answer completes the sync.
 */

let server: CentralServer;
let proxy: FaultProxy;
const temp = makeTempDir('cjib-hostile-');

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 40, claims: 120 } });
  proxy = await startFaultProxy(server.url, 1);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
  temp.cleanup();
});

type Rewrite = (answer: ProxiedAnswer) => ProxiedAnswer;
const withBody = (answer: ProxiedAnswer, body: string): ProxiedAnswer => ({ ...answer, body: Buffer.from(body) });

const hostileAnswers: [string, Rewrite][] = [
  [
    'an amount sent as text',
    (a) => withBody(a, a.body.toString().replace(/"outstandingCents":\d+/, '"outstandingCents":"veel"')),
  ],
  [
    'a NUL hidden in a text field (the page is checked once, not field by field)',
    (a) => withBody(a, a.body.toString().replace(/"reference":"/, '"reference":"\\u0000')),
  ],
  ['a body cut off half-way', (a) => ({ ...a, body: a.body.subarray(0, Math.floor(a.body.length / 2)) })],
  ['not JSON at all', (a) => withBody(a, '<html>Proxy error</html>')],
  [
    'an entity kind the client does not know, carrying an address',
    (a) =>
      withBody(
        a,
        a.body
          .toString()
          .replace(
            /"entity":"claim","version":(\d+),"data":\{/,
            '"entity":"victim_contact","version":$1,"data":{"street":"Dorpsstraat 1",',
          ),
      ),
  ],
  [
    'no cursor headers',
    (a) => {
      const { 'x-next-cursor': _next, 'x-has-more': _more, ...headers } = a.headers;
      return { ...a, headers };
    },
  ],
  [
    'headers that disagree with the body',
    (a) => ({ ...a, headers: { ...a.headers, 'x-next-cursor': `${a.headers['x-next-cursor']}7` } }),
  ],
  [
    'a cursor back in time',
    (a) => {
      const rewound = a.body.toString().replace(/"nextCursor":\d+/, '"nextCursor":1');
      return { ...withBody(a, rewound), headers: { ...a.headers, 'x-next-cursor': '1' } };
    },
  ],
];

function cacheState(dbPath: string) {
  const db = new Database(dbPath);
  const count = (table: string) => (db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const state = {
    persons: count('persons'),
    claims: count('claims'),
    claimEvents: count('claim_events'),
    cursor: (db.raw.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`).get() as { value: string }).value,
    integrity: db.raw.pragma('integrity_check', { simple: true }),
  };
  db.close();
  return state;
}

describe('a malformed or hostile answer from the central API', () => {
  it.each(hostileAnswers)('never changes the cache: %s', async (_, rewrite) => {
    const dbPath = join(temp.dir, `${Math.random().toString(36).slice(2)}.sqlite`);
    const backend = createBackend({
      dbPath,
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      centralUrl: proxy.url,
      localUser: null,
      sync: { intervalMs: 3_600_000, pageSize: 40 },
    });
    try {
      await call(backend, 'session.login', demoLogin);
      let pages = 0;
      proxy.setTamper((path, answer) => {
        if (!path.startsWith('/api/v1/sync/changes')) return answer;
        pages++;
        return pages === 3 ? rewrite(answer) : answer;
      });
      const broken = await call<{ error: string | null; lastSyncAt: string | null }>(backend, 'sync.now');
      expect(broken.error).toMatch(/centrale API/);
      const afterTwoPages = cacheState(dbPath);
      // Exactly the first two pages: 80 changes, persons before claims in this seed.
      expect(afterTwoPages.persons + afterTwoPages.claims + afterTwoPages.claimEvents).toBeLessThanOrEqual(80);
      expect(afterTwoPages.persons).toBeGreaterThan(0);
      expect(afterTwoPages.cursor).not.toBe('0');
      expect(afterTwoPages.integrity).toBe('ok');
      const amounts = await call<{ rows: { outstandingCents: unknown }[] }>(backend, 'werkvoorraad.list', {});
      for (const row of amounts.rows) expect(typeof row.outstandingCents).toBe('number');

      proxy.setTamper(null);
      const healed = await call<{ error: string | null }>(backend, 'sync.now');
      expect(healed.error).toBeNull();
      const complete = cacheState(dbPath);
      const [teamClaims] = await server.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM claims WHERE team_id = 'team-inning-leeuwarden'`,
      );
      expect(complete.claims).toBe(teamClaims?.n);
      expect(complete.integrity).toBe('ok');
    } finally {
      proxy.setTamper(null);
      await backend.close();
    }
  });
});
