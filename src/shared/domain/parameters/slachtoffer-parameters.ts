import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

export interface SlachtofferParameterSet extends Dated {
  /** Victims hear of a planned event at least this many days before it. */
  noticeDays: Sourced<number>;
  /** The voorschotregeling starts when the SVM is not paid in full this many months after the judgment became final. */
  voorschotAfterMonths: Sourced<number>;
}

/**
 * Which offences the voorschotregeling covers, and up to what amount: by the day the judgment
 * became final (not by today), because the rules that were in force then decide.
 */
export interface VoorschotRuleSet extends Dated {
  /** Offence categories covered; `'alle'` for every offence. */
  coveredOffenceCategories: Sourced<readonly string[] | 'alle'>;
  /** Maximum advance for the covered offences not in `uncappedOffenceCategories`; null: no maximum. */
  cap: Sourced<Cents | null>;
  /** Offence categories without a cap (violent and sexual offences); a list kept as data. */
  uncappedOffenceCategories: Sourced<readonly string[]>;
}

const idv = 'Slachtofferinformatie, Wet straffen en beschermen (DOMAIN.md §4)';
const voorschot = 'Voorschotregeling schadevergoedingsmaatregel (DOMAIN.md §4)';

export const slachtofferParameterSets: readonly SlachtofferParameterSet[] = [
  {
    id: 'slachtoffer-2021-07',
    validFrom: '2021-07-01',
    noticeDays: { value: 7, source: idv, status: 'confirmed' },
    voorschotAfterMonths: { value: 8, source: voorschot, status: 'confirmed' },
  },
];

const before2016 =
  'DOMAIN.md §4 gives the € 5.000 cap for other offences only for judgments final on or after 2016-01-01; read as: before that the regeling covered violent and sexual offences only (to be confirmed)';

/*
 * A proposal of December 2025 adds seven offences to the uncapped list (DOMAIN.md §4). It is not in
 * force and the offences are not named: when it becomes law, add a set here from its date.
 */
export const voorschotRuleSets: readonly VoorschotRuleSet[] = [
  {
    id: 'voorschot-2011',
    validFrom: '2011-01-01',
    coveredOffenceCategories: { value: ['geweld', 'zeden'], source: before2016, status: 'inferred' },
    cap: { value: null, source: before2016, status: 'inferred' },
    uncappedOffenceCategories: { value: ['geweld', 'zeden'], source: before2016, status: 'inferred' },
  },
  {
    id: 'voorschot-2016',
    validFrom: '2016-01-01',
    coveredOffenceCategories: { value: 'alle', source: voorschot, status: 'confirmed' },
    cap: { value: 500000, source: voorschot, status: 'confirmed' },
    uncappedOffenceCategories: { value: ['geweld', 'zeden'], source: voorschot, status: 'confirmed' },
  },
];
