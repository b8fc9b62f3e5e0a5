import { bvvParameterSets, type BvvParameterSet } from './beslagvrije-voet-parameters';
import { escalatieParameterSets, type EscalatieParameterSet } from './escalatie-parameters';
import { regelingParameterSets, type RegelingParameterSet } from './regeling-parameters';
import { rijksincassoParameterSets, type RijksincassoParameterSet } from './rijksincasso-parameters';
import {
  slachtofferParameterSets,
  voorschotRuleSets,
  type SlachtofferParameterSet,
  type VoorschotRuleSet,
} from './slachtoffer-parameters';

/**
 * The parameter sets in force: the ones shipped with the code, plus the dated sets a functioneel
 * beheerder entered and a second beheerder approved (they reach every app through the change feed
 * and every central node through its database). Each host installs the approved sets it holds;
 * the domain functions read the merged lists as their default.
 */
export interface ParameterSetsByDomain {
  bvv: readonly BvvParameterSet[];
  regeling: readonly RegelingParameterSet[];
  escalatie: readonly EscalatieParameterSet[];
  rijksincasso: readonly RijksincassoParameterSet[];
  slachtoffer: readonly SlachtofferParameterSet[];
  voorschot: readonly VoorschotRuleSet[];
}

export type ParameterDomain = keyof ParameterSetsByDomain;
export const parameterDomains = [
  'bvv',
  'regeling',
  'escalatie',
  'rijksincasso',
  'slachtoffer',
  'voorschot',
] as const satisfies readonly ParameterDomain[];

type SetOf<D extends ParameterDomain> = ParameterSetsByDomain[D][number];

/** An approved set as the hosts hold it; `approvedAt` orders two approved sets from the same day. */
export type ApprovedParameterSet = {
  [D in ParameterDomain]: { domain: D; set: SetOf<D>; approvedAt: string };
}[ParameterDomain];

export const codedParameterSets: ParameterSetsByDomain = {
  bvv: bvvParameterSets,
  regeling: regelingParameterSets,
  escalatie: escalatieParameterSets,
  rijksincasso: rijksincassoParameterSets,
  slachtoffer: slachtofferParameterSets,
  voorschot: voorschotRuleSets,
};

/**
 * Coded sets with the approved ones laid over them: an approved set replaces a coded (or earlier
 * approved) set that starts on the same day — a correction — and otherwise joins the list.
 * Each list comes back ordered by `validFrom`.
 */
export function mergeParameterSets(
  coded: ParameterSetsByDomain,
  approved: readonly ApprovedParameterSet[],
): ParameterSetsByDomain {
  const ordered = [...approved].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt));
  const merge = <D extends ParameterDomain>(domain: D): SetOf<D>[] => {
    const byStart = new Map<string, SetOf<D>>();
    for (const set of coded[domain]) byStart.set(set.validFrom, set as SetOf<D>);
    for (const entry of ordered) if (entry.domain === domain) byStart.set(entry.set.validFrom, entry.set as SetOf<D>);
    return [...byStart.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  };
  return {
    bvv: merge('bvv'),
    regeling: merge('regeling'),
    escalatie: merge('escalatie'),
    rijksincasso: merge('rijksincasso'),
    slachtoffer: merge('slachtoffer'),
    voorschot: merge('voorschot'),
  };
}

let active: ParameterSetsByDomain = codedParameterSets;

/** Replaces what this host holds as approved (call again with the whole list after each sync). */
export function installApprovedParameterSets(approved: readonly ApprovedParameterSet[]): void {
  active = approved.length ? mergeParameterSets(codedParameterSets, approved) : codedParameterSets;
}

export function activeParameterSets<D extends ParameterDomain>(domain: D): ParameterSetsByDomain[D] {
  return active[domain];
}
