import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../format';
import { amsterdamDate, amsterdamTimeOfDay, dutchDay, todayInAmsterdam } from './amsterdam-clock';

describe('the Amsterdam clock', () => {
  it.each([
    // winter time (UTC+1): 23:00 UTC is already the next day
    ['2026-02-28T22:59:59Z', '2026-02-28'],
    ['2026-02-28T23:00:00Z', '2026-03-01'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    // summer time (UTC+2): 22:00 UTC is already the next day
    ['2026-07-14T21:59:59Z', '2026-07-14'],
    ['2026-07-14T22:00:00Z', '2026-07-15'],
    // the clock goes forward on 29 March 2026 at 02:00 (01:00 UTC), back on 25 October at 03:00 (01:00 UTC)
    ['2026-03-28T22:59:00Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:00Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    ['2026-10-24T21:59:00Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // an offset given by the client does not matter: the moment does
    ['2026-05-01T00:30:00+03:00', '2026-04-30'],
  ])('%s is %s in Amsterdam', (moment, date) => {
    expect(amsterdamDate(moment)).toBe(date);
    expect(todayInAmsterdam(Date.parse(moment))).toBe(date);
  });

  it('differs from the UTC date in the last hour(s) before Dutch midnight', () => {
    const lateEvening = Date.parse('2026-11-30T23:15:00Z');
    expect(new Date(lateEvening).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(todayInAmsterdam(lateEvening)).toBe('2026-12-01');
  });

  it('refuses something that is not a moment', () => {
    expect(() => amsterdamDate('gisteren')).toThrow(RangeError);
  });
});

describe('dates and times as shown', () => {
  it('keeps a plain date, and dates a moment by the Dutch day', () => {
    expect(dutchDay('2026-03-01')).toBe('2026-03-01');
    expect(dutchDay('2026-02-28T23:30:00.000Z')).toBe('2026-03-01');
  });

  it('shows the Amsterdam clock time on either side of a clock change', () => {
    expect(amsterdamTimeOfDay('2026-03-29T00:30:00Z')).toBe('01:30');
    expect(amsterdamTimeOfDay('2026-03-29T01:30:00Z')).toBe('03:30');
    expect(amsterdamTimeOfDay('2026-10-25T00:30:00Z')).toBe('02:30');
    expect(amsterdamTimeOfDay('2026-10-25T01:30:00Z')).toBe('02:30');
    expect(formatDateTime('2026-12-31T23:05:00Z')).toBe('01-01-2027 00:05');
    expect(formatDate('2026-12-31T23:05:00Z')).toBe('01-01-2027');
  });
});
