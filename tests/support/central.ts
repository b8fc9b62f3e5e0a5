import { startCentralServer, type CentralServer, type CentralServerOptions } from '../../src/central/central-server';

/** The real reference server on loopback: PGlite in memory unless told otherwise, or PostgreSQL with TEST_DATABASE_URL. */
export function startTestCentral(options: CentralServerOptions = {}): Promise<CentralServer> {
  return startCentralServer({
    seed: { persons: 120, claims: 400 },
    ...(process.env.TEST_DATABASE_URL && !options.dataDir ? { databaseUrl: process.env.TEST_DATABASE_URL } : {}),
    ...options,
  });
}

export const demoLogin = { username: 'sdevries', password: 'Welkom-CJIB-2026' };
