import { createHash, randomBytes } from 'node:crypto';
import type { TokenResponse } from '../../shared/api/wire';
import type { Role } from '../../shared/domain/roles';
import { audit } from '../audit';
import type { SqlClient } from '../db/sql-client';
import { accessTokenTtlMs, signAccessToken } from './access-token';
import { verifyPassword } from './passwords';

export const maxFailedAttempts = 5;
export const lockoutMs = 15 * 60 * 1000;
export const refreshTokenTtlMs = 12 * 60 * 60 * 1000;

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 423,
    message: string,
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
  failed_attempts: number;
  locked_until: Date | string | null;
}

const wrongCredentials = 'Gebruikersnaam of wachtwoord is onjuist.';

export class AuthService {
  constructor(
    private readonly db: SqlClient,
    private readonly signingKey: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  async login(username: string, password: string): Promise<TokenResponse> {
    const user = await this.findUser('u.username = $1', username);
    if (!user) {
      await audit(this.db, { actorId: null, action: 'login_failed', entity: 'user', detail: { reason: 'unknown' } });
      throw new AuthError(401, wrongCredentials);
    }
    if (user.locked_until && new Date(user.locked_until).getTime() > this.now()) {
      throw new AuthError(
        423,
        'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
      );
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      const attempts = user.failed_attempts + 1;
      const lock = attempts >= maxFailedAttempts ? new Date(this.now() + lockoutMs).toISOString() : null;
      await this.db.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
        user.id,
        lock ? 0 : attempts,
        lock,
      ]);
      await audit(this.db, { actorId: user.id, action: 'login_failed', entity: 'user', entityId: user.id });
      throw new AuthError(401, wrongCredentials);
    }
    await this.db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
    await audit(this.db, { actorId: user.id, action: 'login', entity: 'user', entityId: user.id });
    return this.issue(user);
  }

  /** Exchanges a refresh token for new tokens; the old refresh token is revoked (rotation). */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const hash = sha256(refreshToken);
    const rows = await this.db.query<{ user_id: string }>(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
       RETURNING user_id`,
      [hash, new Date(this.now()).toISOString()],
    );
    const userId = rows[0]?.user_id;
    const user = userId ? await this.findUser('u.id = $1', userId) : undefined;
    if (!user) throw new AuthError(401, 'Uw sessie is verlopen. Meld u opnieuw aan.');
    return this.issue(user);
  }

  private async issue(user: UserRow): Promise<TokenResponse> {
    const exp = this.now() + accessTokenTtlMs;
    const accessToken = signAccessToken(
      { sub: user.id, name: user.display_name, role: user.role, team: user.team_id, teamName: user.team_name, exp },
      this.signingKey,
    );
    const refreshToken = randomBytes(32).toString('base64url');
    await this.db.query('INSERT INTO refresh_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      sha256(refreshToken),
      user.id,
      new Date(this.now() + refreshTokenTtlMs).toISOString(),
    ]);
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(exp).toISOString(),
      user: { id: user.id, displayName: user.display_name, role: user.role, teamName: user.team_name },
    };
  }

  private async findUser(where: string, value: string): Promise<UserRow | undefined> {
    const rows = await this.db.query<UserRow>(
      `SELECT u.id, u.username, u.display_name, u.role, u.team_id, t.name AS team_name, u.password_hash,
              u.failed_attempts, u.locked_until
       FROM users u JOIN teams t ON t.id = u.team_id WHERE ${where}`,
      [value],
    );
    return rows[0];
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The token signing key, created once and kept in the database so tokens survive a restart. */
export async function loadSigningKey(db: SqlClient): Promise<Buffer> {
  await db.query(`INSERT INTO server_keys (name, value) VALUES ('access_token', $1) ON CONFLICT (name) DO NOTHING`, [
    randomBytes(32).toString('base64'),
  ]);
  const rows = await db.query<{ value: string }>(`SELECT value FROM server_keys WHERE name = 'access_token'`);
  const value = rows[0]?.value;
  if (!value) throw new Error('signing key missing');
  return Buffer.from(value, 'base64');
}
