import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClientRoute, resolveStaticPath } from './static-path';

const root = resolve('/srv/app/renderer');

describe('resolveStaticPath', () => {
  it.each([
    ['/', join(root, 'index.html')],
    ['/index.html', join(root, 'index.html')],
    ['/assets/index-abc.js', join(root, 'assets', 'index-abc.js')],
    ['/assets/../favicon.svg', join(root, 'favicon.svg')],
  ])('maps %s inside the root', (path, expected) => {
    expect(resolveStaticPath(root, path)).toBe(expected);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/assets\\..\\..\\x',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets/%2e%2e/%2e%2e/x',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('isClientRoute', () => {
  it('treats extensionless paths as routes and files as files', () => {
    expect(isClientRoute('/werkvoorraad')).toBe(true);
    expect(isClientRoute('/assets/app.js')).toBe(false);
  });
});
