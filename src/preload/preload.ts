import { contextBridge, ipcRenderer } from 'electron';
import { electronInvokeChannel, type RawInvoke } from '../shared/ipc/client';
import { isChannel } from '../shared/ipc/contract';
import { electronEventChannel } from '../shared/ipc/events';
import { fail } from '../shared/ipc/result';

// Exposes two functions: invoke a channel named in the contract, and subscribe to the backend's
// events (plain data; the page validates them). No ipcRenderer, no event emitters, nothing else
// reaches the page.
const invoke: RawInvoke = (channel, request) =>
  isChannel(channel)
    ? ipcRenderer.invoke(electronInvokeChannel, channel, request)
    : Promise.resolve(fail('unknown_channel', 'Deze functie bestaat niet in deze versie van de app.'));

const subscribe = (listener: (event: unknown) => void) => {
  const forward = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(electronEventChannel, forward);
  return () => {
    ipcRenderer.removeListener(electronEventChannel, forward);
  };
};

contextBridge.exposeInMainWorld('cjib', { invoke, subscribe });
