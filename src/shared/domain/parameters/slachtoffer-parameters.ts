import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

export interface SlachtofferParameterSet extends Dated {
  /** Victims hear of a planned event at least this many days before it. */
  noticeDays: Sourced<number>;
  /** The voorschotregeling starts when the SVM is not paid in full this many months after the judgment became final. */
  voorschotAfterMonths: Sourced<number>;
  voorschotCap: Sourced<Cents>;
  /** The cap applies to judgments final on or after this date. */
  voorschotCapFrom: Sourced<string>;
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
    voorschotCap: { value: 500000, source: voorschot, status: 'confirmed' },
    voorschotCapFrom: { value: '2016-01-01', source: voorschot, status: 'confirmed' },
    uncappedOffenceCategories: { value: ['geweld', 'zeden'], source: voorschot, status: 'confirmed' },
  },
];
