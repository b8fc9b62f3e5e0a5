import { describe, expect, it } from 'vitest';
import { hasEscapedNul, nulMessage, text, withoutNul } from './text';

describe('text()', () => {
  it('refuses U+0000 anywhere, with the Dutch message, before length rules run', () => {
    for (const value of ['\u0000', 'a\u0000', '\u0000b', 'a\u0000b']) {
      const result = text().trim().min(1).max(3).safeParse(value);
      expect(result.error?.issues.map((i) => i.message)).toEqual([nulMessage]);
    }
  });

  it('lets every other character through, controls and astral ones included', () => {
    for (const value of ['', 'Łódź Şükrü ğ', 'regel\neen\ttab', '\u0001', '😀']) {
      expect(text().safeParse(value).data).toBe(value);
    }
  });
});

describe('withoutNul', () => {
  it('replaces NUL in nested strings and leaves everything else as it was', () => {
    const value = { a: 'x\u0000y', list: ['\u0000', 3, null], nested: { ok: true, t: 'z' } };
    expect(withoutNul(value)).toEqual({ a: 'x\uFFFDy', list: ['\uFFFD', 3, null], nested: { ok: true, t: 'z' } });
  });
});

describe('hasEscapedNul', () => {
  it.each([
    [JSON.stringify({ a: 'x\u0000y' }), true],
    [JSON.stringify({ a: '\\u0000' }), false], // a backslash, then the text u0000
    [JSON.stringify({ a: '\\\u0000' }), true], // a backslash, then a NUL
    [JSON.stringify({ a: 'gewoon', b: ['\\\\u0000'] }), false],
    [JSON.stringify({ a: 'gewoon' }), false],
  ])('%s → %s', (json, expected) => {
    expect(hasEscapedNul(json)).toBe(expected);
  });
});
