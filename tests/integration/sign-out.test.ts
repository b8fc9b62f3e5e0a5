import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import type { Backend } from '../../src/main/backend/backend';
import { demoLogin, startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

/** Signing out in the app ends the session on the central API too, not only on this desktop. */
let server: CentralServer;
let backend: Backend;
const fleet = desktopFleet('cjib-signout-');

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 20, claims: 60 } });
  backend = await fleet.open(server, demoLogin.username); // signed in and synced once
});
afterAll(async () => {
  await fleet.close();
  await server.close();
});

const openSessions = async () =>
  (
    await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = 'u-sdevries' AND ended_at IS NULL`,
    )
  )[0]?.n;

describe('signing out', () => {
  it('ends the server session and revokes its refresh tokens', async () => {
    expect(await openSessions()).toBe(1);
    await call(backend, 'session.logout');
    expect(await openSessions()).toBe(0);
    const live = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = 'u-sdevries' AND revoked_at IS NULL`,
    );
    expect(live[0]?.n).toBe(0);
  });

  it('unlocking an idle screen replaces the session instead of adding one', async () => {
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'session.unlock', { password: demoLogin.password });
    await expect.poll(openSessions).toBe(1);
    await call(backend, 'session.logout');
  });
});
