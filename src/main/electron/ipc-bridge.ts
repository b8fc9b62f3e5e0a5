import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { electronInvokeChannel } from '../../shared/ipc/client';
import { fail, type Result } from '../../shared/ipc/result';
import type { Backend } from '../backend/backend';
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
