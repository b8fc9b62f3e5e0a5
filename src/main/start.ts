import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ensurePrivateDir } from '../platform/private-files';
import { startBackendThread } from './backend/backend-thread';
import { startBrowserHost } from './browser-host/browser-host';
import { electronAvailability } from './electron-availability';
import { acquireInstanceLock } from './instance-lock';

/**
 * `npm start`: the app on an embedded default. Without CENTRAL_API_URL it first starts the
 * reference central API (PGlite in .data/central, demo data) in its own process; then Electron
 * where its binary can run, otherwise the browser host on 127.0.0.1. `--browser` forces the
 * browser host. Ctrl-C stops everything.
 */

const root = resolve(import.meta.dirname, '..', '..');
const forceBrowser = process.argv.includes('--browser') || process.env.CJIB_HOST === 'browser';
const appVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const dataDir = resolve(process.env.CJIB_DATA_DIR ?? join(root, '.data'));
try {
  ensurePrivateDir(dataDir);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

async function stopAll(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stdout.write('\nBezig met afsluiten…\n');
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    for (const child of children) child.kill('SIGTERM');
  }
  process.exit(code);
}
process.once('SIGINT', () => void stopAll());
process.once('SIGTERM', () => void stopAll());

/** Starts the embedded reference central API and resolves with its URL. */
function startEmbeddedCentral(): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/central/cli.ts'), '--demo', '--data-dir', join(dataDir, 'central')],
    { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  children.push(child);
  return new Promise((resolveUrl, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('CENTRAL_API_LISTENING ')) resolveUrl(line.slice('CENTRAL_API_LISTENING '.length));
    });
    child.on('exit', (code) => reject(new Error(`de centrale API stopte onverwacht (code ${code})`)));
  });
}

async function startElectron(binary: string, centralUrl: string): Promise<void> {
  const child = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, CENTRAL_API_URL: centralUrl } });
  children.push(child);
  child.on('exit', (code) => void stopAll(code ?? 0));
}

async function startBrowser(reason: string, centralUrl: string): Promise<void> {
  const backend = await startBackendThread({
    dbPath: join(dataDir, 'cache.sqlite'),
    logFile: join(dataDir, 'logs', 'cjib.log'),
    migrationsDir: join(root, 'migrations', 'local'),
    appVersion,
    centralUrl,
    localUser: null,
  });
  cleanups.push(() => backend.close());
  const host = await startBrowserHost({
    backend,
    staticDir: join(root, 'dist', 'renderer'),
    port: Number(process.env.CJIB_PORT ?? 0),
  });
  cleanups.push(() => host.close());
  process.stdout.write(`\nCJIB Zaakbehandeling draait in de browserhost (${reason}).\n`);
  process.stdout.write(`Open in uw browser: ${host.url}\n`);
  process.stdout.write(`Centrale API: ${centralUrl}\n`);
  process.stdout.write(
    'Demo-gebruikers: sdevries, pvisser, ljansen, jbakker (inning), mpostma (teamleider inning), famrani (slachtofferinformatie), wdekker (teamleider slachtofferinformatie), hkok (beheer)\n',
  );
  process.stdout.write('Wachtwoord voor alle demo-gebruikers: Welkom-CJIB-2026\n');
  process.stdout.write('Stoppen: Ctrl-C\n\n');
}

try {
  const lock = acquireInstanceLock(dataDir);
  cleanups.push(async () => lock.release());
  const centralUrl = process.env.CENTRAL_API_URL ?? (await startEmbeddedCentral());
  const electron = forceBrowser ? null : electronAvailability();
  if (electron?.available) await startElectron(electron.binary, centralUrl);
  else
    await startBrowser(
      forceBrowser ? 'browserhost gevraagd' : `Electron niet beschikbaar: ${electron?.reason ?? ''}`,
      centralUrl,
    );
} catch (error) {
  process.stderr.write(`De app kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAll(1);
}
