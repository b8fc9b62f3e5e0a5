import type { Dated, Sourced } from './parameter-set';

/** The government creditors of Betalingsregeling Rijk (docs/regels.md, Woorden). */
export const creditors = ['CJIB', 'CAK', 'DUO', 'UWV', 'RVO', 'NVWA'] as const;
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

const rijk = 'Betalingsregeling Rijk: sinds 1 december 2022 voor CJIB, DUO en CAK';
const nvwa =
  'NVWA neemt deel volgens de beleidsregels 2024 (Stcrt. 2023, 30505); de tekst zelf en de precieze datum zijn niet geraadpleegd';

const set2022: RijksincassoParameterSet = {
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
};

export const rijksincassoParameterSets: readonly RijksincassoParameterSet[] = [
  set2022,
  {
    ...set2022,
    id: 'rijksincasso-2024-01',
    validFrom: '2024-01-01',
    participants: {
      // The date the beleidsregels took effect is not confirmed: 1 January 2024 is our reading.
      value: [...set2022.participants.value, { creditor: 'NVWA', from: '2024-01-01' }],
      source: `${rijk}; ${nvwa}; UWV en RVO: geen bron gevonden dat zij al deelnemen`,
      status: 'open',
    },
  },
];
