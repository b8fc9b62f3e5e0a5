import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execAsOwner, startTestCentral } from '../../../tests/support/central';
import type { CentralServer } from '../central-server';
import { serverClock } from './server-clock';
import { demoPassword } from '../demo/demo-users';

/**
 * One bad command never stops the ones behind it: whatever fails inside the server is answered
 * per command, never as a 500 for the batch, and a batch's earlier outcomes are never lost.
 */

let server: CentralServer;
let token: string;
let claimId: string;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 30, claims: 90 } });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'pvisser', password: demoPassword }),
  });
  token = ((await login.json()) as { accessToken: string }).accessToken;
  const rows = await server.db.query<{ id: string }>(
    `SELECT id FROM claims WHERE team_id = 'team-inning-leeuwarden' ORDER BY id LIMIT 1`,
  );
  claimId = rows[0]?.id ?? '';
});
afterAll(async () => server.close());

const note = (seq: number, text: string) => ({
  commandId: randomUUID(),
  seq,
  issuedAt: new Date().toISOString(),
  baseVersion: null,
  type: 'AddCaseNote',
  payload: { noteId: randomUUID(), claimId, text },
});

async function push(clientId: string, commands: unknown[]) {
  const response = await fetch(`${server.url}/api/v1/sync/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId, commands }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      outcomes: { seq: number; status: string; reason: string | null }[];
      lastProcessedSeq: number;
    },
  };
}

const notesWith = async (text: string) =>
  (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_notes WHERE text = $1', [text]))[0]?.n;

describe('a poisoned command', () => {
  it('a NUL in a note is rejected with a Dutch reason, and the command behind it is applied', async () => {
    const clientId = randomUUID();
    const r = await push(clientId, [note(1, 'voor\u0000na'), note(2, 'na de nul')]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes.map((o) => o.status)).toEqual(['rejected', 'applied']);
    expect(r.body.outcomes[0]?.reason).toMatch(/nul-teken/);
    expect(r.body.lastProcessedSeq).toBe(2);
    expect(await notesWith('na de nul')).toBe(1);
  });

  it('a command that fails its schema is rejected in its place, not the whole batch', async () => {
    const clientId = randomUUID();
    const broken = { ...note(2, 'x'), payload: { claimId, text: 'geen noteId' } };
    const r = await push(clientId, [note(1, 'eerste'), broken, note(3, 'derde')]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(r.body.outcomes[1]?.reason).toMatch(/^De opdracht is ongeldig: /);
  });

  it('a failure inside the server is recorded as rejected, audited by kind, and answered again the same', async () => {
    // A fault in the server's own data layer, on the real database: the note table refuses one text.
    await execAsOwner(
      server,
      `
      CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text = 'BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_boom BEFORE INSERT ON case_notes FOR EACH ROW EXECUTE FUNCTION refuse_boom();`,
    );
    try {
      const clientId = randomUUID();
      const batch = [note(1, 'ervoor'), note(2, 'BOOM'), note(3, 'erna')];
      const r = await push(clientId, batch);
      expect(r.status).toBe(200);
      expect(r.body.outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(r.body.outcomes[1]?.reason).toMatch(/kon deze opdracht niet verwerken/);
      expect(r.body.outcomes[1]?.reason).not.toMatch(/boom/i);
      expect(await notesWith('erna')).toBe(1);
      // The same batch again (a lost answer): the stored outcomes, nothing applied twice.
      const again = await push(clientId, batch);
      expect(again.body.outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(await notesWith('ervoor')).toBe(1);
      const audited = await server.db.query<{ detail: { failure?: string } }>(
        `SELECT detail FROM audit_log WHERE entity = 'command' AND entity_id = $1`,
        [batch[1]?.commandId],
      );
      expect(audited[0]?.detail.failure).toMatch(/P0001$/);
    } finally {
      await execAsOwner(server, 'DROP TRIGGER refuse_boom ON case_notes; DROP FUNCTION refuse_boom();');
    }
  });

  it('a failure that may pass ends the batch with the outcomes so far; the rest apply when sent again', async () => {
    await execAsOwner(
      server,
      `
      CREATE FUNCTION busy_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text = 'DRUK' THEN RAISE EXCEPTION 'busy' USING ERRCODE = '40001'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER busy_once BEFORE INSERT ON case_notes FOR EACH ROW EXECUTE FUNCTION busy_once();`,
    );
    const clientId = randomUUID();
    const batch = [note(1, 'een'), note(2, 'DRUK'), note(3, 'drie')];
    try {
      const r = await push(clientId, batch);
      expect(r.status).toBe(200);
      expect(r.body.outcomes.map((o) => o.status)).toEqual(['applied']);
      expect(r.body.lastProcessedSeq).toBe(1);
      const stuck = await push(clientId, batch.slice(1));
      expect(stuck.status).toBe(503);
    } finally {
      await execAsOwner(server, 'DROP TRIGGER busy_once ON case_notes; DROP FUNCTION busy_once();');
    }
    const later = await push(clientId, batch.slice(1));
    expect(later.body.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(await notesWith('DRUK')).toBe(1);
  });
});

describe('the server’s clock decides', () => {
  it('stores when the server applied a command, not the issuedAt a client claims', async () => {
    const clientId = randomUUID();
    const backdated = { ...note(1, 'teruggedateerd'), issuedAt: '1999-01-01T00:00:00.000Z' };
    const ahead = { ...note(2, 'vooruitgedateerd'), issuedAt: '2099-01-01T00:00:00.000Z' };
    const before = Date.now();
    const r = await push(clientId, [backdated, ahead]);
    expect(r.body.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    const rows = await server.db.query<{ created_at: Date | string }>(
      `SELECT created_at FROM case_notes WHERE text IN ('teruggedateerd', 'vooruitgedateerd')`,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const at = new Date(row.created_at).getTime();
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('dates a command by the Dutch day, also in the hour before midnight', () => {
    expect(serverClock(Date.parse('2026-11-30T23:30:00Z'))).toEqual({
      at: '2026-11-30T23:30:00.000Z',
      today: '2026-12-01',
    });
  });
});

describe('a command id already sent by another client', () => {
  it('is refused with nothing of it applied, and the client sending it again gets its own first answer', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const original = note(1, 'van de eerste client');
    expect((await push(first, [original])).body.outcomes[0]?.status).toBe('applied');

    // The same id from another client, as its next command and with other content.
    const copy = { ...original, payload: { ...original.payload, noteId: randomUUID(), text: 'van de tweede client' } };
    const refused = await push(second, [copy]);
    expect(refused.body.outcomes[0]).toMatchObject({ status: 'rejected', reason: /al door een andere client/ });
    expect(refused.body.lastProcessedSeq).toBe(0);
    expect(await notesWith('van de tweede client')).toBe(0);

    // The second client goes on with its own numbering; the first one's retry is answered as before.
    expect((await push(second, [note(1, 'tweede client, eigen opdracht')])).body.outcomes[0]?.status).toBe('applied');
    const again = await push(first, [original]);
    expect(again.body.outcomes[0]).toMatchObject({ seq: 1, status: 'applied' });
    expect(await notesWith('van de eerste client')).toBe(1);
  });
});
