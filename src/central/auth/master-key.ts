import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../platform/private-files';

/**
 * The master key that seals the token-signing keys in the database (key-ring.ts). It never
 * lives in the database itself: CENTRAL_MASTER_KEY (base64, 32 bytes) from the environment or
 * a secret store; otherwise `master.key` in the server's data folder, created once, readable by
 * its owner only; a server without either (in memory, tests) makes one for its own lifetime.
 */
export function resolveMasterKey(options: { masterKey?: Buffer | undefined; dataDir?: string | undefined }): Buffer {
  const fromEnv = process.env.CENTRAL_MASTER_KEY;
  if (fromEnv) return checked(Buffer.from(fromEnv, 'base64'), 'CENTRAL_MASTER_KEY');
  if (options.masterKey) return checked(options.masterKey, 'masterKey');
  if (!options.dataDir) return randomBytes(32);
  const file = join(options.dataDir, 'master.key');
  if (existsSync(file)) return checked(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), file);
  ensurePrivateDir(options.dataDir);
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

function checked(key: Buffer, source: string): Buffer {
  if (key.length !== 32) throw new Error(`${source}: de hoofdsleutel moet 32 bytes zijn (base64).`);
  return key;
}
