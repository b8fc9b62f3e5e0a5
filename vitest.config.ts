import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects, run by `npm test` (tests/run-all.ts) one after another:
//   unit       node: domain, db on real SQLite files, IPC, hosts, lint boundaries
//   component  jsdom: React screens wired to a real backend on an in-memory database
//   e2e        node + playwright-core driving Debian's chromium against the browser host
export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'build/**/*.test.ts'],
          setupFiles: ['tests/setup/unit-setup.ts'],
          testTimeout: 20_000,
          // Starting a central (migrations, demo seed, scrypt hashes) takes seconds on a loaded 2-core machine.
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.tsx'],
          setupFiles: ['tests/setup/component-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          // Generous: a shared 2-core CI machine runs chromium, the backend and the server at once.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
