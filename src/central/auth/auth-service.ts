import { createHash, randomBytes } from 'node:crypto';
import type { TokenResponse } from '../../shared/api/wire';
import type { Role } from '../../shared/domain/roles';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { accessTokenTtlMs, signAccessToken, verifyAccessToken, type Principal } from './access-token';
import type { KeyRing } from './key-ring';
import { hashPassword, verifyPassword } from './passwords';

export const maxFailedAttempts = 5;
export const lockoutMs = 15 * 60 * 1000;
export const refreshTokenTtlMs = 12 * 60 * 60 * 1000;
/** However often it is refreshed, a session ends this long after sign-in (a working day and some). */
export const sessionAbsoluteTtlMs = 14 * 60 * 60 * 1000;
/**
 * A refresh token used again within this time after its rotation is a lost answer (the desktop sent
 * it, the new pair never arrived): it is answered again. Used again later, it was stolen: the
 * whole session ends.
 */
export const refreshReuseGraceMs = 60 * 1000;

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 423,
    message: string,
    /** `session_expired`: the session ran out by time (not ended, not stolen, the user still active). */
    readonly code: 'unauthorized' | 'session_expired' = 'unauthorized',
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string;
  team_name: string;
  password_hash: string;
}

const wrongCredentials = 'Gebruikersnaam of wachtwoord is onjuist.';
const lockedOut =
  'Dit account is vanaf deze werkplek tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.';
const sessionOver = 'Uw sessie is verlopen. Meld u opnieuw aan.';

/**
 * Sign-in, sessions and tokens.
 * - Lock-out counts per account and source address, in one statement per attempt: the attempt is
 *   counted before the password is checked, so 200 wrong passwords at once still get at most
 *   five checks before the lock, and a stranger elsewhere cannot lock the rightful user out.
 * - An unknown username costs the same scrypt work as a known one: no timing tells them apart.
 * - Every access token names a server-side session; sign-out ends it and a deactivated user's
 *   sessions stop at once, also for access tokens not yet expired.
 */
