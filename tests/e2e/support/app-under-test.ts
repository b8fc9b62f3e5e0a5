import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBackendThread } from '../../../src/main/backend/backend-thread';
import { demoLocalUser } from '../../../src/main/backend/local-defaults';
import { startBrowserHost, type BrowserHost } from '../../../src/main/browser-host/browser-host';
import { launchChromium } from '../../support/chromium';
import { localMigrationsDir, makeTempDir } from '../../support/temp-dir';

const rendererDir = join(import.meta.dirname, '..', '..', '..', 'dist', 'renderer');

export interface AppUnderTest {
  host: BrowserHost;
  browser: Browser;
  /** A new page, signed in through the launch URL, on the werkvoorraad. */
  openApp(): Promise<Page>;
  close(): Promise<void>;
}

/** The real thing: backend worker on a real SQLite file, browser host, built renderer, chromium. */
export async function startAppUnderTest(): Promise<AppUnderTest> {
  const temp = makeTempDir('cjib-e2e-');
  const backend = await startBackendThread({
    dbPath: join(temp.dir, 'cache.sqlite'),
    migrationsDir: localMigrationsDir,
    appVersion: '0.0.0-e2e',
    localUser: demoLocalUser,
    seedDemo: { persons: 200, claims: 600 },
  });
  const host = await startBrowserHost({ backend, staticDir: rendererDir });
  const browser = await launchChromium();
  return {
    host,
    browser,
    async openApp() {
      const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
      await page.goto(host.url);
      await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await host.close();
      await backend.close();
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
