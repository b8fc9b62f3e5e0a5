import { afterAll } from 'vitest';
import { dropCreatedDatabases } from '../support/central';

// Registered before any test file's own hooks, so it runs after them (hooks run as a stack): the
// servers are closed first, then the databases this file made on a shared PostgreSQL are dropped.
afterAll(async () => {
  await dropCreatedDatabases();
}, 60_000);
