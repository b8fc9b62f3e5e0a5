// Development only: lets a worker thread run a TypeScript entry through tsx.
// The packaged app bundles the worker to plain JavaScript and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
