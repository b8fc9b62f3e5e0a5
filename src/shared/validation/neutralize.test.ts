import { describe, expect, it } from 'vitest';
import { neutralizeDeep, neutralizeText } from './neutralize';

describe('neutralizing text from outside', () => {
  it.each([
    ['Jan \u202eekej\u202c Jansen', 'Jan ekej Jansen'],
    ['factuur\u202egnp.exe', 'factuurgnp.exe'],
    ['\u2067Ahmed\u2069 de Vries', 'Ahmed de Vries'],
    ['rood \u001b[31mALARM\u001b[0m uit', 'rood ALARM uit'],
    ['titel \u001b]0;gekaapt\u0007 rest', 'titel  rest'],
    ['nul\u0000teken en bel\u0007', 'nulteken en bel'],
    ['regel 1\nregel 2\tkolom', 'regel 1\nregel 2\tkolom'],
    ['Łukasz Çelik-Öztürk Αλέξανδρος', 'Łukasz Çelik-Öztürk Αλέξανδρος'],
  ])('%j → %j', (input, shown) => {
    expect(neutralizeText(input)).toBe(shown);
  });

  it('walks objects and arrays and leaves numbers, booleans and null alone', () => {
    expect(
      neutralizeDeep({ rows: [{ name: 'A\u202eB', cents: 100, ok: true, none: null }], note: '\u001b[2Jx' }),
    ).toEqual({ rows: [{ name: 'AB', cents: 100, ok: true, none: null }], note: 'x' });
  });
});
