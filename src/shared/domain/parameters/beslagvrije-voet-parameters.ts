import type { Cents } from '../money';
import type { Dated, Sourced } from './parameter-set';

/** Household categories of the bijstandsnorm (net per month, holiday allowance included). */
export type NormCategory =
  'alleenstaand_21_pgl' | 'paar_21_pgl' | 'alleenstaand_pgl' | 'paar_pgl' | 'alleenstaand_18_20';

export type LivingSituation = 'alleenstaand' | 'alleenstaande_ouder' | 'paar' | 'paar_met_kind';

export interface BvvParameterSet extends Dated {
  bijstandsnormen: Partial<Record<NormCategory, Sourced<Cents>>>;
  /** Share of the norm that stays free for income groups 1 and 2 (95 % since 2021). */
  normPercentage: Sourced<number>;
  /** Fixed BVV for income group 3 (no toeslagen), per living situation. */
  maximumBvv: Record<LivingSituation, Sourced<Cents>>;
}

/*
 * Sources, and why most values since mid-2025 are marked open: the project has not been able to
 * read the official Normenbrief / Staatscourant text for 1 July 2025 or later. The figures below
 * come from secondary copies of it (named per value); a functioneel beheerder confirms them by
 * approving a set with the official source (Parameters screen). docs/regels.md lists them all.
 */
const szw = (period: string) => `SZW Normenbrief bijstandsnormen per ${period} (Rijksoverheid)`;
const secondary = (period: string, copy: string) =>
  `SZW Normenbrief bijstandsnormen per ${period}, bedrag uit een secundaire kopie (${copy}); officiële tekst nog niet geraadpleegd`;
const stimulansz = 'Stimulansz normenoverzicht, berekenuwrechtplus.nl/normenoverzicht';
const issue27 = 'opgave in issue 27 (zie docs/regels.md)';
const bvvLaw = 'art. 475da Rv (Wet vereenvoudiging beslagvrije voet, sinds 2021-01-01)';

/** Amounts of one publication, each with the same source and status. */
function sourced<K extends string>(
  source: string,
  status: Sourced<Cents>['status'],
  values: Record<K, Cents>,
): Record<K, Sourced<Cents>> {
  return Object.fromEntries(
    Object.entries<Cents>(values).map(([key, value]) => [key, { value, source, status }]),
  ) as Record<K, Sourced<Cents>>;
}
const maxima = (source: string, values: Record<LivingSituation, Cents>) => sourced(source, 'open', values);
// Published for 1 January 2024 (schuldinfo.nl, secondary). No later half-year was found: those sets
// carry these forward, open, and the trace says the current value is not confirmed.
const maxima2024 = { alleenstaand: 199621, alleenstaande_ouder: 216260, paar: 263149, paar_met_kind: 274709 };
const maximaFound = maxima('Maximale BVV per 1 januari 2024 (schuldinfo.nl, secundair)', maxima2024);
const maximaCarried = maxima(
  'Maximale BVV per 1 januari 2024 doorgetrokken: latere waarde niet gevonden (schuldinfo.nl, secundair)',
  maxima2024,
);

const percentage: Sourced<number> = { value: 95, source: bvvLaw, status: 'confirmed' };

export const bvvParameterSets: readonly BvvParameterSet[] = [
  {
    // Only the maxima are known for this half-year: group 1 and 2 need a manual BVV (trace says so).
    id: 'bvv-2024-01',
    validFrom: '2024-01-01',
    bijstandsnormen: {},
    normPercentage: percentage,
    maximumBvv: maximaFound,
  },
  {
    id: 'bvv-2024-07',
    validFrom: '2024-07-01',
    bijstandsnormen: sourced(szw('1 juli 2024'), 'confirmed', {
      alleenstaand_21_pgl: 130845,
      paar_21_pgl: 186921,
      alleenstaand_pgl: 145685,
      paar_pgl: 197664,
    }),
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2025-01',
    validFrom: '2025-01-01',
    bijstandsnormen: sourced(szw('1 januari 2025'), 'confirmed', {
      alleenstaand_21_pgl: 134545,
      paar_21_pgl: 192207,
      alleenstaand_pgl: 150107,
      paar_pgl: 205348,
      alleenstaand_18_20: 33217,
    }),
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2025-07',
    validFrom: '2025-07-01',
    bijstandsnormen: sourced(secondary('1 juli 2025', stimulansz), 'open', {
      alleenstaand_21_pgl: 136906,
      paar_21_pgl: 195580,
      alleenstaand_pgl: 153021,
      paar_pgl: 209498,
      alleenstaand_18_20: 33798,
    }),
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2026-01',
    validFrom: '2026-01-01',
    bijstandsnormen: sourced(secondary('1 januari 2026', issue27), 'open', {
      alleenstaand_21_pgl: 140150,
      paar_21_pgl: 200213,
      alleenstaand_pgl: 156469,
      paar_pgl: 214416,
      alleenstaand_18_20: 34599,
    }),
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  // 1 July 2026: no figure found in any text the project could read. No set is entered, so every
  // assessment dated on or after 2026-07-01 is flagged "normen verouderd" and goes to the team lead
  // until a beheerder approves the official set (docs/regels.md, "Open").
];
