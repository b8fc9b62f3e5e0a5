import type { Dated, Sourced } from './parameter-set';

/** The government creditors of Betalingsregeling Rijk (DOMAIN.md §0). */
export const creditors = ['CJIB', 'CAK', 'DUO', 'UWV', 'RVO'] as const;
export type Creditor = (typeof creditors)[number];

export interface RijksincassoParameterSet extends Dated {
  /** Which creditors take part, each from its own date; a creditor not listed does not take part yet. */
  participants: Sourced<readonly { creditor: Creditor; from: string }[]>;
  /**
   * How one afloscapaciteit and each payment are divided over the creditors. The rule is not
   * public: pro rata to what each creditor is owed is our reading.
   */
  verdeelsleutel: Sourced<'naar_rato_openstaand'>;
  /** Aflossingspauze (pauzeknop): how many months one pause may last … */
  pauseMaxMonths: Sourced<number>;
  /** … and at most one pause within this many months. */
  pauseWindowMonths: Sourced<number>;
}

const rijk = 'Betalingsregeling Rijk: sinds 1 december 2022 voor CJIB, DUO en CAK (DOMAIN.md §0, §2.2)';

export const rijksincassoParameterSets: readonly RijksincassoParameterSet[] = [
  {
    id: 'rijksincasso-2022-12',
    validFrom: '2022-12-01',
    participants: {
      value: [
        { creditor: 'CJIB', from: '2022-12-01' },
        { creditor: 'CAK', from: '2022-12-01' },
        { creditor: 'DUO', from: '2022-12-01' },
      ],
      source: `${rijk}; UWV en RVO sluiten later aan (datum niet bekend)`,
      status: 'confirmed',
    },
    verdeelsleutel: {
      value: 'naar_rato_openstaand',
      source: 'Verdeling niet openbaar; eigen aanname: naar rato van wat elke schuldeiser tegoed heeft',
      status: 'open',
    },
    pauseMaxMonths: { value: 2, source: 'Pauzeknop: duur niet openbaar (aanname)', status: 'open' },
    pauseWindowMonths: { value: 12, source: 'Pauzeknop: frequentie niet openbaar (aanname)', status: 'open' },
  },
];
