import type { CjibApi } from '../../shared/ipc/client';
import { createHttpShim } from './http-shim';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in the browser host. */
    cjib?: CjibApi;
  }
}

/** Picks the transport once at startup: the preload's bridge if present, otherwise the HTTP shim. */
export function resolveCjibApi(win: Window): CjibApi {
  return win.cjib ?? createHttpShim(win);
}
