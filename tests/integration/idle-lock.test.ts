import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { demoPassword } from '../../src/central/demo/demo-users';
import { startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

/**
 * The idle lock is the backend's: a locked desktop answers nothing with case data until the user's
 * password is given, so reloading the page (Ctrl+R) or calling the API by hand gets no further.
 */
const fleet = desktopFleet('cjib-lock-');
let server: CentralServer;
beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 20, claims: 60 } });
});
afterAll(async () => {
  await fleet.close();
  await server?.close();
});

describe('the idle lock', () => {
  it('answers only unlock and sign-out once locked, survives a reload, and opens with the password', async () => {
    const desktop = await fleet.open(server, 'sdevries');
    const page = { offset: 0, limit: 20 };
    expect((await desktop.invoke('escalaties.page', page)).ok).toBe(true);
    await call(desktop, 'session.lock');

    for (const [channel, request] of [
      ['escalaties.page', page],
      ['taken.counts', {}],
      ['app.diagnostics', {}],
      ['sync.now', {}],
    ] as const) {
      expect(await desktop.invoke(channel, request), channel).toMatchObject({
        ok: false,
        error: { code: 'locked', message: expect.stringMatching(/Het scherm is vergrendeld/) },
      });
    }
    // A reload asks who is signed in: the answer says locked, and names no case.
    expect(await call(desktop, 'session.current')).toMatchObject({ user: { id: 'u-sdevries' }, locked: true });
    // A wrong password keeps it locked.
    expect((await desktop.invoke('session.unlock', { password: 'fout' })).ok).toBe(false);
    expect((await desktop.invoke('escalaties.page', page)).ok).toBe(false);
    await call(desktop, 'session.unlock', { password: demoPassword });
    expect(await call(desktop, 'session.current')).toMatchObject({ locked: false });
    expect((await desktop.invoke('escalaties.page', page)).ok).toBe(true);
  });
});
