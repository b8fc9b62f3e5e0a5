import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CentralServer } from '../../../src/central/central-server';
import { startBackendThread } from '../../../src/main/backend/backend-thread';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/browser-host';
import { demoLogin, startTestCentral } from '../../support/central';
import { startFaultProxy } from '../../support/fault-proxy';
import { launchChromium } from '../../support/chromium';
import { localMigrationsDir, makeTempDir } from '../../support/temp-dir';

const rendererDir = join(import.meta.dirname, '..', '..', '..', 'dist', 'renderer');

export interface AppUnderTest {
  central: CentralServer;
  /** With `viaProxy`: cut or restore this desktop's connection to the central API. */
  setOffline(offline: boolean): void;
  host: BrowserHost;
  browser: Browser;
  /** Every /api/invoke response body the pages received, for privacy scans. */
  responses: string[];
  /** A new page on the launch URL (the sign-in screen until someone signs in). */
  openPage(): Promise<Page>;
  /** A new page, signed in (first time) or already in session, showing the werkvoorraad. */
  openApp(login?: { username: string; password: string }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real thing: the reference central API (PGlite, demo data), the backend worker on a real
 * SQLite file syncing with it, the browser host, the built renderer, and chromium. A second
 * desktop (another worker) can share the first one's central API.
 */
export async function startAppUnderTest(
  options: {
    central?: CentralServer;
    viaProxy?: boolean;
    /** Runs before the backend opens its cache file, e.g. to leave a damaged one there. */
    prepareCache?: (dbPath: string) => void;
    /** The folder of the cache (`cache.sqlite`), e.g. on a small disk; a fresh temporary one otherwise. */
    cacheDir?: string;
  } = {},
): Promise<AppUnderTest> {
  const temp = makeTempDir('cjib-e2e-');
  const dbPath = join(options.cacheDir ?? temp.dir, 'cache.sqlite');
  options.prepareCache?.(dbPath);
  const ownCentral = !options.central;
  const central = options.central ?? (await startTestCentral({ seed: { persons: 200, claims: 600 } }));
  // A loopback proxy that can drop every request stands in for a network cable pulled out.
  const proxy = options.viaProxy ? await startFaultProxy(central.url, 1) : null;
  const backend = await startBackendThread({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: '0.0.0-e2e',
    centralUrl: proxy?.url ?? central.url,
    centralTimeoutMs: 2000,
    localUser: null,
  });
  const host = await startBrowserHost({ backend, staticDir: rendererDir });
  const browser = await launchChromium();
  const responses: string[] = [];
  const openPage = async () => {
    const page = await browser.newPage({
      viewport: { width: 1366, height: 800 },
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    // Shared 2-core CI machines occasionally stall a step for 10–15 s; give each wait room.
    page.setDefaultTimeout(60_000);
    page.on('response', (response) => {
      if (response.url().endsWith('/api/invoke'))
        void response.text().then(
          (body) => responses.push(body),
          () => undefined,
        );
    });
    await page.goto(host.url);
    return page;
  };
  return {
    central,
    setOffline(offline) {
      if (!proxy) throw new Error('startAppUnderTest({ viaProxy: true }) is needed to go offline');
      proxy.setFaults(offline ? { drop_request: 1 } : null);
    },
    host,
    browser,
    responses,
    openPage,
    async openApp(login = demoLogin) {
      const page = await openPage();
      const heading = page.getByRole('heading', { level: 1 });
      await heading.first().waitFor();
      if ((await heading.first().textContent()) === 'Aanmelden') {
        await page.getByLabel('Gebruikersnaam').fill(login.username);
        await page.getByLabel('Wachtwoord').fill(login.password);
        await page.getByRole('button', { name: 'Aanmelden' }).click();
      }
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      await page.locator('#queue-grid[aria-busy="false"]').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await host.close();
      await backend.close();
      await proxy?.close();
      if (ownCentral) await central.close();
      temp.cleanup();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core inside the page (evaluated over DevTools, so the page's strict CSP stays on). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/**
 * A screenshot of the whole screen: the app scrolls inside its main area, so the viewport is made
 * as tall as that content for the shot, then restored.
 */
export async function screenshotWhole(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1366, height: 800 };
  const height = await page.evaluate(() => {
    const main = document.querySelector('main');
    const header = document.querySelector('header');
    return Math.ceil((main?.scrollHeight ?? 0) + (header?.getBoundingClientRect().height ?? 0));
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.min(height, 6000)) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

/**
 * On a page of the app: signs out whoever is signed in there, then signs in as `username` (a demo
 * user) and waits until the app shows them signed in.
 */
export async function signInOnPage(page: Page, username: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  await heading.waitFor();
  if ((await heading.textContent()) !== 'Aanmelden') {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  }
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(demoLogin.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

/**
 * Clicks "Nu synchroniseren" and waits for that sync round itself to finish (its answer from the
 * backend), not for a status text that may still show from the round before.
 */
export async function syncNow(page: Page): Promise<void> {
  const answered = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes('"sync.now"'),
  );
  await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await answered;
  await page.locator('.sync-indicator__progress').waitFor({ state: 'detached' });
}
