import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './launch-token';

export const tokenHeader = 'x-cjib-token';
/**
 * The page cookie: it lets a tab load the app's own files (no data in them) after the link was
 * opened once, and nothing else. It is not the launch token: cookies for 127.0.0.1 reach every
 * port on the machine, so whatever another local server receives must not open the API.
 */
export const pageCookie = 'cjib_page';
export const tokenQuery = 'token';

export type GuardVerdict =
  { allowed: true; via: 'header' | 'cookie' | 'query' } | { allowed: false; status: number; message: string };

/**
 * The browser host's gate. A request passes only when it is addressed to the loopback host and
 * port we listen on (defeats DNS rebinding), comes from our own origin if it names one (defeats
 * cross-site requests), and carries the per-launch token.
 */
export function checkRequest(req: IncomingMessage, port: number, token: string, pageKey: string): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    return { allowed: false, status: 403, message: 'Deze app is alleen bereikbaar via 127.0.0.1.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return { allowed: false, status: 403, message: 'Verzoeken van een andere website worden geweigerd.' };
  }
  const header = req.headers[tokenHeader];
  if (tokensMatch(token, typeof header === 'string' ? header : undefined)) return { allowed: true, via: 'header' };
  if (tokensMatch(pageKey, readCookie(req.headers.cookie, pageCookie))) return { allowed: true, via: 'cookie' };
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get(tokenQuery);
  if (tokensMatch(token, query)) return { allowed: true, via: 'query' };
  return {
    allowed: false,
    status: 401,
    message: 'Toegang geweigerd: open de app via de link die bij het starten in de terminal is getoond.',
  };
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
