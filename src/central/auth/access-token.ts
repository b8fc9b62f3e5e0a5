import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { role } from '../../shared/ipc/schemas';

/** A short-lived signed access token: `v1.<payload>.<HMAC-SHA256>`, both base64url. */

export const accessTokenTtlMs = 15 * 60 * 1000;

export const principal = z.object({
  sub: z.string(),
  name: z.string(),
  role,
  team: z.string(),
  teamName: z.string(),
  exp: z.number().int(),
});
export type Principal = z.infer<typeof principal>;

export function signAccessToken(payload: Principal, key: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `v1.${body}.${mac(body, key)}`;
}

export function verifyAccessToken(token: string, key: Buffer, now = Date.now()): Principal | null {
  const [version, body, signature] = token.split('.');
  if (version !== 'v1' || !body || !signature) return null;
  const expected = Buffer.from(mac(body, key));
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

function mac(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
