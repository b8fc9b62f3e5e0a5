import { describe, expect, it } from 'vitest';
import { loketMagicBytes, loketRequest } from '../api/loket';
import { generateLoketWeek } from './loket-week';

const bsns = Array.from({ length: 500 }, (_, i) => String(200_000_000 + i));

describe('a demo week of Digitaal Loket requests', () => {
  const week = generateLoketWeek({ bsns, count: 2_000, monday: '2026-12-07' });

  it('is valid for the Loket endpoint, request by request, documents included', () => {
    for (const request of week) {
      const parsed = loketRequest.parse(request);
      for (const document of parsed.documents) {
        const bytes = Uint8Array.from(atob(document.contentBase64), (c) => c.charCodeAt(0));
        expect(loketMagicBytes[document.mediaType].every((b, i) => bytes[i] === b)).toBe(true);
      }
    }
  });

  it('is the same every time, in time order, within the week', () => {
    expect(generateLoketWeek({ bsns, count: 2_000, monday: '2026-12-07' })).toEqual(week);
    const times = week.map((r) => r.submittedAt);
    expect([...times].sort()).toEqual(times);
    expect((times[0] ?? '') >= '2026-12-06T23:00:00.000Z' && (times.at(-1) ?? '') < '2026-12-14T00:00:00.000Z').toBe(
      true,
    );
  });

  it('looks like a real week: busy Mondays, quiet Sundays, one in five tailored, few unknown people', () => {
    const day = (iso: string) => new Date(iso).getUTCDay();
    const mondays = week.filter((r) => day(r.submittedAt) === 1).length;
    const sundays = week.filter((r) => day(r.submittedAt) === 0).length;
    expect(mondays).toBeGreaterThan(3 * sundays);
    const tailored = week.filter((r) => r.kind === 'maatwerk');
    expect(tailored.length / week.length).toBeGreaterThan(0.15);
    expect(tailored.length / week.length).toBeLessThan(0.25);
    expect(tailored.every((r) => (r.documents ?? []).length >= 1)).toBe(true);
    expect(week.filter((r) => r.kind === 'standaard').every((r) => (r.documents ?? []).length === 0)).toBe(true);
    const unknown = week.filter((r) => !bsns.includes(r.bsn)).length / week.length;
    expect(unknown).toBeGreaterThan(0.02);
    expect(unknown).toBeLessThan(0.06);
  });
});
