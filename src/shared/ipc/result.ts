/** The envelope every request crosses the process boundary in (IPC, worker, browser host). */

export const errorCodes = [
  'invalid_request',
  'unauthorized',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  'storage_full',
  /** The screen is locked (idle): only unlock and sign-out are answered until the password is given. */
  'locked',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** Dutch, written for the case worker: what happened and what to do. */
  message: string;
  /** Field-level problems, keyed by dotted path, for forms. */
  issues?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: Record<string, string>): Result<never> {
  return issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
}

/** Thrown by services; the dispatcher turns it into a failed envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
