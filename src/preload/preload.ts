import { contextBridge, ipcRenderer } from 'electron';
import { electronInvokeChannel, type RawInvoke } from '../shared/ipc/client';
import { isChannel } from '../shared/ipc/contract';
import { fail } from '../shared/ipc/result';

// Exposes exactly one function: invoke a channel named in the contract. No ipcRenderer, no
// event emitters, nothing else reaches the page.
const invoke: RawInvoke = (channel, request) =>
  isChannel(channel)
    ? ipcRenderer.invoke(electronInvokeChannel, channel, request)
    : Promise.resolve(fail('unknown_channel', 'Deze functie bestaat niet in deze versie van de app.'));

contextBridge.exposeInMainWorld('cjib', { invoke });
