import type { BackendEvent } from '../../shared/ipc/events';
import type { Result } from '../../shared/ipc/result';

/** Messages between a host thread and the backend worker thread. */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: unknown; payload: unknown }
  | { type: 'vault_result'; id: number; value: unknown }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'startup_error'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'closed' }
  /** A backend event for the screens (events.ts), passed on by the host. */
  | { type: 'event'; event: BackendEvent }
  /** The session vault lives with the host (Electron's safeStorage is only in the main process). */
  | { type: 'vault'; id: number; op: 'load' | 'save'; value?: unknown };
