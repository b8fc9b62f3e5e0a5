import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../domain/bsn';
import { claimKinds, claimPhases } from '../domain/claims';
import { generateDemoData } from './generator';

describe('demo data generator', () => {
  const data = generateDemoData({ seed: 42, persons: 500, claims: 2000 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoData({ seed: 42, persons: 500, claims: 2000 })).toEqual(data);
    expect(generateDemoData({ seed: 43, persons: 500, claims: 2000 }).persons[0]).not.toEqual(data.persons[0]);
  });

  it('gives every person a BSN that passes the elfproef, marked as test data, with unique ids', () => {
    expect(data.persons.every((p) => isValidBsn(p.bsn) && p.isTestData)).toBe(true);
    expect(new Set(data.persons.map((p) => p.id)).size).toBe(500);
    expect(new Set(data.claims.map((c) => c.id)).size).toBe(2000);
  });

  it('gives every person at least one claim and covers every kind and phase', () => {
    const withClaims = new Set(data.claims.map((c) => c.personId));
    expect(withClaims.size).toBe(500);
    // NVWA claims only come by intake: drawing them would have changed every other demo value.
    expect(new Set(data.claims.map((c) => c.kind))).toEqual(new Set(claimKinds.filter((k) => k !== 'nvwa')));
    expect(new Set(data.claims.map((c) => c.phase))).toEqual(new Set(claimPhases));
  });

  it('keeps amounts in whole cents, and what is owed follows from the history of each claim', () => {
    const byClaim = new Map<string, typeof data.events>();
    for (const e of data.events) byClaim.set(e.claimId, [...(byClaim.get(e.claimId) ?? []), e]);
    for (const claim of data.claims) {
      expect(Number.isInteger(claim.originalCents)).toBe(true);
      const events = byClaim.get(claim.id) ?? [];
      expect(events[0]?.kind).toBe('beschikking');
      const increases = events.filter((e) => e.kind.endsWith('aanmaning')).reduce((s, e) => s + e.amountCents, 0);
      const paid = events.filter((e) => e.kind === 'betaling').reduce((s, e) => s + e.amountCents, 0);
      expect(claim.outstandingCents).toBe(claim.originalCents + increases - paid);
      if (claim.phase === 'betaald') expect(claim.outstandingCents).toBe(0);
      if (claim.kind === 'wahv' && claim.phase === 'tweede_aanmaning')
        expect(claim.outstandingCents).toBe(3 * claim.originalCents);
      // History lies in the past of the reference date (2026-11-01 by default).
      for (const e of events) expect(e.occurredOn <= '2026-11-01').toBe(true);
    }
  });
});
