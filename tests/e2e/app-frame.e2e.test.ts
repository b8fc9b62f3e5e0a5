import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, signInOnPage, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest();
});
afterAll(async () => app?.close());

const screens = [
  { link: 'Werkvoorraad', path: '/werkvoorraad', heading: 'Werkvoorraad' },
  { link: 'Vorderingen', path: '/vorderingen', heading: 'Vorderingen' },
  { link: 'Betalingsonmacht', path: '/betalingsonmacht', heading: 'Betalingsonmacht' },
  { link: 'Escalaties', path: '/escalaties', heading: 'Escalaties' },
  { link: 'Conflicten', path: '/conflicten', heading: 'Conflicten en geweigerde beslissingen' },
  { link: 'Over deze app', path: '/over', heading: 'Over deze app' },
];

describe('app frame in the browser host', () => {
  it('asks for sign-in first; a wrong password gets a Dutch message; axe finds nothing', async () => {
    const page = await app.openPage();
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await page.getByLabel('Gebruikersnaam').fill('sdevries');
    await page.getByLabel('Wachtwoord').fill('verkeerd');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Gebruikersnaam of wachtwoord is onjuist.');
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: `${screenshotDir}/aanmelden.png` });
    await page.close();
  });

  it('opens from the launch URL, drops the token from the address and shows the Dutch frame', async () => {
    const page = await app.openApp();
    expect(page.url()).toBe(`${app.host.origin}/werkvoorraad`);
    expect(page.url()).not.toContain(app.host.token);
    await expect(page.getByText('Sanne de Vries', { exact: true }).first().textContent()).resolves.toBe(
      'Sanne de Vries',
    );
    await page.locator('#queue-grid [role="row"][aria-rowindex="2"]').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.close();
  });

  it('reaches every screen of the role by keyboard and axe-core finds no violations on any of them', async () => {
    const page = await app.openApp();
    mkdirSync(screenshotDir, { recursive: true });
    // A case worker of an inning team: no victim information, no team-lead screens in the menu.
    const menu = page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link');
    await expect(menu.allTextContents()).resolves.toEqual(screens.map((s) => s.link));
    for (const screen of screens) {
      await page.getByRole('link', { name: screen.link, exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
      expect(new URL(page.url()).pathname).toBe(screen.path);
      if (screen.path === '/werkvoorraad') await page.locator('#queue-grid [aria-rowindex="2"]').waitFor();
      if (screen.path === '/vorderingen') await page.locator('#claims-grid [role="row"][data-key]').first().waitFor();
      const violations = await axeViolations(page);
      expect(violations, `${screen.path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
      await page.screenshot({ path: `${screenshotDir}${screen.path}.png` });
    }
    await page.close();
  });

  it('offers a skip link as the first tab stop that moves focus to the content', async () => {
    const page = await app.openApp();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await page.close();
  });

  it('keeps working after a reload (the token stays with the tab)', async () => {
    const page = await app.openApp();
    await page.reload();
    await page.goto(`${app.host.origin}/vorderingen`);
    await page.locator('#claims-grid [role="row"][data-key]').first().waitFor();
    expect(await page.getByRole('grid').getAttribute('aria-label')).toMatch(/^Vorderingen: [1-9]\d*$/);
    await page.close();
  });

  it('no response the case worker’s pages received carries a victim’s address, phone or e-mail', async () => {
    const contacts = await app.central.db.query<{
      house_number: string;
      postal_code: string;
      phone: string | null;
      email: string | null;
    }>('SELECT house_number, postal_code, phone, email FROM victim_contacts');
    const secrets = contacts.flatMap((c) =>
      [c.house_number, c.postal_code, c.phone, c.email].filter((v): v is string => !!v),
    );
    expect(secrets.length).toBeGreaterThan(0);
    expect(app.responses.length).toBeGreaterThan(20); // every screen visited above went through here
    const leaked = app.responses.filter((body) => secrets.some((secret) => body.includes(secret)));
    expect(leaked).toEqual([]);
  });
});

describe('a damaged cache at start', () => {
  let damaged: AppUnderTest;
  beforeAll(async () => {
    damaged = await startAppUnderTest({ prepareCache: (path) => writeFileSync(path, Buffer.alloc(32 * 1024, 0x42)) });
  });
  afterAll(async () => damaged?.close());

  it('is rebuilt, and every screen says so with a way to the details; axe finds nothing', async () => {
    const page = await damaged.openApp();
    const notice = page.getByRole('status').filter({ hasText: 'waren beschadigd' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('kon niet worden gelezen');
    await page.screenshot({ path: `${screenshotDir}/melding-cache-hersteld.png` });
    await page.getByRole('link', { name: 'Meer hierover' }).click();
    await page.getByRole('heading', { level: 2, name: 'Lokale gegevens hersteld' }).waitFor();
    expect(await page.getByText(/Het beschadigde bestand is bewaard/).textContent()).toMatch(
      /cache\.sqlite\.beschadigd-/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/over-hersteld.png` });
    await page.close();
  });
});

