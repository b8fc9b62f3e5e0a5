import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { onPostgresql, startTestCentral } from '../support/central';

/**
 * The central on a real PostgreSQL server whose connections go away (a restart, a failover): it
 * keeps running, answers 503 while it cannot reach the database, and serves again as soon as it can.
 * The shared server is never restarted: only this test's own database's connections are ended.
 */
describe.runIf(onPostgresql)('central API when its database connections are ended', () => {
  let server: CentralServer;
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';

  beforeAll(async () => {
    server = await startTestCentral({ seed: { persons: 20, claims: 40 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function login(): Promise<number> {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sdevries', password: 'Welkom-CJIB-2026' }),
    });
    return response.status;
  }

  async function terminateOwnBackends(): Promise<number> {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const [{ datname }] = (await server.db.query<{ datname: string }>('SELECT current_database() AS datname')) as [
        { datname: string },
      ];
      const ended = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [datname],
      );
      return ended.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  it('survives every connection being ended, three times, and answers again at once', async () => {
    expect(await login()).toBe(200);
    for (let round = 0; round < 3; round++) {
      expect(await terminateOwnBackends()).toBeGreaterThan(0);
      // Idle connections die with an 'error' on the pool: without a listener the process would end here.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const statuses: number[] = [];
      const started = Date.now();
      while (Date.now() - started < 5_000) {
        const status = await login();
        statuses.push(status);
        if (status === 200) break;
        expect(status).toBe(503);
      }
      expect(statuses.at(-1)).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_500);
    }
  });
});