export class AuthService {
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly db: SqlClient,
    private readonly keys: KeyRing,
    private readonly now: () => number = Date.now,
    /** How long a just-rotated refresh token is still answered (tests of rotation itself use 0). */
    private readonly reuseGraceMs = refreshReuseGraceMs,
  ) {
    this.decoyHash = hashPassword(randomBytes(16).toString('base64'));
  }

  async login(username: string, password: string, source: string): Promise<TokenResponse> {
    const user = await this.findUser('u.username = $1 AND u.deactivated_at IS NULL', username);
    if (!user) {
      // Counted and locked like a real account, so the answer after five tries (423) is the same.
      const nameHash = createHash('sha256').update(username.normalize('NFC').toLowerCase()).digest('hex');
      const locked = await this.countAttempt('login_throttle_unknown', 'name_hash', nameHash, source);
      if (!locked) await verifyPassword(password, await this.decoyHash);
      await audit(this.db, {
        actorId: null,
        action: 'login_failed',
        entity: 'user',
        detail: { reason: locked ? 'locked' : 'unknown' },
      });
      if (locked) throw new AuthError(423, lockedOut);
      await this.db.query(
        `UPDATE login_throttle_unknown SET locked_until = $4
         WHERE name_hash = $1 AND source = $2 AND failed_attempts >= $3 AND locked_until IS NULL`,
        [nameHash, source, maxFailedAttempts, this.at(lockoutMs)],
      );
      throw new AuthError(401, wrongCredentials);
    }
    if (await this.countAttempt('login_throttle', 'user_id', user.id, source)) {
      await audit(this.db, {
        actorId: user.id,
        action: 'login_failed',
        entity: 'user',
        entityId: user.id,
        detail: { reason: 'locked' },
      });
      throw new AuthError(423, lockedOut);
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      await this.db.query(
        `UPDATE login_throttle SET locked_until = $4
         WHERE user_id = $1 AND source = $2 AND failed_attempts >= $3 AND locked_until IS NULL`,
        [user.id, source, maxFailedAttempts, this.at(lockoutMs)],
      );
      await audit(this.db, { actorId: user.id, action: 'login_failed', entity: 'user', entityId: user.id });
      throw new AuthError(401, wrongCredentials);
    }
    await this.db.query('DELETE FROM login_throttle WHERE user_id = $1 AND source = $2', [user.id, source]);
    await audit(this.db, { actorId: user.id, action: 'login', entity: 'user', entityId: user.id });
    const sessionId = randomBytes(18).toString('base64url');
    await this.db.query('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      sessionId,
      user.id,
      this.at(0),
      this.at(refreshTokenTtlMs),
    ]);
    return this.issue(user, sessionId);
  }

  /**
   * Counts one attempt for this account from this source and tells whether it is refused
   * without a password check: locked, or beyond the limit while earlier attempts are still being
   * checked. A lock that has run out starts the count again.
   */
  private async countAttempt(
    table: 'login_throttle' | 'login_throttle_unknown',
    keyColumn: 'user_id' | 'name_hash',
    key: string,
    source: string,
  ): Promise<boolean> {
    const now = this.at(0);
    const rows = await this.db.query<{ failed_attempts: number; locked_until: Date | string | null }>(
      `INSERT INTO ${table} AS t (${keyColumn}, source, failed_attempts) VALUES ($1, $2, 1)
       ON CONFLICT (${keyColumn}, source) DO UPDATE SET
         failed_attempts = CASE WHEN t.locked_until <= $3 THEN 1
                                WHEN t.locked_until IS NOT NULL THEN t.failed_attempts
                                ELSE t.failed_attempts + 1 END,
         locked_until = CASE WHEN t.locked_until <= $3 THEN NULL ELSE t.locked_until END
       RETURNING failed_attempts, locked_until`,
      [key, source, now],
    );
    const row = rows[0];
    if (!row) return false;
    return row.locked_until !== null || row.failed_attempts > maxFailedAttempts;
  }

  /**
   * Exchanges a refresh token for new tokens in the same session, in one transaction: the old one is
   * revoked and the new one stored together, or neither (rotation). A token rotated moments ago is
   * answered again (the answer was lost on the way); one rotated longer ago ends its whole session,
   * because someone else has it. A session never outlives `sessionAbsoluteTtlMs` after sign-in.
   */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const outcome = await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ user_id: string; session_id: string; revoked_at: Date | string | null }>(
        `SELECT user_id, session_id, revoked_at FROM refresh_tokens
         WHERE token_hash = $1 AND expires_at > $2 FOR UPDATE`,
        [sha256(refreshToken), this.at(0)],
      );
      const row = rows[0];
      if (!row)
        return { kind: (await this.lapsedByTime(tx, refreshToken)) ? ('expired' as const) : ('unknown' as const) };
      if (row.revoked_at !== null) {
        if (this.now() - new Date(row.revoked_at).getTime() > this.reuseGraceMs) {
          await this.endSession(tx, row.session_id, row.user_id, 'verversingstoken opnieuw gebruikt');
          return { kind: 'reused' as const };
        }
      } else {
        await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE token_hash = $1', [
          sha256(refreshToken),
          this.at(0),
        ]);
      }
      const user = await this.sessionUser(row.session_id, row.user_id, tx);
      if (!user)
        return { kind: (await this.lapsedByTime(tx, refreshToken)) ? ('expired' as const) : ('unknown' as const) };
      await tx.query(
        `UPDATE sessions SET expires_at = least($2::timestamptz, created_at + ($3 || ' milliseconds')::interval)
         WHERE id = $1`,
        [row.session_id, this.at(refreshTokenTtlMs), String(sessionAbsoluteTtlMs)],
      );
      return { kind: 'issued' as const, tokens: await this.issue(user, row.session_id, tx) };
    });
    if (outcome.kind === 'reused') {
      throw new AuthError(
        401,
        'Uw sessie is beëindigd omdat uw aanmelding op een andere plek werd gebruikt. Meld u opnieuw aan.',
      );
    }
    // A session that ran out by time lets the desktop keep working offline until the worker signs in again.
    if (outcome.kind === 'expired') throw new AuthError(401, sessionOver, 'session_expired');
    if (outcome.kind !== 'issued') throw new AuthError(401, sessionOver);
    return outcome.tokens;
  }

  /** The token's session ran out by time: not ended, not stolen, and its user still active. */
  private async lapsedByTime(tx: Queryable, refreshToken: string): Promise<boolean> {
    const rows = await tx.query<{ lapsed: number }>(
      `SELECT 1 AS lapsed FROM refresh_tokens rt
         JOIN sessions s ON s.id = rt.session_id
         JOIN users u ON u.id = rt.user_id
       WHERE rt.token_hash = $1 AND s.ended_at IS NULL AND u.deactivated_at IS NULL
         AND rt.revoked_at IS NULL AND (rt.expires_at <= $2 OR s.expires_at <= $2)`,
      [sha256(refreshToken), this.at(0)],
    );
    return rows.length > 0;
  }

  /** Ends a session and every refresh token of it (sign-out, or a stolen refresh token), audited. */
  private async endSession(tx: Queryable, sessionId: string, userId: string, reason?: string): Promise<void> {
    await tx.query('UPDATE sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL', [sessionId, this.at(0)]);
    await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL', [
      sessionId,
      this.at(0),
    ]);
    await audit(tx, {
      actorId: userId,
      action: 'delete',
      entity: 'session',
      entityId: sessionId,
      ...(reason ? { reason } : {}),
    });
  }

  /**
   * Signing out ends the session on the server: the access token it carries and every refresh
   * token of the session stop working. The refresh token names the session (the access token may
   * already have expired). False when it names no open session.
   */
  async logout(refreshToken: string): Promise<boolean> {
    const rows = await this.db.query<{ user_id: string; session_id: string }>(
      `SELECT user_id, session_id FROM refresh_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [sha256(refreshToken), this.at(0)],
    );
    const row = rows[0];
    if (!row) return false;
    await this.db.transaction((tx) => this.endSession(tx, row.session_id, row.user_id));
    return true;
  }

  /** The principal of a valid access token whose session is still open and whose user is active. */
  async authenticate(token: string): Promise<Principal | null> {
    const kid = token.split('.', 3)[1];
    if (kid) await this.keys.learn(this.db, kid, this.now());
    const principal = verifyAccessToken(token, this.keys, this.now());
    if (!principal) return null;
    // Every request passes here: one indexed probe, no join to teams, no password hash read.
    const open = await this.db.query<{ ok: number }>(
      `SELECT 1 AS ok FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > $3 AND u.deactivated_at IS NULL`,
      [principal.sid, principal.sub, this.at(0)],
    );
    return open.length > 0 ? principal : null;
  }

  private async sessionUser(sessionId: string, userId: string, db: Queryable = this.db): Promise<UserRow | undefined> {
    return this.findUser(
      `u.id = $1 AND u.deactivated_at IS NULL AND EXISTS (
         SELECT 1 FROM sessions s WHERE s.id = $2 AND s.user_id = u.id AND s.ended_at IS NULL AND s.expires_at > $3)`,
      userId,
      [sessionId, this.at(0)],
      db,
    );
  }

  private async issue(user: UserRow, sessionId: string, db: Queryable = this.db): Promise<TokenResponse> {
    const exp = this.now() + accessTokenTtlMs;
    const accessToken = signAccessToken(
      {
        sub: user.id,
        sid: sessionId,
        name: user.display_name,
        role: user.role,
        team: user.team_id,
        teamName: user.team_name,
        exp,
      },
      this.keys.current(),
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await db.query('INSERT INTO refresh_tokens (token_hash, user_id, session_id, expires_at) VALUES ($1, $2, $3, $4)', [
      sha256(refreshToken),
      user.id,
      sessionId,
      this.at(refreshTokenTtlMs),
    ]);
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(exp).toISOString(),
      user: { id: user.id, displayName: user.display_name, role: user.role, teamName: user.team_name },
    };
  }

  private async findUser(
    where: string,
    value: string,
    more: unknown[] = [],
    db: Queryable = this.db,
  ): Promise<UserRow | undefined> {
    const rows = await db.query<UserRow>(
      `SELECT u.id, u.username, u.display_name, u.role, u.team_id, t.name AS team_name, u.password_hash
       FROM users u JOIN teams t ON t.id = u.team_id WHERE ${where}`,
      [value, ...more],
    );
    return rows[0];
  }

  private at(offsetMs: number): string {
    return new Date(this.now() + offsetMs).toISOString();
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
