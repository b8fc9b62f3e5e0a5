import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One app per data folder for the browser host (Electron has its own single-instance lock): a
 * second `npm start` on the same folder would open the same cache with a second writer and a
 * second sync engine. The lock is a file with the holder's process id, taken with an exclusive
 * create; a lock whose process is gone (a crash, a kill) is taken over.
 */
export class InstanceLockedError extends Error {
  constructor(readonly holderPid: number) {
    super(`De app draait al met deze gegevensmap (proces ${holderPid}). Gebruik dat venster, of stop het eerst.`);
    this.name = 'InstanceLockedError';
  }
}

export function acquireInstanceLock(dataDir: string, pid = process.pid): { release(): void } {
  const path = join(dataDir, 'app.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(pid), { flag: 'wx' });
      return {
        release: () => {
          if (holder(path) === pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const other = holder(path);
      if (other !== null && other !== pid && isAlive(other)) throw new InstanceLockedError(other);
      rmSync(path, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`${path}: de vergrendeling kon niet worden genomen`);
}

function holder(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
