import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral } from '../../../tests/support/central';
import type { CentralServer } from '../central-server';
import { demoPassword } from '../demo/demo-users';
import { accessTokenTtlMs } from './access-token';
import { AuthError, AuthService, lockoutMs, refreshReuseGraceMs, sessionAbsoluteTtlMs } from './auth-service';
import { KeyRing, MasterKeyError } from './key-ring';

/** Sign-in as an attacker would try it: in parallel, from elsewhere, after sign-out, with old keys. */

let server: CentralServer;
beforeAll(async () => {
  // The per-address rate limit is tested on its own below; here it must not hide the lock-out.
  server = await startTestCentral({
    seed: { persons: 20, claims: 60 },
    authRateLimit: { max: 10_000, timeWindowMs: 60_000 },
  });
});
afterAll(async () => server.close());

async function post(path: string, body: unknown, base = server.url) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const me = async (token: string) =>
  (await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
const login = (username: string, password = demoPassword) => post('/api/v1/auth/login', { username, password });
const statusOf = async (attempt: Promise<unknown>) =>
  attempt.then(
    () => 200,
    (error: unknown) => (error instanceof AuthError ? error.status : 500),
  );

describe('lock-out', () => {
  it('holds under 200 parallel wrong passwords: five are checked, the rest refused, one lock-out', async () => {
    const tries = await Promise.all(Array.from({ length: 200 }, (_, i) => login('ljansen', `fout-${i}`)));
    const statuses = tries.map((t) => t.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(195);
    const locks = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_throttle WHERE user_id = 'u-ljansen' AND locked_until IS NOT NULL`,
    );
    expect(locks[0]?.n).toBe(1);
    expect((await login('ljansen')).status).toBe(423); // the right password too, from here
    console.log(
      `lock-out: 200 parallel tries, ${statuses.filter((s) => s === 401).length} checked, 1 lock-out, 0 × 5xx`,
    );
  });

  it('locks the account for the address that failed, not for the rightful user elsewhere, and only for a while', async () => {
    let now = Date.now();
    const auth = new AuthService(server.db, server.keys, () => now);
    for (let i = 0; i < 5; i++) expect(await statusOf(auth.login('mpostma', `fout-${i}`, '203.0.113.9'))).toBe(401);
    expect(await statusOf(auth.login('mpostma', demoPassword, '203.0.113.9'))).toBe(423);
    // The only team lead, at their own desk, signs in.
    expect(await statusOf(auth.login('mpostma', demoPassword, '10.1.2.3'))).toBe(200);
    now += lockoutMs + 1000;
    expect(await statusOf(auth.login('mpostma', demoPassword, '203.0.113.9'))).toBe(200);
  });

  it('answers an unknown user name exactly as a known one: five times 401, then 423', async () => {
    const auth = server.auth;
    const answers = async (username: string, source: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push(await statusOf(auth.login(username, `fout-${i}`, source)));
      return statuses;
    };
    const known = await answers('pvisser', '192.0.2.77');
    expect(known).toEqual([401, 401, 401, 401, 401, 423, 423]);
    expect(await answers('bestaat-niet-77', '192.0.2.77')).toEqual(known);
    // The name is kept as a hash only.
    const stored = await server.db.query<{ name_hash: string }>(
      `SELECT name_hash FROM login_throttle_unknown WHERE source = '192.0.2.77'`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.name_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('costs an unknown username the same password work as a known one', async () => {
    const auth = server.auth;
    const timed = async (username: string, i: number) => {
      const start = performance.now();
      await statusOf(auth.login(username, 'fout', `198.51.100.${i}`));
      return performance.now() - start;
    };
    // Interleaved, so a busy moment on the machine weighs on both alike; medians of seven.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await timed('pvisser', i));
      unknown.push(await timed('bestaat-niet', i));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[3] ?? 0;
    // Without the decoy check an unknown name answers in well under a tenth of the time.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    await server.db.query(`DELETE FROM login_throttle WHERE user_id = 'u-pvisser'`);
  });

  it('answers too many sign-ins from one address with 429 and a Dutch message', async () => {
    const limited = await startTestCentral({
      seed: { persons: 5, claims: 10 },
      authRateLimit: { max: 3, timeWindowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      let last: Record<string, unknown> = {};
      for (let i = 0; i < 5; i++) {
        const r = await post('/api/v1/auth/login', { username: 'sdevries', password: demoPassword }, limited.url);
        statuses.push(r.status);
        last = r.body;
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((last.error as { message: string }).message).toMatch(/^Te veel aanmeldpogingen vanaf deze werkplek/);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('sign-out ends the session on the server: its access and refresh tokens stop working', async () => {
    const tokens = (await login('sdevries')).body as { accessToken: string; refreshToken: string };
    expect(await me(tokens.accessToken)).toBe(200);
    expect((await post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken })).body).toEqual({ ended: true });
    expect(await me(tokens.accessToken)).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken })).body).toEqual({ ended: false });
  });

  it('a deactivated user’s tokens stop at once, before they expire', async () => {
    const tokens = (await login('jbakker')).body as { accessToken: string; refreshToken: string };
    expect(await me(tokens.accessToken)).toBe(200);
    await server.db.query(`UPDATE users SET deactivated_at = now() WHERE id = 'u-jbakker'`);
    try {
      expect(await me(tokens.accessToken)).toBe(401);
      expect((await post('/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
      expect((await login('jbakker')).status).toBe(401);
    } finally {
      await server.db.query(`UPDATE users SET deactivated_at = NULL WHERE id = 'u-jbakker'`);
    }
  });
});

describe('refresh tokens and session lifetime', () => {
  const source = '10.20.30.40';
  const clocked = () => {
    const clock = { now: Date.now() };
    return { clock, auth: new AuthService(server.db, server.keys, () => clock.now) };
  };

  it('answers a refresh token used again within a minute (the answer was lost), and keeps the worker signed in', async () => {
    const { clock, auth } = clocked();
    const first = await auth.login('jbakker', demoPassword, source);
    const second = await auth.refresh(first.refreshToken);
    clock.now += 20_000;
    const again = await auth.refresh(first.refreshToken); // the desktop never received `second`
    expect(again.refreshToken).not.toBe(second.refreshToken);
    expect(await auth.authenticate(again.accessToken)).not.toBeNull();
    expect((await auth.refresh(again.refreshToken)).accessToken).toBeTruthy();
  });

  it('ends the whole session when a rotated refresh token comes back later: stolen', async () => {
    const { clock, auth } = clocked();
    const first = await auth.login('jbakker', demoPassword, source);
    const second = await auth.refresh(first.refreshToken);
    clock.now += refreshReuseGraceMs + 1_000;
    await expect(auth.refresh(first.refreshToken)).rejects.toMatchObject({
      status: 401,
      message: expect.stringMatching(/op een andere plek werd gebruikt/),
    });
    // The thief's copy and the rightful user's newer tokens both stop.
    await expect(auth.refresh(second.refreshToken)).rejects.toMatchObject({ status: 401 });
    expect(await auth.authenticate(second.accessToken)).toBeNull();
    const ended = await server.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE entity = 'session' AND action = 'delete' AND reason IS NOT NULL ORDER BY id DESC LIMIT 1`,
    );
    expect(ended[0]?.reason).toBe('verversingstoken opnieuw gebruikt');
  });

  it('ends a session at its absolute lifetime, however often it was refreshed', async () => {
    const { clock, auth } = clocked();
    let tokens = await auth.login('jbakker', demoPassword, source);
    const hour = 60 * 60 * 1000;
    for (let elapsed = 0; elapsed + 3 * hour < sessionAbsoluteTtlMs; elapsed += 3 * hour) {
      clock.now += 3 * hour;
      tokens = await auth.refresh(tokens.refreshToken);
    }
    clock.now += sessionAbsoluteTtlMs; // well past it now
    // Ran out by time: said so, so the desktop lets the worker go on offline until they sign in again.
    await expect(auth.refresh(tokens.refreshToken)).rejects.toMatchObject({ status: 401, code: 'session_expired' });
  });

  it('says "expired" only for a session that ran out by time, not for one ended, stolen or of a user who left', async () => {
    const { clock, auth } = clocked();
    const signedOut = await auth.login('jbakker', demoPassword, source);
    await auth.logout(signedOut.refreshToken);
    const stolen = await auth.login('jbakker', demoPassword, source);
    await auth.refresh(stolen.refreshToken);
    clock.now += refreshReuseGraceMs + 1_000;
    await auth.refresh(stolen.refreshToken).catch(() => undefined); // ends the session: reuse
    const left = await auth.login('jbakker', demoPassword, source);
    await server.db.query(`UPDATE users SET deactivated_at = now() WHERE id = 'u-jbakker'`);
    try {
      clock.now += sessionAbsoluteTtlMs;
      for (const token of [signedOut.refreshToken, stolen.refreshToken, left.refreshToken, 'onbekend-token'])
        await expect(auth.refresh(token)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    } finally {
      await server.db.query(`UPDATE users SET deactivated_at = NULL WHERE id = 'u-jbakker'`);
    }
  });
});

describe('signing keys', () => {
  it('names its key in every token; after a rotation old tokens verify until they expire, new ones use the new key', async () => {
    const before = ((await login('famrani')).body as { accessToken: string }).accessToken;
    const oldKid = before.split('.')[1];
    expect(oldKid).toBe(server.keys.current().kid);
    const masterKey = Buffer.alloc(32, 7);
    const ring = await KeyRing.open(server.db, masterKey).catch((e: unknown) => e);
    // The ring in the database is sealed with the server's master key, not with any other.
    expect(ring).toBeInstanceOf(MasterKeyError);

    await server.keys.rotate(server.db);
    const after = ((await login('famrani')).body as { accessToken: string }).accessToken;
    expect(after.split('.')[1]).not.toBe(oldKid);
    expect(await me(before)).toBe(200);
    expect(await me(after)).toBe(200);
    // Once an access token's lifetime has passed, the retired key verifies nothing.
    const later = new AuthService(server.db, server.keys, () => Date.now() + accessTokenTtlMs + 1000);
    expect(await later.authenticate(before)).toBeNull();
  });

  it('keeps no signing secret in the clear in the database', async () => {
    const rows = await server.db.query<{ sealed: string }>('SELECT sealed FROM signing_keys');
    const secret = server.keys.current().secret;
    for (const row of rows) {
      expect(Buffer.from(row.sealed, 'base64').includes(secret)).toBe(false);
      expect(row.sealed).not.toContain(secret.toString('base64'));
    }
  });

  it('refuses a token in the old unversioned shape', async () => {
    const token = ((await login('sdevries')).body as { accessToken: string }).accessToken;
    const [, , body, mac] = token.split('.');
    expect(await me(`v1.${body}.${mac}`)).toBe(401);
  });
});
