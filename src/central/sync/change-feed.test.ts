import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral } from '../../../tests/support/central';
import type { CentralServer } from '../central-server';
import type { Principal } from '../auth/access-token';
import { compareFeedCursors, startCursor } from '../../shared/api/feed-cursor';
import { pullResponse } from '../../shared/api/wire';
import { pullChangesJson } from './change-feed';
import { processCommands } from './command-processor';

let server: CentralServer;
const sanne = { sub: 'u-sdevries', role: 'medewerker_inning', team: 'team-inning-leeuwarden' } as Principal;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 30, claims: 90 } });
});
afterAll(async () => server.close());

const pullChanges = async (...args: Parameters<typeof pullChangesJson>) =>
  pullResponse.parse(JSON.parse((await pullChangesJson(...args)).body));

async function pullAll(cursor = startCursor) {
  const changes = [];
  for (;;) {
    const page = await pullChanges(server.db, sanne, 'feed-test', cursor, 50);
    changes.push(...page.changes);
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

describe('stored feed payloads', () => {
  it('are in place for every seeded change', async () => {
    const [row] = await server.db.query<{ stale: number }>(
      'SELECT count(*)::int AS stale FROM changes WHERE payload_version IS DISTINCT FROM version',
    );
    expect(row?.stale).toBe(0);
  });

  it('are never served for a newer version: a change a writer moved on is rebuilt and stored again', async () => {
    const { cursor } = await pullAll();
    const [claim] = await server.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' AND phase <> 'gestopt' ORDER BY id LIMIT 1`,
    );
    // A writer (here: directly, as a migration or a back-office job might) changes the claim.
    await server.db.query(`UPDATE claims SET phase = 'gestopt', version = nextval('change_version') WHERE id = $1`, [
      claim?.id,
    ]);
    await server.db.query(
      `UPDATE changes SET version = (SELECT version FROM claims WHERE id = $1) WHERE entity = 'claim' AND entity_id = $1`,
      [claim?.id],
    );
    const { changes } = await pullAll(cursor);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'claim', data: { id: claim?.id, phase: 'gestopt' } });
    const [stored] = await server.db.query<{ fresh: boolean; phase: string }>(
      `SELECT payload_version = version AS fresh, payload->>'phase' AS phase FROM changes WHERE entity = 'claim' AND entity_id = $1`,
      [claim?.id],
    );
    expect(stored).toEqual({ fresh: true, phase: 'gestopt' });
  });

  it('are stored by the command that made the change, so that reading the feed writes nothing', async () => {
    const { cursor } = await pullAll();
    const [claim] = await server.db.query<{ id: string; version: number }>(
      `SELECT id, version::bigint AS version FROM claims WHERE team_id = 'team-inning-leeuwarden' ORDER BY id LIMIT 1`,
    );
    const noteId = randomUUID();
    const { outcomes } = await processCommands(server.db, sanne, randomUUID(), [
      {
        type: 'AddCaseNote',
        commandId: randomUUID(),
        seq: 1,
        issuedAt: new Date().toISOString(),
        baseVersion: Number(claim?.version),
        payload: { noteId, claimId: claim?.id ?? '', text: 'Betaalt na ontvangst van het vakantiegeld.' },
      },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['applied']);
    const storedRow = () =>
      server.db.query<{ fresh: boolean; text: string; row_version: string }>(
        `SELECT payload_version = version AS fresh, payload->>'text' AS text, xmin::text AS row_version
         FROM changes WHERE entity = 'case_note' AND entity_id = $1`,
        [noteId],
      );
    const [written] = await storedRow();
    expect(written).toMatchObject({ fresh: true, text: 'Betaalt na ontvangst van het vakantiegeld.' });

    const { changes } = await pullAll(cursor);
    expect(changes).toEqual([
      expect.objectContaining({ entity: 'case_note', data: expect.objectContaining({ id: noteId }) }),
    ]);
    const [afterRead] = await storedRow();
    expect(afterRead?.row_version).toBe(written?.row_version); // the read left the row as the writer committed it
  });

  it('serves the same page, in feed order and valid for the client, whether its payloads were stored or built', async () => {
    const { body: text } = await pullChangesJson(server.db, sanne, 'feed-test', startCursor, 60);
    const stored = pullResponse.parse(JSON.parse(text));
    expect(stored.changes).toHaveLength(60);
    // Every other change of the page loses its stored payload (as if a writer moved it on and back).
    const versions = stored.changes.map((c) => c.version).filter((_, i) => i % 2 === 0);
    await server.db.query('UPDATE changes SET payload_version = NULL WHERE version = ANY($1::bigint[])', [versions]);
    const rebuilt = pullResponse.parse(
      JSON.parse((await pullChangesJson(server.db, sanne, 'feed-test', startCursor, 60)).body),
    );
    expect(rebuilt).toEqual(stored);
    const [row] = await server.db.query<{ stale: number }>(
      'SELECT count(*)::int AS stale FROM changes WHERE version = ANY($1::bigint[]) AND payload_version IS DISTINCT FROM version',
      [versions],
    );
    expect(row?.stale).toBe(0); // built once, stored for the next reader
  });

  it('pages end where the next begins, say whether more follow, and each read is audited with its kinds', async () => {
    const [{ n: total } = { n: 0 }] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM changes WHERE team_id IN ('team-inning-leeuwarden', '*')`,
    );
    const first = await pullChangesJson(server.db, sanne, 'feed-test', startCursor, 40);
    const page = pullResponse.parse(JSON.parse(first.body));
    expect(page.changes).toHaveLength(40);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toMatch(new RegExp(`^\\d+\\.${page.changes.at(-1)?.version}$`));
    const rest = await pullChangesJson(server.db, sanne, 'feed-test', first.nextCursor, total);
    const last = pullResponse.parse(JSON.parse(rest.body));
    expect(last.changes).toHaveLength(total - 40);
    expect(last.hasMore).toBe(false);
    expect(compareFeedCursors(rest.nextCursor, first.nextCursor)).toBeGreaterThan(0);
    expect(new Set([...page.changes, ...last.changes].map((c) => `${c.entity}:${c.data.id}`)).size).toBe(total);

    const [entry] = await server.db.query<{
      detail: { cursor: string; count: number; entities: Record<string, number> };
    }>(
      `SELECT detail FROM audit_log WHERE actor_id = 'u-sdevries' AND entity = 'change_feed' ORDER BY id DESC LIMIT 1`,
    );
    const kinds: Record<string, number> = {};
    for (const change of last.changes) kinds[change.entity] = (kinds[change.entity] ?? 0) + 1;
    expect(entry?.detail).toEqual({ cursor: first.nextCursor, count: total - 40, entities: kinds });
  });
});
