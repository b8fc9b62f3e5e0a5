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

const szw = (period: string) => `Bijstandsnormen ${period}, Rijksoverheid / SZW (DOMAIN.md §3)`;
const bvvLaw = 'Wet vereenvoudiging beslagvrije voet, sinds 2021-01-01 (DOMAIN.md §3)';
// The fixed maxima are only public as of 2021-07-01; later values are open (DOMAIN.md §3).
const maxima2021 = (status: 'confirmed' | 'open'): Record<LivingSituation, Sourced<Cents>> => ({
  alleenstaand: { value: 166451, source: 'Maximale BVV per 2021-07-01', status },
  alleenstaande_ouder: { value: 178262, source: 'Maximale BVV per 2021-07-01', status },
  paar: { value: 220377, source: 'Maximale BVV per 2021-07-01', status },
  paar_met_kind: { value: 232189, source: 'Maximale BVV per 2021-07-01', status },
});

export const bvvParameterSets: readonly BvvParameterSet[] = [
  {
    id: 'bvv-2024-07',
    validFrom: '2024-07-01',
    bijstandsnormen: {
      alleenstaand_21_pgl: { value: 130845, source: szw('1 juli 2024'), status: 'confirmed' },
      paar_21_pgl: { value: 186921, source: szw('1 juli 2024'), status: 'confirmed' },
      alleenstaand_pgl: { value: 145685, source: szw('1 juli 2024'), status: 'confirmed' },
      paar_pgl: { value: 197664, source: szw('1 juli 2024'), status: 'confirmed' },
    },
    normPercentage: { value: 95, source: bvvLaw, status: 'confirmed' },
    maximumBvv: maxima2021('open'),
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
    normPercentage: { value: 95, source: bvvLaw, status: 'confirmed' },
    maximumBvv: maxima2021('open'),
  },
];
