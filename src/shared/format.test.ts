import { describe, expect, it } from 'vitest';
import { dutchList } from './format';

describe('dutchList', () => {
  it('joins as running Dutch text', () => {
    expect(dutchList([])).toBe('');
    expect(dutchList(['CJIB'])).toBe('CJIB');
    expect(dutchList(['CJIB', 'DUO'])).toBe('CJIB en DUO');
    expect(dutchList(['CJIB', 'CAK', 'DUO'])).toBe('CJIB, CAK en DUO');
  });
});
