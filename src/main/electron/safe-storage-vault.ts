import { readFile, rm, writeFile } from 'node:fs/promises';
import { parseStoredSession, type SessionVault } from '../sync/session-vault';

/** The part of Electron's safeStorage this vault uses (the OS keychain / DPAPI / libsecret). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which store encrypts; 'basic_text' is a key built into Electron, no protection. */
  getSelectedStorageBackend?(): string;
}

/** Whether what safeStorage writes is really protected by the OS for this user. */
export function encryptionProtects(storage: SafeStorageLike): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  return storage.getSelectedStorageBackend?.() !== 'basic_text';
}

/**
 * The session kept between app starts, encrypted with safeStorage in a file of the user's profile.
 * Without OS encryption — none at all, or Linux without a keyring, where safeStorage falls back to
 * 'basic_text' (a fixed key anyone can apply) — nothing is written and a file left from before is
 * removed: the session then lasts as long as the app runs, like in the browser host.
 */
export function safeStorageVault(storage: SafeStorageLike, path: string): SessionVault {
  let memory: Awaited<ReturnType<SessionVault['load']>> = null;
  return {
    async load() {
      if (!encryptionProtects(storage)) {
        await rm(path, { force: true });
        return memory;
      }
      try {
        return parseStoredSession(JSON.parse(storage.decryptString(await readFile(path))));
      } catch {
        return null; // no file yet, or one this user's keychain cannot open
      }
    },
    async save(session) {
      if (!encryptionProtects(storage)) {
        memory = session;
        await rm(path, { force: true });
        return;
      }
      if (session === null) await rm(path, { force: true });
      else await writeFile(path, storage.encryptString(JSON.stringify(session)), { mode: 0o600 });
    },
  };
}
