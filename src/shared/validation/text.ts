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
