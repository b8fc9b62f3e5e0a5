import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders and files that hold personal data (the local cache, the central's PGlite store, logs,
 * keys) are the user's alone: folders 0700, files 0600. Node code of both hosts (src/main and
 * src/central) uses this; it imports nothing of either.
 */
export class PrivateStoreError extends Error {
  override readonly name = 'PrivateStoreError';
}

const posix = process.platform !== 'win32';

/**
 * Makes `dir` a private folder (created 0700, or narrowed to it), and refuses one that another
 * user owns or that everyone may write to: someone could have put files in it (a changed audit
 * trigger, a planted cache), so the app does not open what is inside.
 */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  if (!info.isDirectory()) throw new PrivateStoreError(`${dir} is geen map; de app slaat daar niets op.`);
  if (!posix) return;
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) {
    throw new PrivateStoreError(
      `De map ${dir} is van een andere gebruiker; de app opent hem niet. Kies een eigen map (CJIB_DATA_DIR).`,
    );
  }
  if (info.mode & 0o002) {
    throw new PrivateStoreError(
      `De map ${dir} is schrijfbaar voor alle gebruikers van deze computer; de app opent hem niet, want iemand anders kan er iets in hebben veranderd. Maak de map alleen voor uzelf toegankelijk (chmod 700 ${dir}) of kies een andere map.`,
    );
  }
  if ((info.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}

/**
 * Every file under `dir` 0600 and every folder 0700 (symbolic links left alone). PGlite, for one,
 * creates its files 0666 whatever the umask.
 */
export function tightenTree(dir: string): void {
  if (!posix || !existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodSync(path, 0o700);
      tightenTree(path);
    } else if (entry.isFile() && lstatSync(path).mode & 0o077) chmodSync(path, 0o600);
  }
}

/** One file (the cache and its -wal and -shm, a log): 0600 when it exists. */
export function tightenFile(path: string): void {
  if (posix && existsSync(path) && lstatSync(path).mode & 0o077) chmodSync(path, 0o600);
}
