import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, safeStorage, session, shell } from 'electron';
import { productionMenu } from './app-menu';
import type { Backend } from '../backend/backend';
import { startBackendThread } from '../backend/backend-thread';
import { appEntryUrl } from '../security/app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { forwardBackendEvents, registerIpcBridge } from './ipc-bridge';
import { safeStorageVault } from './safe-storage-vault';
import { holdSingleInstance } from './single-instance';
import { guardDownloads, hardenSession, hardenWebContents } from './web-contents-security';

// Bundled to dist/main/electron-main.mjs; its siblings are dist/renderer, dist/preload, dist/migrations.
const distDir = fileURLToPath(new URL('..', import.meta.url));

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, (url) => void shell.openExternal(url)),
);

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

async function main(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  // A packaged app has no reload (the idle lock is the backend's anyway) and no developer tools.
  if (app.isPackaged) Menu.setApplicationMenu(Menu.buildFromTemplate(productionMenu));
  guardDownloads(session.defaultSession);
  serveAppProtocol(join(distDir, 'renderer'));
  backend = await startBackendThread(
    {
      dbPath: join(app.getPath('userData'), 'cache.sqlite'),
      logFile: join(app.getPath('logs'), 'cjib.log'),
      migrationsDir: join(distDir, 'migrations', 'local'),
      appVersion: app.getVersion(),
      // Set by `npm start` (embedded reference server) or by the installation's configuration.
      centralUrl: process.env.CENTRAL_API_URL,
      localUser: null,
    },
    // The session survives a restart, encrypted by the OS (safeStorage); the browser host keeps it in memory.
    { vault: safeStorageVault(safeStorage, join(app.getPath('userData'), 'session.bin')) },
  );
  registerIpcBridge(ipcMain, backend);

  const window = (mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'CJIB Zaakbehandeling',
    show: false,
    webPreferences: {
      // Reviewed (electronegativity PRELOAD_JS_CHECK): the preload exposes two functions,
      // invoke(channel, request) for channels named in the contract and subscribe(listener) for
      // the backend's events (plain data, validated by the page); it runs sandboxed with context
      // isolation, and the main process checks the sender frame of every call.
      preload: join(distDir, 'preload', 'preload.cjs'),
      // Middle-click must not open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  }));
  window.once('ready-to-show', () => window.show());
  const stopEvents = forwardBackendEvents(backend, window.webContents);
  window.once('closed', stopEvents);
  await window.loadURL(appEntryUrl);
}

app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void backend?.close();
});

// A second start hands over to this one and quits before it touches the cache.
if (holdSingleInstance(app, () => mainWindow)) void start();

function start(): Promise<void> {
  return main().catch((error: unknown) => {
    process.stderr.write(`De app kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
    app.exit(1);
  });
}
