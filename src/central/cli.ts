import { parseArgs } from 'node:util';
import { startCentralServer } from './central-server';

/**
 * `npm run central -- [--demo] [--data-dir DIR] [--port N] [--persons N] [--claims N] [--seed N] [--memory]
 *                     [--sign-ins-per-minute N]`
 * The reference central API: PostgreSQL when DATABASE_URL is set (the API's login; migrations as
 * MIGRATION_DATABASE_URL when given), otherwise embedded PGlite (in DIR, or in memory with
 * --memory). Demo teams, users and cases go into an empty store only with --demo.
 * --sign-ins-per-minute: sign-ins and refreshes allowed per source address (default 60; a load
 * test signs in hundreds of simulated desktops from one address).
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/central' },
    memory: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    persons: { type: 'string', default: '1500' },
    claims: { type: 'string', default: '4000' },
    seed: { type: 'string', default: '20261129' },
    'sign-ins-per-minute': { type: 'string' },
  },
});

const server = await startCentralServer({
  databaseUrl: process.env.DATABASE_URL,
  migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL,
  dataDir: values.memory ? undefined : values['data-dir'],
  port: Number(values.port),
  seed: values.demo
    ? { persons: Number(values.persons), claims: Number(values.claims), seed: Number(values.seed) }
    : undefined,
  ...(values['sign-ins-per-minute']
    ? { authRateLimit: { max: Number(values['sign-ins-per-minute']), timeWindowMs: 60_000 } }
    : {}),
});
// The launcher (src/main/start.ts) waits for this exact line.
process.stdout.write(`CENTRAL_API_LISTENING ${server.url}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
