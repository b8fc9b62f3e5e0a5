import type { BvvInput } from './beslagvrije-voet';

/**
 * The worked example of DOMAIN.md §3, for the tests that start from it: single, 21 to pension age,
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
