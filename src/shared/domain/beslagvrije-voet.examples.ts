import { computeBeslagvrijeVoet, type BvvInput } from './beslagvrije-voet';
import { bvvParameterSets } from './parameters/beslagvrije-voet-parameters';

/**
 * The worked example of docs/regels.md, Beslagvrije voet, for the tests that start from it: single, 21 to pension age,
 * on bijstand in 2025 — BVV € 1.278,18, capacity € 67,27 a month.
 */
export const singleOnBijstand2025: BvvInput = {
  peildatum: '2025-03-01',
  livingSituation: 'alleenstaand',
  ageGroup: '21_tot_pgl',
  incomeGroup: 'volledige_toeslagen',
  netIncomeMonthlyCents: 134545,
  otherIncomeMonthlyCents: 0,
  holidayAllowance: { paid: 'geen', amountCents: 0 },
  residentOfNetherlands: true,
  informationWithheld: false,
  corrections: [],
};

/**
 * The BVV of a single person aged 21 to pension age with an income above the norm, on `peildatum`,
 * from the coded norms (the demo's carried-forward set has the same values). Tests that build an
 * income "BVV + capacity" start from this instead of a literal that goes stale with every norm.
 */
export function singleBvvCents(peildatum: string): number {
  const result = computeBeslagvrijeVoet(
    { ...singleOnBijstand2025, peildatum, netIncomeMonthlyCents: 1_000_000 },
    bvvParameterSets,
  );
  if (result.value.bvvCents === null) throw new Error(`no BVV on ${peildatum}`);
  return result.value.bvvCents;
}

/**
 * A single person's net monthly income that leaves exactly `capacityCents` above the BVV on
 * `peildatum`. At or above the norm the capacity is at least 5 % of it; a smaller capacity comes
 * from an income below the norm, where the BVV is 95 % of the income (art. 475da Rv).
 */
export function singleIncomeForCapacity(peildatum: string, capacityCents: number): number {
  const bvv = singleBvvCents(peildatum);
  const norm = Math.round(bvv / 0.95);
  return bvv + capacityCents >= norm ? bvv + capacityCents : capacityCents * 20;
}
