import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

/** Increases, terms and coercive-measure limits of DOMAIN.md §1, as dated parameters. */
export interface EscalatieParameterSet extends Dated {
  wahvFirstIncreasePercent: Sourced<number>;
  /** Percentage of (fine + first increase). */
  wahvSecondIncreasePercent: Sourced<number>;
  criminalFirstIncrease: Record<'strafbeschikking' | 'geldboetevonnis' | 'schadevergoedingsmaatregel', Sourced<Cents>>;
  criminalSecondIncreasePercent: Sourced<number>;
  criminalSecondIncreaseMinimum: Record<
    'strafbeschikking' | 'geldboetevonnis' | 'schadevergoedingsmaatregel',
    Sourced<Cents>
  >;
  reminderTermWeeks: Sourced<number>;
  verhaalTermYears: Sourced<number>;
  verhaalTermYearsWithArrangement: Sourced<number>;
  dwangmiddelTermYears: Sourced<number>;
  dwangmiddelTermYearsWithArrangement: Sourced<number>;
  gijzelingCentsPerDay: Sourced<Cents>;
  gijzelingMaxDays: Sourced<number>;
  vervangendeHechtenisCentsPerDay: Sourced<Cents>;
  vervangendeHechtenisMaxDays: Sourced<number>;
  rijbewijsMaxWeeks: Sourced<number>;
  voertuigMaxWeeks: Sourced<number>;
  voertuigAbandonedAfterWeeks: Sourced<number>;
}

const wahv = 'Wahv, CJIB (DOMAIN.md §1.1)';
const criminal = 'CJIB strafrechtelijke geldsancties (DOMAIN.md §1.2)';

export const escalatieParameterSets: readonly EscalatieParameterSet[] = [
  {
    id: 'escalatie-2024-01',
    validFrom: '2024-01-01',
    wahvFirstIncreasePercent: { value: 50, source: wahv, status: 'confirmed' },
    wahvSecondIncreasePercent: { value: 100, source: wahv, status: 'confirmed' },
    criminalFirstIncrease: {
      strafbeschikking: { value: 2000, source: criminal, status: 'confirmed' },
      geldboetevonnis: { value: 2000, source: `${criminal}; ouder: € 15`, status: 'inferred' },
      schadevergoedingsmaatregel: { value: 2000, source: criminal, status: 'confirmed' },
    },
    criminalSecondIncreasePercent: { value: 20, source: criminal, status: 'confirmed' },
    criminalSecondIncreaseMinimum: {
      strafbeschikking: { value: 4000, source: criminal, status: 'confirmed' },
      geldboetevonnis: { value: 4000, source: `${criminal}; ouder: € 30`, status: 'inferred' },
      schadevergoedingsmaatregel: { value: 4000, source: criminal, status: 'confirmed' },
    },
    reminderTermWeeks: { value: 4, source: wahv, status: 'confirmed' },
    verhaalTermYears: { value: 3, source: wahv, status: 'confirmed' },
    verhaalTermYearsWithArrangement: { value: 4, source: wahv, status: 'confirmed' },
    dwangmiddelTermYears: { value: 5, source: wahv, status: 'confirmed' },
    dwangmiddelTermYearsWithArrangement: { value: 6, source: wahv, status: 'confirmed' },
    gijzelingCentsPerDay: {
      value: 5000,
      source: `${wahv}: in de praktijk ongeveer 1 dag per € 50`,
      status: 'confirmed',
    },
    gijzelingMaxDays: { value: 7, source: wahv, status: 'confirmed' },
    vervangendeHechtenisCentsPerDay: { value: 2500, source: criminal, status: 'confirmed' },
    vervangendeHechtenisMaxDays: { value: 365, source: criminal, status: 'confirmed' },
    rijbewijsMaxWeeks: { value: 4, source: wahv, status: 'confirmed' },
    voertuigMaxWeeks: { value: 4, source: wahv, status: 'confirmed' },
    voertuigAbandonedAfterWeeks: { value: 12, source: wahv, status: 'confirmed' },
  },
];
