import { isStorageFull, storageFullAtStartMessage } from '../db/storage-full';
import { parentPort, workerData } from 'node:worker_threads';
import { createBackend, type Backend } from './backend';
import type { BackendConfig } from './backend-config';
import { createJsonLogger } from './json-logger';
import { RotatingLog } from '../logging/rotating-log';
import type { FromWorker, ToWorker } from './worker-protocol';
import { parseStoredSession, type SessionVault } from '../sync/session-vault';

// Entry of the backend worker thread: it owns the SQLite connection, so no host thread ever
// waits on SQL. Requests are handled one after another, which is what one writer needs.

const port = parentPort;
if (!port) throw new Error('backend-worker must run in a worker thread');

const send = (message: FromWorker) => port.postMessage(message);
const config = (workerData as { config: BackendConfig }).config;

// The session vault is the host's: ask it by message and wait for its answer.
const vaultReplies = new Map<number, (value: unknown) => void>();
let nextVaultId = 1;
const askHost = (op: 'load' | 'save', value?: unknown) =>
  new Promise<unknown>((resolve) => {
    const id = nextVaultId++;
    vaultReplies.set(id, resolve);
    send({ type: 'vault', id, op, value });
  });
const hostVault: SessionVault = {
  load: async () => parseStoredSession(await askHost('load')),
  save: async (session) => {
    await askHost('save', session);
  },
};

let backend: Backend | undefined;
try {
  const logFile = config.logFile ? new RotatingLog(config.logFile) : undefined;
  backend = createBackend(config, createJsonLogger('backend', logFile), { vault: hostVault, logFile });
  backend.subscribe((event) => send({ type: 'event', event }));
  send({ type: 'ready' });
} catch (error) {
  // A full disk at start is said in Dutch, not with SQLite's English text.
  const message = isStorageFull(error)
    ? storageFullAtStartMessage
    : error instanceof Error
      ? error.message
      : String(error);
  send({ type: 'startup_error', message });
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    void (backend?.close() ?? Promise.resolve()).then(() => {
      send({ type: 'closed' });
      port.close();
    });
    return;
  }
  if (message.type === 'vault_result') {
    vaultReplies.get(message.id)?.(message.value);
    vaultReplies.delete(message.id);
    return;
  }
  if (!backend) return;
  void backend.invoke(message.channel, message.payload).then((result) => {
    send({ type: 'result', id: message.id, result });
  });
});
