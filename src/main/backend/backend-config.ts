import type { SessionUser } from '../../shared/ipc/contract';
import type { SyncEngineOptions } from '../sync/sync-engine';

/** What a host passes to the backend when it starts it (plain data: it crosses into a worker). */
export interface BackendConfig {
  /** A file path, or ':memory:' for component tests. */
  dbPath: string;
  migrationsDir: string;
  appVersion: string;
  /** The central API; without it the app runs on its local cache alone, as `localUser`. */
  centralUrl?: string | undefined;
  /** Per-request timeout towards the central API. */
  centralTimeoutMs?: number | undefined;
  /** The signed-in user when there is no central API (local demo mode). */
  localUser: SessionUser | null;
  /** Seed an empty cache with this much demo data (local demo mode only). */
  seedDemo?: { persons: number; claims: number } | undefined;
  sync?: SyncEngineOptions | undefined;
  /** Where the log file (with its rotated copies) goes; without it, stderr only. */
  logFile?: string | undefined;
}
