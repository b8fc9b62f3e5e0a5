import type { FastifyInstance } from 'fastify';
import { AuthService } from './auth/auth-service';
import { KeyRing } from './auth/key-ring';
import { resolveMasterKey } from './auth/master-key';
import { migrateCentral } from './db/migrate';
import { ensurePrivateDir, tightenTree } from '../platform/private-files';
import { openSqlClient, type SqlClient } from './db/sql-client';
import { seedCentralDemo } from './demo/seed';
import { buildCentralApp, type AuthRateLimit } from './http/app';
import type { ProcessorOptions } from './sync/command-processor';
import { FeedEvents } from './sync/feed-events';

/** The role the API acts as (migrations/central/0130_api_role.sql): it may only append to the audit log. */
export const apiRole = 'cjib_api';

const keyReloadMs = 60_000;
/** How long a stopping node lets requests in progress finish before it cuts their connections. */
const closeGraceMs = 2_000;

export interface CentralServerOptions {
  /** A PostgreSQL server, as the API's own login (a member of cjib_api); without it, embedded PGlite. */
  databaseUrl?: string | undefined;
  /**
   * The owner of the tables, for migrations and the demo seed only. Without it, `databaseUrl` is
   * the owner's and the API drops to cjib_api on every connection after migrating.
   */
  migrationDatabaseUrl?: string | undefined;
  /** PGlite data folder (and the master key's folder); without it, in memory. */
  dataDir?: string | undefined;
  /** Seals the signing keys; see master-key.ts for where it comes from otherwise. */
  masterKey?: Buffer | undefined;
  port?: number;
  /** Demo teams, users and cases, put into an empty store. Only when asked: never into a real one by default. */
  seed?: { persons: number; claims: number; seed?: number } | undefined;
  version?: string;
  processor?: ProcessorOptions;
  authRateLimit?: AuthRateLimit;
  /** How long a just-rotated refresh token is still answered (auth-service.ts); tests of rotation use 0. */
  refreshReuseGraceMs?: number | undefined;
}

export interface CentralServer {
  url: string;
  db: SqlClient;
  app: FastifyInstance;
  auth: AuthService;
  keys: KeyRing;
  close(): Promise<void>;
}

/** Opens the store, migrates it as its owner, seeds demo data if asked, and listens on 127.0.0.1. */
export async function startCentralServer(options: CentralServerOptions = {}): Promise<CentralServer> {
  const ownerUrl = options.migrationDatabaseUrl ?? options.databaseUrl;
  // The embedded store, its catalog (with the audit log's trigger) and the master key: this user's alone.
  if (options.dataDir && !ownerUrl) ensurePrivateDir(options.dataDir);
  const owner = await openSqlClient({ databaseUrl: ownerUrl, dataDir: options.dataDir });
  if (options.dataDir && !ownerUrl) tightenTree(options.dataDir);
  let db: SqlClient = owner;
  try {
    await migrateCentral(owner);
    if (options.seed) await seedCentralDemo(owner, options.seed);
    if (owner.engine === 'postgresql') {
      await owner.close();
      db = await openSqlClient({
        databaseUrl: options.databaseUrl,
        role: options.migrationDatabaseUrl ? undefined : apiRole,
      });
    }
    // PGlite is one embedded connection in this process: it keeps the owner's rights, and the
    // append-only trigger is what guards its audit log.
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const feedEvents = new FeedEvents();
  await feedEvents.start(db);
  const keys = await KeyRing.open(db, resolveMasterKey(options));
  const auth = new AuthService(db, keys, Date.now, options.refreshReuseGraceMs);
  const app = buildCentralApp({
    db,
    auth,
    version: options.version ?? '0.1.0',
    feedEvents,
    ...(options.processor ? { processor: options.processor } : {}),
    ...(options.authRateLimit ? { authRateLimit: options.authRateLimit } : {}),
  });
  // Other nodes may rotate the signing key; each node reads the keys again well within a token's life.
  const keyReload = setInterval(() => void keys.reload(db).catch(() => undefined), keyReloadMs);
  keyReload.unref();
  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: address,
    db,
    app,
    auth,
    keys,
    close: async () => {
      clearInterval(keyReload);
      // The app first: a request that arrives meanwhile would keep its connection (keep-alive) open.
      // A connection still busy after a grace period is cut, so a stopping node never hangs.
      const cut = setTimeout(() => app.server.closeAllConnections(), closeGraceMs);
      await app.close();
      clearTimeout(cut);
      await feedEvents.close();
      await db.close();
    },
  };
}
