import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { electronInvokeChannel } from '../../shared/ipc/client';
import { fail, type Result } from '../../shared/ipc/result';
import type { Backend } from '../backend/backend';
import { electronEventChannel, type BackendEvent } from '../../shared/ipc/events';
import { isAppUrl } from '../security/app-origin';

/**
 * The single IPC route from the renderer. The sender frame must be the app's own top frame;
 * the backend validates the payload against the contract before anything runs.
 */
export function registerIpcBridge(ipcMain: IpcMain, backend: Backend): void {
  ipcMain.handle(electronInvokeChannel, (event, channel: unknown, request: unknown) =>
    handleInvoke(backend, event, channel, request),
  );
}

export function handleInvoke(
  backend: Backend,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  channel: unknown,
  request: unknown,
): Promise<Result<unknown>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
    return Promise.resolve(fail('forbidden', 'Dit verzoek komt niet uit het venster van de app en is geweigerd.'));
  }
  return backend.invoke(channel, request);
}

/**
 * Backend events to the app's window, on their own channel; the preload hands them to the page's
 * listener, which validates them (events.ts). Returns the unsubscribe.
 */
export function forwardBackendEvents(
  backend: Pick<Backend, 'subscribe'>,
  contents: { isDestroyed(): boolean; send(channel: string, event: BackendEvent): void },
): () => void {
  return backend.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(electronEventChannel, event);
  });
}
