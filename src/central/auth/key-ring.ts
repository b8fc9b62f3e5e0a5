import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Queryable, SqlClient } from '../db/sql-client';
import { withStartupLock } from '../db/startup-lock';
import { accessTokenTtlMs } from './access-token';

/**
 * The access-token signing keys. Each has an id (`kid`, in every token) so a new key can take
 * over while tokens signed by the one before still verify until they expire. The secrets are
 * stored sealed with AES-256-GCM under the master key, which lives outside the database (an
 * environment variable or a key file): a copy of the database alone cannot forge a token.
 */
export interface SigningKey {
  kid: string;
  secret: Buffer;
  /** When it stops verifying (ms); null while it is the current key. */
  retiresAt: number | null;
}

export class KeyRing {
  private lastRead = 0;

  private constructor(
    private keys: SigningKey[],
    private readonly masterKey: Buffer,
  ) {}

  /**
   * Loads the keys still in use; makes the first one on a new store (under the startup lock, so
   * that nodes starting at once share one first key).
   */
  static async open(db: SqlClient, masterKey: Buffer, now = Date.now()): Promise<KeyRing> {
    return withStartupLock(db, async (tx) => {
      const ring = new KeyRing(await readKeys(tx, masterKey, now), masterKey);
      ring.lastRead = now;
      if (ring.keys.length === 0) await ring.rotate(tx, now);
      return ring;
    });
  }

  /**
   * Reads the keys again: another API node may have rotated. Every node does so now and then, and
   * at once for a token whose key it does not know — at most once a second, so tokens with made-up
   * key ids cannot make it read the table on every request.
   */
  async reload(db: Queryable, now = Date.now()): Promise<void> {
    this.lastRead = now;
    const keys = await readKeys(db, this.masterKey, now);
    if (keys.length > 0) this.keys = keys;
  }

  async learn(db: Queryable, kid: string, now = Date.now()): Promise<void> {
    if (this.find(kid, now) || now - this.lastRead < 1000) return;
    await this.reload(db, now);
  }

  /** The newest key signs. */
  current(): SigningKey {
    const key = this.keys[0];
    if (!key) throw new Error('no signing key');
    return key;
  }

  /** The key with this id, unless it has been retired. */
  find(kid: string, now = Date.now()): SigningKey | undefined {
    return this.keys.find((key) => key.kid === kid && (key.retiresAt === null || key.retiresAt > now));
  }

  /**
   * A new key signs from now on. The keys before it verify until every token they signed has
   * expired (one access-token lifetime), then they are retired.
   */
  async rotate(db: Queryable, now = Date.now()): Promise<SigningKey> {
    const key: SigningKey = { kid: randomBytes(6).toString('base64url'), secret: randomBytes(32), retiresAt: null };
    const retiresAt = now + accessTokenTtlMs;
    await db.query('INSERT INTO signing_keys (kid, sealed, created_at) VALUES ($1, $2, $3)', [
      key.kid,
      seal(key.secret, this.masterKey),
      new Date(now).toISOString(),
    ]);
    await db.query('UPDATE signing_keys SET retired_at = $2 WHERE retired_at IS NULL AND kid <> $1', [
      key.kid,
      new Date(retiresAt).toISOString(),
    ]);
    this.keys = [key, ...this.keys.map((k) => ({ ...k, retiresAt: k.retiresAt ?? retiresAt }))];
    return key;
  }
}

async function readKeys(db: Queryable, masterKey: Buffer, now: number): Promise<SigningKey[]> {
  const rows = await db.query<{ kid: string; sealed: string; retired_at: Date | string | null }>(
    'SELECT kid, sealed, retired_at FROM signing_keys WHERE retired_at IS NULL OR retired_at > $1 ORDER BY created_at DESC',
    [new Date(now).toISOString()],
  );
  return rows.map((row) => ({
    kid: row.kid,
    secret: unseal(row.sealed, masterKey),
    retiresAt: row.retired_at === null ? null : new Date(row.retired_at).getTime(),
  }));
}

export class MasterKeyError extends Error {
  constructor() {
    super(
      'De sleutels in deze database passen niet bij de hoofdsleutel van de server (CENTRAL_MASTER_KEY of master.key).',
    );
    this.name = 'MasterKeyError';
  }
}

function seal(secret: Buffer, masterKey: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(sealed: string, masterKey: Buffer): Buffer {
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  } catch {
    throw new MasterKeyError();
  }
}
