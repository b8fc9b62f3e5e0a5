import { readFile, rm, writeFile } from 'node:fs/promises';
import { parseStoredSession, type SessionVault } from '../sync/session-vault';

/** The part of Electron's safeStorage this vault uses (the OS keychain / DPAPI / libsecret). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The session kept between app starts, encrypted with safeStorage in a file of the user's profile.
 * Without OS encryption (a Linux desktop without a keyring) nothing is written: the session then
 * lasts as long as the app runs, like in the browser host.
 */
export function safeStorageVault(storage: SafeStorageLike, path: string): SessionVault {
  let memory: Awaited<ReturnType<SessionVault['load']>> = null;
  return {
    async load() {
      if (!storage.isEncryptionAvailable()) return memory;
      try {
        return parseStoredSession(JSON.parse(storage.decryptString(await readFile(path))));
      } catch {
        return null; // no file yet, or one this user's keychain cannot open
      }
    },
    async save(session) {
      if (!storage.isEncryptionAvailable()) {
        memory = session;
        return;
      }
      if (session === null) await rm(path, { force: true });
      else await writeFile(path, storage.encryptString(JSON.stringify(session)), { mode: 0o600 });
    },
  };
}
