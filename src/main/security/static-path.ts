import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root` (`..`, encoded
 * `%2e%2e`, backslashes, absolute paths, NUL). Used by the app:// protocol and the browser host.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html';
  if (isAbsolute(relativePath)) return null;
  const rootPath = resolve(root);
  const target = resolve(rootPath, relativePath);
  const fromRoot = relative(rootPath, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot) || fromRoot.split(sep).includes('..')) {
    return null;
  }
  return target;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Paths without an extension are client-side routes: they get index.html. */
export function isClientRoute(urlPath: string): boolean {
  return extname(urlPath) === '';
}
