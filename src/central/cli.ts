import { parseArgs } from 'node:util';
import { startCentralServer } from './central-server';

/**
 * `npm run central -- [--data-dir DIR] [--port N] [--persons N] [--claims N] [--seed N] [--memory]`
 * The reference central API: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite
 * (in DIR, or in memory with --memory). Seeds demo data into an empty store.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/central' },
    memory: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    persons: { type: 'string', default: '1500' },
    claims: { type: 'string', default: '4000' },
    seed: { type: 'string', default: '20261129' },
  },
});

const server = await startCentralServer({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: values.memory ? undefined : values['data-dir'],
  port: Number(values.port),
  seed: { persons: Number(values.persons), claims: Number(values.claims), seed: Number(values.seed) },
});
// The launcher (src/main/start.ts) waits for this exact line.
process.stdout.write(`CENTRAL_API_LISTENING ${server.url}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
