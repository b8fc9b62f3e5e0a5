import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  apiRole,
  startCentralServer,
  type CentralServer,
  type CentralServerOptions,
} from '../../src/central/central-server';

/**
 * The real reference server on loopback. By default on PGlite (in memory, or in `dataDir`);
 * with TEST_DATABASE_URL set, on that PostgreSQL server instead, in a fresh database per start
 * (the same database again for the same `dataDir`, so restart tests restart onto the same data),
 * migrated as the owner and served as the API's own login (a member of cjib_api), as in production.
 */
export async function startTestCentral(options: CentralServerOptions = {}): Promise<CentralServer> {
  const base = { seed: { persons: 120, claims: 400 }, ...options };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return startCentralServer(base);

  const key = options.dataDir ? createHash('sha256').update(options.dataDir).digest('hex') : randomUUID();
  const name = `cjib_t_${key.replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    createdDatabases.add(name);
    await ensureApiLogin(admin);
  } finally {
    await admin.end();
  }
  const ownerUrl = databaseUrl(adminUrl, name);
  const apiUrl = new URL(ownerUrl);
  apiUrl.username = apiLogin.name;
  apiUrl.password = apiLogin.password;
  const { dataDir: _ignored, ...rest } = base;
  const nodeOptions: CentralServerOptions = {
    ...rest,
    migrationDatabaseUrl: ownerUrl,
    databaseUrl: apiUrl.toString(),
    // The same signing keys again after a restart onto the same database.
    masterKey: createHash('sha256').update(`master:${name}`).digest(),
  };
  const server = await startCentralServer(nodeOptions);
  ownerUrls.set(server, ownerUrl);
  nodeOptionsOf.set(server, nodeOptions);
  return server;
}

const ownerUrls = new WeakMap<CentralServer, string>();
const nodeOptionsOf = new WeakMap<CentralServer, CentralServerOptions>();

/** Whether these tests run on a PostgreSQL server, where several API nodes can share one database. */
export const onPostgresql = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Another API process on the same PostgreSQL database as `server` (same owner, login and master
 * key): what a second node behind a load balancer would be. Only on PostgreSQL.
 */
export async function startAnotherNode(server: CentralServer, options: CentralServerOptions = {}) {
  const base = nodeOptionsOf.get(server);
  if (!base) throw new Error('another API node needs a test server on PostgreSQL (TEST_DATABASE_URL)');
  const node = await startCentralServer({ ...base, ...options });
  ownerUrls.set(node, ownerUrls.get(server) ?? '');
  nodeOptionsOf.set(node, base);
  return node;
}

/**
 * Runs SQL as the owner of the test server's tables (DDL a test needs, such as a trigger that
 * injects a fault). On PGlite that is the server's own connection.
 */
export async function execAsOwner(server: CentralServer, script: string): Promise<void> {
  const url = ownerUrls.get(server);
  if (!url) return server.db.exec(script);
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(script);
  } finally {
    await owner.end();
  }
}

/** The owner's URL of the database a PostgreSQL test server uses, for tests that must act as the owner. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const apiLogin = { name: 'cjib_api_test', password: 'cjib-api-test' };

/** The databases this test file made on the shared server; tests/setup/unit-setup.ts drops them. */
const createdDatabases = new Set<string>();

/** Registers a database a test made by hand, so it is dropped with the others. */
export function registerTestDatabase(name: string): void {
  createdDatabases.add(name);
}

/**
 * Drops every database this test file made, ending only their own connections (a server still
 * open in a failed test). The shared server itself is never restarted or touched otherwise.
 */
export async function dropCreatedDatabases(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl || createdDatabases.size === 0) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of createdDatabases) {
      if (!/^cjib_t_[0-9a-f]{16}$/.test(name)) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    createdDatabases.clear();
  } finally {
    await admin.end();
  }
}

/** The API's login for test servers: cluster-wide, made once, shared by every test database. */
async function ensureApiLogin(admin: pg.Client): Promise<void> {
  for (const statement of [
    `CREATE ROLE ${apiRole} NOLOGIN`,
    `CREATE ROLE ${apiLogin.name} LOGIN PASSWORD '${apiLogin.password}' IN ROLE ${apiRole}`,
  ]) {
    await admin.query(statement).catch((error: { code?: string }) => {
      // 42710: exists already; 23505: another test file created it at the same moment
      if (error.code !== '42710' && error.code !== '23505') throw error;
    });
  }
}

export const demoLogin = { username: 'sdevries', password: 'Welkom-CJIB-2026' };
