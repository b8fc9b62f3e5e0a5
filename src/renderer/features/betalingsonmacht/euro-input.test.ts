import { describe, expect, it } from 'vitest';
import { centsToEuroInput, parseEuroInput } from './euro-input';

describe('parseEuroInput', () => {
  it.each([
    ['1.345,45', 134545],
    ['1345,45', 134545],
    ['1345.45', 134545],
    ['€ 80', 8000],
    ['0,5', 50],
    ['12.000', 1200000],
    ['  74,99 ', 7499],
  ])('%s → %i cents', (text, cents) => expect(parseEuroInput(text)).toEqual({ ok: true, cents }));

  it.each(['abc', '12,3,4', '1.2345,00', '12a', ',5', '1,234'])('refuses %s with a Dutch message', (text) => {
    const result = parseEuroInput(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Vul een bedrag in euro's in/);
  });

  it('refuses negative amounts unless asked, and empty input', () => {
    expect(parseEuroInput('-10')).toEqual({ ok: false, message: 'Een bedrag kan hier niet negatief zijn.' });
    expect(parseEuroInput('-10,50', { allowNegative: true })).toEqual({ ok: true, cents: -1050 });
    expect(parseEuroInput('')).toEqual({ ok: false, message: 'Vul een bedrag in.' });
  });

  it('round-trips through the display format', () => {
    for (const cents of [0, 1, 99, 134545, 100_000_00])
      expect(parseEuroInput(centsToEuroInput(cents))).toEqual({ ok: true, cents });
  });
});
