import type { DecisionRequest } from '../../src/shared/api/betalingsonmacht';
import { singleIncomeForCapacity } from '../../src/shared/domain/beslagvrije-voet.examples';

/** A tailored arrangement for a person with enough capacity to pay `total` off in about 32 months. */
export function tailoredRequest(
  personId: string,
  total: number,
  overrides: Partial<DecisionRequest['choice']> = {},
): DecisionRequest {
  const capacity = Math.floor(total / 32) + 1;
  return {
    personId,
    bvvInput: {
      peildatum: '2026-11-29',
      livingSituation: 'alleenstaand',
      ageGroup: '21_tot_pgl',
      incomeGroup: 'volledige_toeslagen',
      netIncomeMonthlyCents: singleIncomeForCapacity('2026-11-29', capacity),
      otherIncomeMonthlyCents: 0,
      holidayAllowance: { paid: 'geen', amountCents: 0 },
      residentOfNetherlands: true,
      informationWithheld: false,
      corrections: [],
    },
    choice: {
      kind: 'persoonlijk',
      instalmentCents: capacity,
      firstDueDate: '2027-01-01',
      motivation: 'Loonstroken en bankafschriften tonen weinig ruimte.',
      ...overrides,
    },
    documents: {
      loonstroken: true,
      bankafschriften: true,
      woonlasten: true,
      verzekeringen: false,
      andereSchulden: false,
      bijzondereOmstandigheden: false,
    },
  };
}
