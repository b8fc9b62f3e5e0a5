import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it.each(['app://renderer/index.html', 'app://renderer/werkvoorraad?x=1', 'app://renderer/'])('allows %s', (url) =>
    expect(isAppUrl(url)).toBe(true),
  );
  it.each([
    'https://www.cjib.nl/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://renderer.evil.com/',
    'http://renderer/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});
