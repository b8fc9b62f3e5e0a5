import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../shared/ipc/result';
import type { BackendEvent } from '../../shared/ipc/events';
import type { Backend } from './backend';
import type { BackendConfig } from './backend-config';
import type { FromWorker, ToWorker } from './worker-protocol';
import { memoryVault, parseStoredSession, type SessionVault } from '../sync/session-vault';

/**
 * Starts the backend in a worker thread and talks to it by message. Resolves once the database
 * is open and migrated; rejects with the worker's own (Dutch) message if that fails.
 */
export function startBackendThread(config: BackendConfig, options: { vault?: SessionVault } = {}): Promise<Backend> {
  const worker = createWorker(config);
  const vault = options.vault ?? memoryVault();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: BackendEvent) => void>();
  let nextId = 1;
  let alive = true;

  const failAllPending = () => {
    for (const resolve of pending.values()) {
      resolve(fail('unavailable', 'De achtergrondverwerking is gestopt. Start de app opnieuw.'));
    }
    pending.clear();
  };

  return new Promise<Backend>((resolveStart, rejectStart) => {
    let closed: (() => void) | undefined;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolveStart(backend);
          break;
        case 'startup_error':
          alive = false;
          void worker.terminate();
          rejectStart(new Error(message.message));
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'closed':
          closed?.();
          break;
        case 'event':
          for (const listener of listeners) listener(message.event);
          break;
        case 'vault': {
          const reply = (value: unknown) =>
            worker.postMessage({ type: 'vault_result', id: message.id, value } satisfies ToWorker);
          if (message.op === 'load') void vault.load().then(reply, () => reply(null));
          else
            void vault.save(parseStoredSession(message.value)).then(
              () => reply(null),
              () => reply(null),
            );
          break;
        }
      }
    });
    worker.on('error', (error) => {
      alive = false;
      failAllPending();
      rejectStart(error);
    });
    worker.on('exit', () => {
      alive = false;
      failAllPending();
      closed?.();
    });

    const backend: Backend = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      invoke(channel, payload) {
        if (!alive)
          return Promise.resolve(fail('unavailable', 'De achtergrondverwerking is gestopt. Start de app opnieuw.'));
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          worker.postMessage({ type: 'invoke', id, channel, payload } satisfies ToWorker);
        });
      },
      close(timeoutMs = 5000) {
        if (!alive) return Promise.resolve();
        const done = new Promise<void>((resolve) => {
          closed = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
        worker.postMessage({ type: 'close' } satisfies ToWorker);
        return done.then(async () => {
          alive = false;
          await worker.terminate();
        });
      },
    };
  });
}

function createWorker(config: BackendConfig): Worker {
  const isTypeScript = import.meta.url.endsWith('.ts');
  if (isTypeScript) {
    return new Worker(new URL('./tsx-worker-bootstrap.mjs', import.meta.url), {
      workerData: { config, entry: new URL('./backend-worker.ts', import.meta.url).href },
    });
  }
  return new Worker(new URL('./backend-worker.mjs', import.meta.url), { workerData: { config } });
}
