import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { role } from '../../shared/ipc/schemas';
import { text } from '../../shared/validation/text';
import type { KeyRing, SigningKey } from './key-ring';

/**
 * A short-lived signed access token: `v2.<kid>.<payload>.<HMAC-SHA256>`, payload and MAC in
 * base64url. `kid` names the signing key (key-ring.ts); `sid` the server-side session, which the
 * server checks on every request (auth-service.ts), so a token stops working at sign-out.
 */

export const accessTokenTtlMs = 15 * 60 * 1000;

export const principal = z.object({
  sub: text(),
  sid: text(),
  name: text(),
  role,
  team: text(),
  teamName: text(),
  exp: z.number().int(),
});
export type Principal = z.infer<typeof principal>;

export function signAccessToken(payload: Principal, key: SigningKey): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `v2.${key.kid}.${body}.${mac(`${key.kid}.${body}`, key.secret)}`;
}

/** The token's principal when its MAC, key and expiry hold; the session is checked separately. */
export function verifyAccessToken(token: string, keys: KeyRing, now = Date.now()): Principal | null {
  const [version, kid, body, signature, ...rest] = token.split('.');
  if (version !== 'v2' || !kid || !body || !signature || rest.length > 0) return null;
  const key = keys.find(kid, now);
  if (!key) return null;
  const expected = Buffer.from(mac(`${kid}.${body}`, key.secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = principal.safeParse(parsed);
  if (!result.success || result.data.exp <= now) return null;
  return result.data;
}

function mac(signed: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(signed).digest('base64url');
}
