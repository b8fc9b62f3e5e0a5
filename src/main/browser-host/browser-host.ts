import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fail } from '../../shared/ipc/result';
import { eventsPath } from '../../shared/ipc/events';
import type { Backend } from '../backend/backend';
import { securityHeaders } from '../security/content-security-policy';
import { isClientRoute, mimeTypeOf, resolveStaticPath } from '../security/static-path';
import { createLaunchToken } from './launch-token';
import { checkRequest, pageCookie, tokenQuery } from './request-guard';

/** Path of the one API route; the shim in the renderer posts `{ channel, request }` here. */
export const invokePath = '/api/invoke';
export const maxBodyBytes = 1024 * 1024;
const keepAliveMs = 25_000;

export interface BrowserHostOptions {
  backend: Backend;
  /** The renderer build (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface BrowserHost {
  /** Open this in a browser: it carries the launch token once, then a cookie takes over. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser shell: serves the same renderer build and the same handler table as Electron,
 * on 127.0.0.1 only. The backend runs in its worker thread; this thread only moves bytes.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? createLaunchToken();
  // Its own random value: the page cookie opens the app's files, never the API (request-guard.ts).
  const pageKey = createLaunchToken();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendText(res, 500, 'Interne fout in de browserhost.'));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(req, port, token, pageKey);
    if (!verdict.allowed) return sendText(res, verdict.status, verdict.message);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === invokePath) {
      // The cookie alone is not enough for the API: a header the page must set defeats CSRF.
      if (verdict.via !== 'header') return sendText(res, 401, 'Het launch-token ontbreekt in de aanvraag.');
      if (req.method !== 'POST') return sendText(res, 405, 'Alleen POST is toegestaan.');
      return handleInvoke(req, res);
    }
    if (url.pathname === eventsPath) {
      // Same rule as the API: only a page that sets the header hears the backend's events.
      if (verdict.via !== 'header') return sendText(res, 401, 'Het launch-token ontbreekt in de aanvraag.');
      if (req.method !== 'GET') return sendText(res, 405, 'Alleen GET is toegestaan.');
      return streamEvents(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Alleen GET is toegestaan.');

    if (verdict.via === 'query') {
      // The token moves from the address to the fragment (never sent to a server; the page keeps it
      // in this tab's sessionStorage); the files of the app are opened by the page cookie.
      url.searchParams.delete(tokenQuery);
      res.writeHead(303, {
        ...securityHeaders,
        'Set-Cookie': `${pageCookie}=${pageKey}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${url.search}#${tokenQuery}=${token}`,
      });
      res.end();
      return;
    }
    return serveStatic(url.pathname, res);
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('invalid_request', 'De aanvraag moet JSON zijn.'));
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too_large') return sendJson(res, 413, fail('invalid_request', 'De aanvraag is te groot.'));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return sendJson(res, 400, fail('invalid_request', 'De aanvraag is geen geldige JSON.'));
    }
    if (typeof parsed !== 'object' || parsed === null || !('channel' in parsed)) {
      return sendJson(res, 400, fail('invalid_request', 'De aanvraag mist een kanaal.'));
    }
    const { channel, request } = parsed as { channel: unknown; request?: unknown };
    sendJson(res, 200, await options.backend.invoke(channel, request));
  }

  /** Server-sent events: one `data:` line of JSON per backend event, a comment now and then to keep it open. */
  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': verbonden\n\n');
    const unsubscribe = options.backend.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => res.write(': \n\n'), keepAliveMs);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let file = resolveStaticPath(options.staticDir, pathname);
    if (file === null) return sendText(res, 404, 'Niet gevonden.');
    let info = await stat(file).catch(() => null);
    if (!info?.isFile() && isClientRoute(pathname)) {
      file = join(options.staticDir, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return sendText(res, 404, 'Niet gevonden.');
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': mimeTypeOf(file),
      'Content-Length': info.size,
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('browser host has no TCP address');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${tokenQuery}=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Reads a body up to `limit` bytes; beyond that it drains the rest unread and says so. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
