import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCentralServer } from '../../src/central/central-server';
import { createBackend } from '../../src/main/backend/backend';
import { ensurePrivateDir, PrivateStoreError, tightenTree } from '../../src/platform/private-files';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

const temp = makeTempDir();
// The temp folder itself is made 0700: open it, so the folders under test are all that guards their files.
chmodSync(temp.dir, 0o755);
afterAll(() => temp.cleanup());
const modeOf = (path: string) => statSync(path).mode & 0o777;
const isRoot = process.getuid?.() === 0;

/** What another local user can read, tried as `nobody` (only possible when the tests run as root). */
function nobodyCanRead(path: string): boolean {
  return spawnSync('su', ['-s', '/bin/sh', 'nobody', '-c', `cat '${path}' > /dev/null`]).status === 0;
}

/** Every file and folder under `dir` that anyone but the owner may read, write or enter. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const info = statSync(path);
    if (info.mode & 0o077) found.push(`${path} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

describe.skipIf(process.platform === 'win32')('private files', () => {
  it('narrows a folder to 0700 and its files to 0600, and refuses one that everyone may write', () => {
    const dir = join(temp.dir, 'data-a');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'cache.sqlite'), 'x', { mode: 0o644 });
    ensurePrivateDir(dir);
    tightenTree(dir);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'cache.sqlite'))).toBe(0o600);

    const open = join(temp.dir, 'data-b');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(() => ensurePrivateDir(open)).toThrow(PrivateStoreError);
    expect(() => ensurePrivateDir(open)).toThrow(
      /schrijfbaar voor alle gebruikers van deze computer; de app opent hem niet/,
    );
    expect(modeOf(open)).toBe(0o777); // left as it was: nothing in it was opened
  });

  it('keeps the central’s PGlite store (catalog, audit trigger, master key) from every other user', async () => {
    const dataDir = join(temp.dir, 'central');
    const server = await startCentralServer({ dataDir, seed: { persons: 5, claims: 10 } });
    try {
      expect(openToOthers(dataDir)).toEqual([]);
      if (isRoot) expect(nobodyCanRead(join(dataDir, 'master.key'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('keeps the local cache and the log from every other user', async () => {
    const dataDir = join(temp.dir, 'desktop');
    const backend = createBackend({
      dbPath: join(dataDir, 'cache.sqlite'),
      migrationsDir: localMigrationsDir,
      appVersion: '0.0.0',
      localUser: null,
      logFile: join(dataDir, 'logs', 'cjib.log'),
    });
    try {
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(join(dataDir, 'cache.sqlite'))).toBe(0o600);
      expect(openToOthers(dataDir)).toEqual([]);
      if (isRoot) expect(nobodyCanRead(join(dataDir, 'cache.sqlite'))).toBe(false);
    } finally {
      await backend.close();
    }
  });

  it.runIf(isRoot)('is tested for real: nobody could read a file before it was narrowed', () => {
    const dir = join(temp.dir, 'world');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const file = join(dir, 'cache.sqlite');
    writeFileSync(file, 'BSN 123456782');
    chmodSync(file, 0o644);
    expect(nobodyCanRead(file)).toBe(true);
    ensurePrivateDir(dir);
    tightenTree(dir);
    expect(nobodyCanRead(file)).toBe(false);
  });
});
