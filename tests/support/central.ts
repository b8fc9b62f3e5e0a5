import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { startCentralServer, type CentralServer, type CentralServerOptions } from '../../src/central/central-server';

/**
 * The real reference server on loopback. By default on PGlite (in memory, or in `dataDir`);
 * with TEST_DATABASE_URL set, on that PostgreSQL server instead, in a fresh database per start
 * (the same database again for the same `dataDir`, so restart tests restart onto the same data).
 */
export async function startTestCentral(options: CentralServerOptions = {}): Promise<CentralServer> {
  const base = { seed: { persons: 120, claims: 400 }, ...options };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return startCentralServer(base);

  const name = options.dataDir
    ? `cjib_t_${createHash('sha256').update(options.dataDir).digest('hex').slice(0, 16)}`
    : `cjib_t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { dataDir: _ignored, ...rest } = base;
  return startCentralServer({ ...rest, databaseUrl: url.toString() });
}

export const demoLogin = { username: 'sdevries', password: 'Welkom-CJIB-2026' };
