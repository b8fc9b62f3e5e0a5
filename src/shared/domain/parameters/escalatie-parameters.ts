import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

/** Increases, terms and coercive-measure limits of docs/regels.md, Escalation, as dated parameters. */
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
  /** Flat handling fee per Wahv fine, charged once and never increased. */
  wahvAdministratiekosten: Sourced<Cents>;
  /**
   * The pilot of a free reminder before the first Wahv aanmaning: the period it runs, and how long
   * after the due date the reminder leaves the person before the first aanmaning may go out.
   */
  gratisHerinnering: {
    from: Sourced<string>;
    until: Sourced<string>;
    termWeeks: Sourced<number>;
  } | null;
}

const wahv = 'Wahv, CJIB';
const adminKosten =
  'Administratiekosten Wahv € 9 sinds 2016, ongewijzigd in 2026 (nieuwsberichten 2025 met het CJIB als bron; officiële tekst niet geraadpleegd)';
const pilot =
  'Proef gratis herinnering vóór de eerste aanmaning, 18 maanden vanaf 1 juli 2026, aangekondigd door de minister van JenV (september 2025); regeling zelf niet gevonden';
const criminal = 'CJIB strafrechtelijke geldsancties';

const set2024: EscalatieParameterSet = {
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
  wahvAdministratiekosten: { value: 900, source: adminKosten, status: 'open' },
  gratisHerinnering: null,
};

/*
 * From 1 July 2026 the pilot runs. Which fines it covers and how many days the reminder adds are
 * not in any text we found: every Wahv fine and two weeks are assumptions, marked open, and the
 * advice says so where they hold a step back (docs/regels.md).
 */
export const escalatieParameterSets: readonly EscalatieParameterSet[] = [
  set2024,
  {
    ...set2024,
    id: 'escalatie-2026-07',
    validFrom: '2026-07-01',
    gratisHerinnering: {
      from: { value: '2026-07-01', source: pilot, status: 'open' },
      until: { value: '2027-12-31', source: `${pilot} (18 maanden)`, status: 'open' },
      termWeeks: { value: 2, source: 'Aanname: twee weken na de vervaldatum; duur niet gepubliceerd', status: 'open' },
    },
  },
];
