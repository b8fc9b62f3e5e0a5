import { statSync } from 'node:fs';
import type { ResponseOf, SyncStatus } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import type { CacheRecovery } from '../db/cache-recovery';
import { redactFields, redactText } from '../logging/redact';
import type { RotatingLog } from '../logging/rotating-log';

/**
 * "Diagnose exporteren": what the support desk needs to understand a problem, and nothing of the
 * cases. Versions, the cache's health (quick_check, size, number of rows per table — counts,
 * not contents), the sync state, a recovery at start, and the last lines of the log, which are
 * redacted when written and once more here. No names, BSNs, amounts, notes or addresses.
 */
export interface DiagnosticsInput {
  db: Database;
  appVersion: string;
  sync: SyncStatus;
  reviews: number;
  recovery: CacheRecovery | null;
  log: RotatingLog | undefined;
  now?: Date;
}

export function exportDiagnostics(input: DiagnosticsInput): ResponseOf<'app.diagnostics'> {
  const { db } = input;
  const now = input.now ?? new Date();
  const tables = db.raw
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE '%_fts%' ORDER BY name`,
    )
    .all() as { name: string }[];
  const rowCounts = Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.raw.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n,
    ]),
  );
  const report = {
    generatedAt: now.toISOString(),
    app: {
      version: input.appVersion,
      schemaVersion: db.userVersion,
      platform: process.platform,
      arch: process.arch,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
    },
    cache: {
      sizeBytes: db.path === ':memory:' ? 0 : fileSize(db.path) + fileSize(`${db.path}-wal`),
      quickCheck: db.raw.pragma('quick_check', { simple: true }) as string,
      rowCounts,
      recovery: input.recovery ? { ...input.recovery, keptAs: fileName(input.recovery.keptAs) } : null,
    },
    sync: {
      connection: input.sync.connection,
      pendingCommands: input.sync.pendingCommands,
      reviews: input.reviews,
      lastSyncAt: input.sync.lastSyncAt,
      error: input.sync.error,
    },
    log: (input.log?.tail(300) ?? []).map(redactLine),
  };
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '');
  return { fileName: `cjib-diagnose-${stamp}.json`, json: JSON.stringify(report, null, 2) };
}

function redactLine(line: string): unknown {
  try {
    return redactFields(JSON.parse(line) as Record<string, unknown>);
  } catch {
    return redactText(line);
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}
