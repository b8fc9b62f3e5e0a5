import { describe, expect, it } from 'vitest';
import { dateTextFromIso, isoFromDateText } from './date-text';

describe('date text', () => {
  it.each([
    ['07-12-2026', '2026-12-07'],
    ['7-12-2026', '2026-12-07'],
    ['7/1/2027', '2027-01-07'],
    ['29.02.2028', '2028-02-29'],
    ['2026-12-07', '2026-12-07'],
    [' 01-07-2026 ', '2026-07-01'],
  ])('reads %s as %s', (text, iso) => expect(isoFromDateText(text)).toBe(iso));

  it.each(['29-02-2027', '31-04-2026', '00-01-2026', '12-13-2026', '07-12-26', '2026-2-7', '', 'morgen'])(
    'refuses %s: not a date that exists, or not whole',
    (text) => expect(isoFromDateText(text)).toBeNull(),
  );

  it('shows yyyy-mm-dd as dd-mm-jjjj and leaves anything else as typed', () => {
    expect(dateTextFromIso('2026-12-07')).toBe('07-12-2026');
    expect(dateTextFromIso('07-12-20')).toBe('07-12-20');
  });
});