describe('reflow', () => {
  it('reflows at 200 % and 400 % of a 1366×768 laptop: no sideways scrolling, the header scrolls away', async () => {
    const page = await app.openApp();
    mkdirSync(screenshotDir, { recursive: true });
    const overflow: string[] = [];
    for (const [zoom, width, height] of [
      [200, 683, 384],
      [400, 342, 192],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const screen of screens) {
        await page.goto(`${app.host.origin}${screen.path}`);
        await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
        const { pageWidth, headerTop, scrolled } = await page.evaluate((w) => {
          window.scrollTo(0, document.documentElement.scrollHeight);
          // Wide data tables scroll inside their own region, the grid inside itself: the rest fits.
          const wide = [...document.querySelectorAll('body *')].filter(
            (e) => !e.closest('.table-scroll, .vgrid') && e.getBoundingClientRect().right > w + 1,
          );
          return {
            pageWidth: wide.length ? Math.max(...wide.map((e) => Math.round(e.getBoundingClientRect().right))) : w,
            headerTop: document.querySelector('header')?.getBoundingClientRect().top ?? 0,
            scrolled: window.scrollY,
          };
        }, width);
        const pageScrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        if (pageScrolls) overflow.push(`${screen.path} at ${zoom} %: the page scrolls sideways`);
        if (pageWidth > width + 1) overflow.push(`${screen.path} at ${zoom} %: ${pageWidth} px wide in ${width}`);
        // The header scrolls with the page instead of staying on top of the work.
        expect(headerTop, `${screen.path} at ${zoom} %`).toBeCloseTo(-scrolled, 0);
      }
      for (const screen of [screens[0], screens[1]]) {
        if (!screen) continue;
        await page.goto(`${app.host.origin}${screen.path}`);
        await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
        await page.evaluate(() => document.querySelector('h1')?.scrollIntoView());
        await page.screenshot({ path: `${screenshotDir}${screen.path}-${zoom}.png` });
      }
    }
    expect(overflow).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.close();
  });

  it('reflows at 400 % on the screens of the other roles too', async () => {
    const others = [
      {
        username: 'mpostma',
        paths: [
          ['/teamoverzicht', 'Teamoverzicht'],
          ['/dashboard', 'Dashboard van het team'],
        ],
      },
      { username: 'famrani', paths: [['/slachtofferinformatie', 'Slachtofferinformatie']] },
      {
        username: 'hkok',
        paths: [
          ['/auditlog', 'Auditlog'],
          ['/parameters', 'Parameters'],
        ],
      },
    ] as const;
    const overflow: string[] = [];
    for (const { username, paths } of others) {
      const page = await app.openPage();
      await page.setViewportSize({ width: 342, height: 192 });
      await signInOnPage(page, username);
      for (const [path, title] of paths) {
        await page.goto(`${app.host.origin}${path}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1))
          overflow.push(
            `${path} (${username}) scrolls sideways at 400 %: ` +
              (await page.evaluate(() =>
                [...document.querySelectorAll('body *')]
                  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .filter((e, _i, all) => !all.includes(e.parentElement as Element))
                  .slice(0, 3)
                  .map((e) => `${e.tagName}.${e.className}`)
                  .join(', '),
              )),
          );
      }
      await page.close();
    }
    expect(overflow).toEqual([]);
  });
});
