import type { SerializedError } from '@reduxjs/toolkit';
import type { AppErrorShape } from '../../shared/ipc/result';

/** RTK Query's error union narrowed to the envelope's error, for messages and field issues. */
export function appError(error: AppErrorShape | SerializedError | undefined): AppErrorShape | null {
  if (!error) return null;
  if ('code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string') {
    return error as AppErrorShape;
  }
  return { code: 'internal', message: error.message ?? 'Onbekende fout.' };
}
