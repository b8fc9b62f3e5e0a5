import { describe, expect, it } from 'vitest';
import { ftsPrefixQuery } from './full-text';

describe('ftsPrefixQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(ftsPrefixQuery('jan de vr')).toBe('"jan"* "de"* "vr"*');
    expect(ftsPrefixQuery('  Çelik  ')).toBe('"Çelik"*');
  });

  it('leaves no FTS5 syntax from the input', () => {
    expect(ftsPrefixQuery('a" OR b*')).toBe('"a"* "OR"* "b"*');
    expect(ftsPrefixQuery('NEAR(x y)')).toBe('"NEAR"* "x"* "y"*');
    expect(ftsPrefixQuery('"*():^-')).toBeNull();
    expect(ftsPrefixQuery('')).toBeNull();
  });
});
