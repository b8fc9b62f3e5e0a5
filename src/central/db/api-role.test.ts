import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, registerTestDatabase, startTestCentral } from '../../../tests/support/central';
import { startCentralServer, type CentralServer } from '../central-server';

/**
 * The audit log is append-only for real on PostgreSQL: the API connects as a role that may only
 * INSERT and SELECT on audit_log and owns nothing, so it can neither change the log nor remove
 * the trigger that guards it. (PGlite is one embedded connection with the owner's rights: there
 * the trigger is the guard, tested in central-api.test.ts.)
 */
const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('the API role on PostgreSQL', () => {
  let server: CentralServer;
  beforeAll(async () => {
    server = await startTestCentral({ seed: { persons: 10, claims: 30 } });
  });
  afterAll(async () => server.close());

  it('is not the owner of the tables it serves', async () => {
    const rows = await server.db.query<{ me: string; owner: string }>(
      `SELECT current_user AS me, tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'`,
    );
    expect(rows[0]?.me).not.toBe(rows[0]?.owner);
  });

  it('may append to the audit log and read it', async () => {
    await server.db.query(`INSERT INTO audit_log (actor_id, action, entity) VALUES (NULL, 'read', 'test')`);
    const rows = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'test'`);
    expect(rows[0]?.n).toBe(1);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET reason = 'weg'`, /permission denied/],
    ['DELETE', `DELETE FROM audit_log`, /permission denied/],
    ['TRUNCATE', `TRUNCATE audit_log`, /permission denied/],
    ['disable the trigger', `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`, /must be owner/],
    ['drop the trigger', `DROP TRIGGER audit_log_no_update ON audit_log`, /must be owner/],
    ['drop the table', `DROP TABLE audit_log`, /must be owner/],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      /must be owner|permission denied/,
    ],
    ['take the owner’s role', `SET ROLE postgres`, /permission denied/],
  ])('refuses to %s', async (_label, statement, refusal) => {
    const before = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    await expect(server.db.query(statement)).rejects.toThrow(refusal);
    const after = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('drops to cjib_api after migrating when only the owner’s URL is given', async () => {
    const name = `cjib_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    registerTestDatabase(name);
    await admin.end();
    const ownerOnly = await startCentralServer({ databaseUrl: databaseUrl(adminUrl ?? '', name) });
    try {
      const rows = await ownerOnly.db.query<{ me: string }>('SELECT current_user AS me');
      expect(rows[0]?.me).toBe('cjib_api');
      await expect(ownerOnly.db.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      // The API still works as that role: a demo-free store has no users, so no one signs in.
      const login = await fetch(`${ownerOnly.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sdevries', password: 'Welkom-CJIB-2026' }),
      });
      expect(login.status).toBe(401);
    } finally {
      await ownerOnly.close();
    }
  });
});
