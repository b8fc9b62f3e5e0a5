import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for real SQLite files; removed by the returned cleanup. */
export function makeTempDir(prefix = 'cjib-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const localMigrationsDir = join(import.meta.dirname, '..', '..', 'migrations', 'local');
