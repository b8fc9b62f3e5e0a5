import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { acquireInstanceLock, InstanceLockedError } from './instance-lock';

const temps: { cleanup(): void }[] = [];
afterEach(() => {
  while (temps.length) temps.pop()?.cleanup();
});
const folder = () => {
  const temp = makeTempDir('cjib-lock-');
  temps.push(temp);
  return temp.dir;
};

describe('one app per data folder', () => {
  it('refuses a second holder while a live process holds the folder, in Dutch', async () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      acquireInstanceLock(dir, other.pid);
      expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
      expect(() => acquireInstanceLock(dir)).toThrow(/De app draait al met deze gegevensmap/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and releases its own', () => {
    const dir = folder();
    writeFileSync(join(dir, 'app.lock'), '999999'); // no such process
    const lock = acquireInstanceLock(dir);
    expect(existsSync(join(dir, 'app.lock'))).toBe(true);
    lock.release();
    expect(existsSync(join(dir, 'app.lock'))).toBe(false);
    acquireInstanceLock(dir).release();
  });
});
