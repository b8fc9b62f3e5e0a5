import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppUnderTest, type AppUnderTest } from './support/app-under-test';

let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest();
});
afterAll(async () => app?.close());

describe('browser host security, end to end', () => {
  it('refuses the app and the API to a request without the launch token', async () => {
    const page = await app.browser.newPage();
    const response = await page.goto(app.host.origin + '/werkvoorraad');
    expect(response?.status()).toBe(401);
    expect(await page.textContent('body')).toContain('Toegang geweigerd');
    const api = await fetch(`${app.host.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'werkvoorraad.list', request: {} }),
    });
    expect(api.status).toBe(401);
    await page.close();
  });

  it('refuses a cross-site page that tries to call the API with the cookie', async () => {
    const page = await app.openApp();
    // Another origin on the same machine (localhost ≠ 127.0.0.1 for the browser).
    const other = app.host.origin.replace('127.0.0.1', 'localhost');
    const status = await page.evaluate(async (target) => {
      try {
        const r = await fetch(`${target}/api/invoke`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: '{"channel":"werkvoorraad.list","request":{}}',
        });
        return r.status;
      } catch {
        return -1; // blocked by CSP connect-src before it left the page
      }
    }, other);
    expect([401, 403, -1]).toContain(status);
    await page.close();
  });

  it('cannot be navigated away from the app by a link, window.open or a form', async () => {
    const page = await app.openApp();
    const start = page.url();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.org/';
      a.textContent = 'extern';
      a.id = 'extern';
      document.body.append(a);
    });
    await page.click('#extern');
    await page.waitForTimeout(200);
    expect(page.url()).toBe(start);

    expect(await page.evaluate(() => window.open('https://example.org/'))).toBeNull();

    const formBlocked = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective === 'form-action'), {
            once: true,
          });
          const form = document.createElement('form');
          form.action = 'https://example.org/steal';
          form.method = 'post';
          document.body.append(form);
          form.submit();
          setTimeout(() => resolve(false), 2000);
        }),
    );
    expect(formBlocked).toBe(true);
    expect(page.url()).toBe(start);
    await page.close();
  });

  it('runs no inline script injected into the page (strict CSP)', async () => {
    const page = await app.openApp();
    const ran = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.body.append(script);
          setTimeout(() => resolve((window as unknown as { __injected?: boolean }).__injected === true), 100);
        }),
    );
    expect(ran).toBe(false);
    await page.close();
  });
});
