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
const issue27 = 'opgave in issue 27 en DOMAIN.md §3';
const bvvLaw = 'art. 475da Rv (Wet vereenvoudiging beslagvrije voet, sinds 2021-01-01)';

const maxima = (source: string, values: Record<LivingSituation, Cents>): Record<LivingSituation, Sourced<Cents>> => ({
  alleenstaand: { value: values.alleenstaand, source, status: 'open' },
  alleenstaande_ouder: { value: values.alleenstaande_ouder, source, status: 'open' },
  paar: { value: values.paar, source, status: 'open' },
  paar_met_kind: { value: values.paar_met_kind, source, status: 'open' },
});
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
    bijstandsnormen: {
      alleenstaand_21_pgl: { value: 130845, source: szw('1 juli 2024'), status: 'confirmed' },
      paar_21_pgl: { value: 186921, source: szw('1 juli 2024'), status: 'confirmed' },
      alleenstaand_pgl: { value: 145685, source: szw('1 juli 2024'), status: 'confirmed' },
      paar_pgl: { value: 197664, source: szw('1 juli 2024'), status: 'confirmed' },
    },
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2025-01',
    validFrom: '2025-01-01',
    bijstandsnormen: {
      alleenstaand_21_pgl: { value: 134545, source: szw('1 januari 2025'), status: 'confirmed' },
      paar_21_pgl: { value: 192207, source: szw('1 januari 2025'), status: 'confirmed' },
      alleenstaand_pgl: { value: 150107, source: szw('1 januari 2025'), status: 'confirmed' },
      paar_pgl: { value: 205348, source: szw('1 januari 2025'), status: 'confirmed' },
      alleenstaand_18_20: { value: 33217, source: szw('1 januari 2025'), status: 'confirmed' },
    },
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2025-07',
    validFrom: '2025-07-01',
    bijstandsnormen: {
      alleenstaand_21_pgl: { value: 136906, source: secondary('1 juli 2025', stimulansz), status: 'open' },
      paar_21_pgl: { value: 195580, source: secondary('1 juli 2025', stimulansz), status: 'open' },
      alleenstaand_pgl: { value: 153021, source: secondary('1 juli 2025', stimulansz), status: 'open' },
      paar_pgl: { value: 209498, source: secondary('1 juli 2025', stimulansz), status: 'open' },
      alleenstaand_18_20: { value: 33798, source: secondary('1 juli 2025', stimulansz), status: 'open' },
    },
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  {
    id: 'bvv-2026-01',
    validFrom: '2026-01-01',
    bijstandsnormen: {
      alleenstaand_21_pgl: { value: 140150, source: secondary('1 januari 2026', issue27), status: 'open' },
      paar_21_pgl: { value: 200213, source: secondary('1 januari 2026', issue27), status: 'open' },
      alleenstaand_pgl: { value: 156469, source: secondary('1 januari 2026', issue27), status: 'open' },
      paar_pgl: { value: 214416, source: secondary('1 januari 2026', issue27), status: 'open' },
      alleenstaand_18_20: { value: 34599, source: secondary('1 januari 2026', issue27), status: 'open' },
    },
    normPercentage: percentage,
    maximumBvv: maximaCarried,
  },
  // 1 July 2026: no figure found in any text the project could read. No set is entered, so every
  // assessment dated on or after 2026-07-01 is flagged "normen verouderd" and goes to the team lead
  // until a beheerder approves the official set (docs/regels.md, "Open").
];
