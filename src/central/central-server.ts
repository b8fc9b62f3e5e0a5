import type { FastifyInstance } from 'fastify';
import { AuthService, loadSigningKey } from './auth/auth-service';
import { migrateCentral } from './db/migrate';
import { openSqlClient, type SqlClient } from './db/sql-client';
import { seedCentralDemo } from './demo/seed';
import { buildCentralApp } from './http/app';
import type { ProcessorOptions } from './sync/command-processor';

export interface CentralServerOptions {
  /** A PostgreSQL server; without it, embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; without it, in memory. */
  dataDir?: string | undefined;
  port?: number;
  seed?: { persons: number; claims: number; seed?: number } | undefined;
  version?: string;
  processor?: ProcessorOptions;
}

export interface CentralServer {
  url: string;
  db: SqlClient;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Opens the store, migrates it, seeds demo data if empty, and listens on 127.0.0.1. */
export async function startCentralServer(options: CentralServerOptions = {}): Promise<CentralServer> {
  const db = await openSqlClient(options);
  await migrateCentral(db);
  if (options.seed) await seedCentralDemo(db, options.seed);
  const signingKey = await loadSigningKey(db);
  const app = buildCentralApp({
    db,
    auth: new AuthService(db, signingKey),
    signingKey,
    version: options.version ?? '0.1.0',
    ...(options.processor ? { processor: options.processor } : {}),
  });
  const address = await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  return {
    url: address,
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
