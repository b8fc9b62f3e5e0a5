import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgresql, startTestCentral } from '../../../tests/support/central';
import { compareFeedCursors, startCursor, type FeedCursor } from '../../shared/api/feed-cursor';
import { pullResponse } from '../../shared/api/wire';
import { SeededRandom } from '../../shared/demo/random';
import type { Principal } from '../auth/access-token';
import type { CentralServer } from '../central-server';
import type { Queryable } from '../db/sql-client';
import { pullChangesJson, recordChange } from './change-feed';

/*
 * The feed takes no writer lock, so transactions commit in any order. These tests hold one open
 * while others commit and read the feed meanwhile: nothing may land behind a cursor already handed
 * out. PostgreSQL only: PGlite is one connection, where transactions cannot overlap.
 */

const team = 'team-inning-leeuwarden';
const sanne = { sub: 'u-sdevries', role: 'medewerker_inning', team } as Principal;
let server: CentralServer;
let claimIds: string[];

beforeAll(async () => {
  if (!onPostgresql) return;
  server = await startTestCentral({ seed: { persons: 30, claims: 120 } });
  claimIds = (
    await server.db.query<{ id: string }>('SELECT id FROM claims WHERE team_id = $1 ORDER BY id', [team])
  ).map((r) => r.id);
});
afterAll(async () => server?.close());

async function touchClaim(tx: Queryable, claimId: string): Promise<number> {
  const version = await recordChange(tx, 'claim', claimId, team);
  await tx.query('UPDATE claims SET version = $2 WHERE id = $1', [claimId, version]);
  return version;
}

async function pull(cursor: FeedCursor, limit = 500) {
  const started = performance.now();
  const page = pullResponse.parse(
    JSON.parse((await pullChangesJson(server.db, sanne, 'order-test', cursor, limit)).body),
  );
  return { ...page, ms: performance.now() - started };
}

async function pullToEnd(cursor: FeedCursor) {
  const changes = [];
  for (;;) {
    const page = await pull(cursor);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** A transaction that records a change to `claimId` and stays open until `release` is called. */
function openTransaction(claimId: string) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let recorded: (version: number) => void = () => {};
  const version = new Promise<number>((resolve) => (recorded = resolve));
  const done = server.db.transaction(async (tx) => {
    recorded(await touchClaim(tx, claimId));
    await gate;
  });
  return { version, release, done };
}

describe.runIf(onPostgresql)('change feed order without a writer lock', () => {
  it('waits for an older transaction still open instead of handing out a cursor past it', async () => {
    const { cursor } = await pullToEnd(startCursor);
    const [early, late] = [claimIds[0] ?? '', claimIds[1] ?? ''];
    const slow = openTransaction(early); // takes its version (and transaction id) first …
    const slowVersion = await slow.version;
    const fastVersion = await server.db.transaction((tx) => touchClaim(tx, late)); // … and commits last
    expect(fastVersion).toBeGreaterThan(slowVersion);

    setTimeout(slow.release, 300);
    const page = await pull(cursor);
    await slow.done;
    expect(page.ms).toBeGreaterThan(250); // it waited for the open transaction …
    expect(page.changes.map((c) => c.data.id).sort()).toEqual([early, late].sort()); // … and gave both
  });

  it('past its wait, answers "more to come" without moving the cursor, and delivers once the writer commits', async () => {
    const { cursor } = await pullToEnd(startCursor);
    const slow = openTransaction(claimIds[2] ?? '');
    await slow.version;
    await server.db.transaction((tx) => touchClaim(tx, claimIds[3] ?? ''));
    const held = await pull(cursor);
    expect(held).toMatchObject({ changes: [], hasMore: true, nextCursor: cursor });
    slow.release();
    await slow.done;
    const after = await pullToEnd(held.nextCursor);
    expect(after.changes.map((c) => c.data.id).sort()).toEqual([claimIds[2], claimIds[3]].sort());
  });

  it('misses no change while many writers commit in random order and a reader follows the feed', async () => {
    const { cursor: start } = await pullToEnd(startCursor);
    const random = new SeededRandom(4242);
    const plans = Array.from({ length: 8 }, () =>
      Array.from({ length: 25 }, () => ({
        claims: Array.from({ length: random.int(1, 3) }, () => random.pick(claimIds)),
        pauseMs: random.int(0, 12),
      })),
    );
    let writing = true;
    const writers = Promise.all(
      plans.map(async (plan) => {
        for (const step of plan) {
          await server.db.transaction(async (tx) => {
            // In id order, as handlers lock rows, so that two writers do not deadlock.
            for (const claimId of [...new Set(step.claims)].sort()) {
              await touchClaim(tx, claimId);
              await new Promise((resolve) => setTimeout(resolve, step.pauseMs));
            }
          });
        }
      }),
    ).finally(() => (writing = false));

    const seen = new Map<string, number>();
    let cursor = start;
    let cursorMovedBack = false;
    while (writing) {
      const page = await pull(cursor, 20);
      for (const change of page.changes) seen.set(String(change.data.id), change.version);
      if (compareFeedCursors(page.nextCursor, cursor) < 0) cursorMovedBack = true;
      cursor = page.nextCursor;
    }
    await writers;
    for (const change of (await pullToEnd(cursor)).changes) seen.set(String(change.data.id), change.version);

    const final = await server.db.query<{ entity_id: string; version: number }>(
      `SELECT entity_id, version::bigint AS version FROM changes WHERE entity = 'claim' AND entity_id = ANY($1)`,
      [[...new Set(plans.flat().flatMap((s) => s.claims))]],
    );
    expect(cursorMovedBack).toBe(false);
    expect(final.length).toBeGreaterThan(50);
    const stale = final.filter((row) => seen.get(row.entity_id) !== Number(row.version));
    expect(stale).toEqual([]);
  }, 60_000);
});
