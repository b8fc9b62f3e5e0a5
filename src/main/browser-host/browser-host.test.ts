import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { createBackend, type Backend } from '../backend/backend';
import { latestVersion, loadMigrations } from '../db/migrations';
import { startBrowserHost, type BrowserHost } from './browser-host';
import type { BackendEvent } from '../../shared/ipc/events';

const temp = makeTempDir();
let backend: Backend;
let host: BrowserHost;
let port: number;

beforeAll(async () => {
  const staticDir = join(temp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  backend = createBackend({
    dbPath: join(temp.dir, 'host.sqlite'),
    migrationsDir: localMigrationsDir,
    appVersion: '9.9.9',
    localUser: null,
  });
  host = await startBrowserHost({ backend, staticDir });
  port = Number(new URL(host.origin).port);
});

afterAll(async () => {
  await host.close();
  await backend.close();
  temp.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so Host and Origin can be set to anything (fetch forbids that). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const invoke = (body: string, headers: Record<string, string> = {}) =>
  send('/api/invoke', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-cjib-token': host.token, ...headers },
  });

describe('browser host gate', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a request without the launch token', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/Toegang geweigerd/);
    expect((await send('/api/invoke', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('refuses a wrong token of the same length', async () => {
    const wrong = host.token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect((await invoke('{"channel":"app.info"}', { 'x-cjib-token': wrong })).status).toBe(401);
  });

  it('refuses a non-loopback Host header even with the token (DNS rebinding)', async () => {
    const reply = await invoke('{"channel":"app.info"}', { host: `evil.example:${port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const reply = await invoke('{"channel":"app.info"}', { origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('moves the token from the address to the fragment; the cookie it sets is not the token', async () => {
    const reply = await send(`/?token=${host.token}`);
    expect(reply.status).toBe(303);
    const setCookie = String(reply.headers['set-cookie']);
    expect(setCookie).toMatch(/^cjib_page=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    // Cookies for 127.0.0.1 reach every local port: no cookie may carry the API's token.
    expect(setCookie).not.toContain(host.token);
    expect(reply.headers.location).toBe(`/#token=${host.token}`);
    const cookie = setCookie.split(';')[0] ?? '';
    const page = await send('/werkvoorraad', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // A second tab of the same launch opens the printed link again and gets in the same way.
    expect((await send(`/?token=${host.token}`)).status).toBe(303);
  });

  it('does not open the API with the page cookie, nor with the token in a cookie (CSRF, other local ports)', async () => {
    const pageCookieValue = String((await send(`/?token=${host.token}`)).headers['set-cookie']).split(';')[0] ?? '';
    for (const cookie of [pageCookieValue, `cjib_token=${host.token}`, `cjib_page=${host.token}`]) {
      const reply = await send('/api/invoke', {
        method: 'POST',
        body: '{"channel":"app.info"}',
        headers: { 'content-type': 'application/json', cookie },
      });
      expect(reply.status, cookie).toBe(401);
    }
  });
});

describe('browser host API', () => {
  it('answers a valid request with the envelope from the real backend', async () => {
    const reply = await invoke(JSON.stringify({ channel: 'app.info', request: {} }));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: {
        appVersion: '9.9.9',
        schemaVersion: latestVersion(loadMigrations(localMigrationsDir)),
        cacheRecovery: null,
        storageFull: false,
      },
    });
  });

  it('answers bad JSON, a missing channel, a wrong content type and an oversized body clearly', async () => {
    expect((await invoke('{not json')).status).toBe(400);
    expect(JSON.parse((await invoke('{"request":{}}')).body)).toMatchObject({ error: { code: 'invalid_request' } });
    expect((await invoke('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const big = JSON.stringify({ channel: 'app.info', request: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    expect((await invoke(big)).status).toBe(413);
  });

  it('does not serve files outside the renderer folder', async () => {
    const cookie = String((await send(`/?token=${host.token}`)).headers['set-cookie']).split(';')[0] ?? '';
    const reply = await send('/%2e%2e/host.sqlite', { headers: { cookie } });
    expect(reply.status).toBe(404);
  });
});

describe('backend events in the browser host', () => {
  it('streams each event to a page that sends the token, and lets go when the page does', async () => {
    let listener: ((event: BackendEvent) => void) | undefined;
    const eventsHost = await startBrowserHost({
      backend: {
        ...backend,
        subscribe: (l) => {
          listener = l;
          return () => {
            listener = undefined;
          };
        },
      },
      staticDir: join(temp.dir, 'renderer'),
    });
    const eventsPort = Number(new URL(eventsHost.origin).port);
    try {
      const received = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: eventsPort, path: '/api/events', headers: { 'x-cjib-token': eventsHost.token } },
          (res) => {
            expect(res.statusCode).toBe(200);
            expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += chunk.toString();
              if (text.includes('verbonden')) listener?.({ type: 'changed', tags: [{ type: 'Claims', id: 'c-1' }] });
              if (text.includes('data: ')) {
                resolve(text);
                req.destroy();
              }
            });
          },
        );
        req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
        req.end();
      });
      const data = received.split('\n').find((line) => line.startsWith('data: '));
      expect(JSON.parse(data?.slice(6) ?? '')).toEqual({ type: 'changed', tags: [{ type: 'Claims', id: 'c-1' }] });
      await expect.poll(() => listener).toBeUndefined(); // the closed stream unsubscribed

      // Without the header (the page cookie alone, or nothing) there is no stream.
      const refused = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: eventsPort, path: '/api/events' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(refused).toBe(401);
    } finally {
      await eventsHost.close();
    }
  });
});
