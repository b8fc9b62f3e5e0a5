import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBackendThread } from './backend/backend-thread';
import { demoLocalUser, demoSeedSize } from './backend/local-defaults';
import { startBrowserHost } from './browser-host/browser-host';
import { electronAvailability } from './electron-availability';

/**
 * `npm start`: Electron where its binary can run, otherwise the browser host on 127.0.0.1.
 * `--browser` (npm run start:browser) forces the browser host. Ctrl-C stops everything.
 */

const root = resolve(import.meta.dirname, '..', '..');
const forceBrowser = process.argv.includes('--browser') || process.env.CJIB_HOST === 'browser';
const appVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

async function startElectron(binary: string): Promise<void> {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startBrowser(reason: string): Promise<void> {
  const dataDir = resolve(process.env.CJIB_DATA_DIR ?? join(root, '.data'));
  mkdirSync(dataDir, { recursive: true });
  const backend = await startBackendThread({
    dbPath: join(dataDir, 'cache.sqlite'),
    migrationsDir: join(root, 'migrations', 'local'),
    appVersion,
    localUser: demoLocalUser,
    seedDemo: demoSeedSize,
  });
  const host = await startBrowserHost({
    backend,
    staticDir: join(root, 'dist', 'renderer'),
    port: Number(process.env.CJIB_PORT ?? 0),
  });
  process.stdout.write(`\nCJIB Zaakbehandeling draait in de browserhost (${reason}).\n`);
  process.stdout.write(`Open in uw browser: ${host.url}\n`);
  process.stdout.write('Stoppen: Ctrl-C\n\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nBezig met afsluiten…\n');
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const electron = forceBrowser ? null : electronAvailability();
if (electron?.available) {
  await startElectron(electron.binary);
} else {
  await startBrowser(forceBrowser ? 'browserhost gevraagd' : `Electron niet beschikbaar: ${electron?.reason ?? ''}`);
}
