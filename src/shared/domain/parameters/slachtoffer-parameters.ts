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

const idv = 'Slachtofferinformatie, Wet straffen en beschermen';
const voorschot = 'Voorschotregeling schadevergoedingsmaatregel (cjib.nl)';

export const slachtofferParameterSets: readonly SlachtofferParameterSet[] = [
  {
    id: 'slachtoffer-2021-07',
    validFrom: '2021-07-01',
    noticeDays: { value: 7, source: idv, status: 'confirmed' },
    voorschotAfterMonths: { value: 8, source: voorschot, status: 'confirmed' },
  },
];

const cjibVoorschot =
  'cjib.nl, Voorschotregeling slachtoffers: sinds 2011 voor geweld- en zedenmisdrijven; vanaf 1 januari 2016 ook andere misdrijven (vonnissen onherroepelijk op of na die dag), daarvoor maximaal € 5.000';
const before2016 = `${cjibVoorschot}; vóór 2016 alleen geweld en zeden, zonder maximum`;
const uncappedList =
  'Ongemaximeerd alleen voor de zeden- en geweldsmisdrijven van art. 4:14 lid 2 Besluit tenuitvoerlegging strafrechtelijke beslissingen (rijksoverheid.nl 19-12-2025); de lijst zelf is niet geraadpleegd, de medewerker kiest de categorie';

/*
 * A proposal of December 2025 adds seven offences to the uncapped list (docs/regels.md, Slachtofferinformatie). It is not in
 * force and the offences are not named: when it becomes law, add a set here from its date.
 */
export const voorschotRuleSets: readonly VoorschotRuleSet[] = [
  {
    id: 'voorschot-2011',
    validFrom: '2011-01-01',
    coveredOffenceCategories: { value: ['geweld', 'zeden'], source: before2016, status: 'confirmed' },
    cap: { value: null, source: before2016, status: 'confirmed' },
    uncappedOffenceCategories: { value: ['geweld', 'zeden'], source: before2016, status: 'confirmed' },
  },
  {
    id: 'voorschot-2016',
    validFrom: '2016-01-01',
    coveredOffenceCategories: { value: 'alle', source: cjibVoorschot, status: 'confirmed' },
    cap: { value: 500000, source: cjibVoorschot, status: 'confirmed' },
    // Not every violent offence: the Besluit lists them. Until that list is data, this step is open.
    uncappedOffenceCategories: { value: ['geweld', 'zeden'], source: uncappedList, status: 'open' },
  },
];
