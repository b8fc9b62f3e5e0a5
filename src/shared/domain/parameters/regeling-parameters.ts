import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

export interface TermBand {
  /** Lower bound, inclusive. */
  fromCents: Cents;
  maxMonths: number;
}

export interface RegelingParameterSet extends Dated {
  /** Outstanding amount (with verhogingen, without administratiekosten) needed for a standard arrangement. */
  minimumOutstanding: Sourced<Cents>;
  /** Bands ordered by `fromCents`; the last band whose bound the amount reaches applies. */
  termTable: Sourced<readonly TermBand[]>;
  minimumInstalment: Sourced<Cents>;
  /** A second arrangement within this many months only if the previous one was honoured exactly. */
  repeatWindowMonths: Sourced<number>;
  /** Longest tailored arrangement. */
  maxTailoredMonths: Sourced<number>;
  noodstopMonths: Sourced<number>;
  noodstopExtensionMonths: Sourced<number>;
}

const cjib = 'CJIB betalingsregeling, voorwaarden (cjib.nl)';

export const regelingParameterSets: readonly RegelingParameterSet[] = [
  {
    id: 'regeling-2024-01',
    validFrom: '2024-01-01',
    minimumOutstanding: { value: 7500, source: cjib, status: 'confirmed' },
    termTable: {
      value: [
        { fromCents: 0, maxMonths: 3 },
        { fromCents: 12000, maxMonths: 6 },
        { fromCents: 30000, maxMonths: 9 },
        { fromCents: 45000, maxMonths: 12 },
        { fromCents: 125000, maxMonths: 18 },
        { fromCents: 200000, maxMonths: 24 },
        { fromCents: 300000, maxMonths: 30 },
        { fromCents: 400000, maxMonths: 36 },
      ],
      source: cjib,
      status: 'confirmed',
    },
    minimumInstalment: { value: 2500, source: 'Oudere CJIB-bronnen: € 25 (niet bevestigd)', status: 'open' },
    repeatWindowMonths: { value: 12, source: cjib, status: 'confirmed' },
    maxTailoredMonths: {
      value: 36,
      source: 'Eigen model persoonlijke regeling (afgeleid)',
      status: 'inferred',
    },
    noodstopMonths: { value: 4, source: 'Noodstop CJIB', status: 'confirmed' },
    noodstopExtensionMonths: {
      value: 8,
      source: 'Noodstop bij schuldhulp gemeente',
      status: 'confirmed',
    },
  },
];
