import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../demo/generator';
import { claimEventKinds, lowersDebt } from './claims';

describe('claim events', () => {
  it('counts payments and waived verhogingen against what is owed, and nothing else', () => {
    expect(claimEventKinds.filter(lowersDebt)).toEqual(['betaling', 'verhoging_kwijtgescholden']);
  });

  it('adds up, signed, to what each claim of the demo data still owes', () => {
    const data = generateDemoData({ seed: 7, persons: 60, claims: 200 });
    const owed = new Map(data.claims.map((c) => [c.id, 0]));
    for (const e of data.events) {
      owed.set(e.claimId, (owed.get(e.claimId) ?? 0) + (lowersDebt(e.kind) ? -e.amountCents : e.amountCents));
    }
    for (const claim of data.claims) expect(owed.get(claim.id)).toBe(claim.outstandingCents);
  });
});
