import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest();
});
afterAll(async () => app?.close());

const screens = [
  { link: 'Werkvoorraad', path: '/werkvoorraad' },
  { link: 'Betalingsonmacht', path: '/betalingsonmacht' },
  { link: 'Slachtofferinformatie', path: '/slachtofferinformatie' },
  { link: 'Escalaties', path: '/escalaties' },
  { link: 'Teamoverzicht', path: '/teamoverzicht' },
];

describe('app frame in the browser host', () => {
  it('opens from the launch URL, drops the token from the address and shows the Dutch frame', async () => {
    const page = await app.openApp();
    expect(page.url()).toBe(`${app.host.origin}/werkvoorraad`);
    expect(page.url()).not.toContain(app.host.token);
    await expect(page.getByText('Sanne de Vries').textContent()).resolves.toBe('Sanne de Vries');
    expect(await page.locator('table tbody tr').count()).toBe(50);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.close();
  });

  it('reaches every screen by keyboard and axe-core finds no violations on any of them', async () => {
    const page = await app.openApp();
    mkdirSync(screenshotDir, { recursive: true });
    for (const screen of screens) {
      await page.getByRole('link', { name: screen.link }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: screen.link }).waitFor();
      expect(new URL(page.url()).pathname).toBe(screen.path);
      if (screen.path === '/werkvoorraad') await page.locator('table tbody tr').first().waitFor();
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
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(50);
    await page.close();
  });
});
