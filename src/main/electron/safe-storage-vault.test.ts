import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { safeStorageVault, type SafeStorageLike } from './safe-storage-vault';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

// Electron cannot start on this machine, so safeStorage is stood in for by a reversible cipher
// (XOR): enough to show the file never holds the token in plain text and a foreign file is refused.
function fakeSafeStorage(available = true, key = 0x5a): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => xor(Buffer.from(text, 'utf8')),
    decryptString: (data) => xor(data).toString('utf8'),
  };
}

const session = {
  username: 'sdevries',
  refreshToken: 'r3fr3sh-t0k3n-secret',
  user: { id: 'u-sdevries', displayName: 'Sanne de Vries', role: 'medewerker_inning' as const, teamName: 'T' },
};

describe('safeStorage session vault', () => {
  it('keeps the session encrypted on disk, reads it back, and removes it on sign-out', async () => {
    const path = join(temp.dir, 'session.bin');
    const vault = safeStorageVault(fakeSafeStorage(), path);
    expect(await vault.load()).toBeNull();
    await vault.save(session);
    expect(readFileSync(path).toString('latin1')).not.toContain('r3fr3sh');
    expect(await safeStorageVault(fakeSafeStorage(), path).load()).toEqual(session);
    // Another user's keychain (another key) cannot read it: no session, no error.
    expect(await safeStorageVault(fakeSafeStorage(true, 0x33), path).load()).toBeNull();
    await vault.save(null);
    expect(existsSync(path)).toBe(false);
  });

  it('writes nothing to disk without OS encryption and keeps the session in memory only', async () => {
    const path = join(temp.dir, 'plain.bin');
    const vault = safeStorageVault(fakeSafeStorage(false), path);
    await vault.save(session);
    expect(existsSync(path)).toBe(false);
    expect(await vault.load()).toEqual(session);
  });

  it("writes nothing on Linux when safeStorage has only 'basic_text' (a fixed key), and removes a file left from before", async () => {
    const path = join(temp.dir, 'basic.bin');
    // A file written while a keyring was there.
    await safeStorageVault(fakeSafeStorage(), path).save(session);
    expect(existsSync(path)).toBe(true);
    const basic = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'basic_text' };
    const vault = safeStorageVault(basic, path);
    expect(await vault.load()).toBeNull();
    expect(existsSync(path)).toBe(false);
    await vault.save(session);
    expect(existsSync(path)).toBe(false);
    expect(await vault.load()).toEqual(session); // for as long as the app runs
    const keyring = { ...fakeSafeStorage(), getSelectedStorageBackend: () => 'gnome_libsecret' };
    await safeStorageVault(keyring, path).save(session);
    expect(existsSync(path)).toBe(true);
  });
});
