import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

/** The global API object the renderer sees as `window.cjib`, whichever host provides it. */
export interface CjibApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /**
   * Events from the backend (events.ts), unvalidated as they arrive; returns the unsubscribe. A
   * host without events leaves it out and the screens fetch when asked.
   */
  subscribe?(listener: (event: unknown) => void): () => void;
}

/** How a host moves one untyped request; the typed API is built on top of it once. */
export type RawInvoke = (channel: string, request: unknown) => Promise<Result<unknown>>;

export function createCjibApi(raw: RawInvoke): CjibApi {
  return {
    invoke: <C extends Channel>(channel: C, request: RequestOf<C>) =>
      raw(channel, request) as Promise<Result<ResponseOf<C>>>,
  };
}

/** Name of the single Electron IPC channel that carries all contract requests. */
export const electronInvokeChannel = 'cjib:invoke';
