import { z } from 'zod';

/**
 * The one string schema for everything that crosses a boundary (IPC, HTTP, stored JSON).
 * U+0000 is refused: PostgreSQL cannot store it in text, so one NUL in a note used to fail the
 * whole command on the server, and no person ever means to type it.
 */
export const nulMessage = 'Tekst mag geen nul-teken (U+0000) bevatten.';

export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !value.includes('\u0000'), { message: nulMessage, abort: true });
}

/**
 * For the bulk of the change feed (entities.ts) only: a plain string, because the client checks the
 * whole page body for an escaped NUL before it parses it (`hasEscapedNul`), once, instead of a
 * check per field on hundreds of thousands of rows (≈ 0.35 s of an initial sync).
 */
export function wireText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params);
}

/**
 * Whether a JSON text holds a NUL inside a string. JSON can only write it as the escape \u0000
 * (a raw NUL is invalid JSON), and that escape counts only when the backslashes before it do not
 * pair up: `\\u0000` is a backslash followed by the text "u0000".
 */
export function hasEscapedNul(json: string): boolean {
  for (let at = json.indexOf('\\u0000'); at !== -1; at = json.indexOf('\\u0000', at + 1)) {
    let backslashes = 0;
    for (let i = at - 1; i >= 0 && json[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 0) return true;
  }
  return false;
}

/**
 * The same value with every U+0000 in its strings shown as U+FFFD (�): for data written before
 * text() refused it (an old outbox entry), so it can still be shown and corrected.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNul(item)])) as T;
  }
  return value;
}
