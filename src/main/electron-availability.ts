import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronAvailability = { available: true; binary: string } | { available: false; reason: string };

/**
 * Whether `electron .` can start here, decided without importing `electron` (which, under plain
 * Node, would try to download the binary). Electron 42+ fetches its binary on first use, so an
 * installed package alone proves nothing.
 */
export function electronAvailability(env: NodeJS.ProcessEnv = process.env): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'het npm-pakket electron is niet geïnstalleerd' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !existsSync(binary)) {
    return {
      available: false,
      reason: 'het Electron-programma is op deze machine niet te downloaden of niet aanwezig',
    };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'er is geen grafisch scherm (DISPLAY) beschikbaar' };
  }
  return { available: true, binary };
}
