import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { appHost, appScheme } from '../security/app-origin';
import { securityHeaders } from '../security/content-security-policy';
import { isClientRoute, mimeTypeOf, resolveStaticPath } from '../security/static-path';

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build from `rendererDir` under app://renderer/, refusing path traversal. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Niet gevonden.', { status: 404 });
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (file === null) return new Response('Niet gevonden.', { status: 404 });
    const body = await readFile(file).catch(() =>
      isClientRoute(url.pathname) ? readFile(resolveStaticPath(rendererDir, '/index.html') ?? '') : null,
    );
    if (body === null) return new Response('Niet gevonden.', { status: 404 });
    const type = isClientRoute(url.pathname) ? 'text/html; charset=utf-8' : mimeTypeOf(file);
    return new Response(body, { status: 200, headers: { ...securityHeaders, 'Content-Type': type } });
  });
}
