import type { SessionUser } from '../../shared/ipc/contract';

/** What a host passes to the backend when it starts it (plain data: it crosses into a worker). */
export interface BackendConfig {
  /** A file path, or ':memory:' for component tests. */
  dbPath: string;
  migrationsDir: string;
  appVersion: string;
  /** The signed-in user until sign-in against the central API exists. */
  localUser: SessionUser | null;
  /** Seed an empty cache with this much demo data. */
  seedDemo?: { persons: number; claims: number } | undefined;
}
