import { addDays } from './calendar';
import type { ClaimKind, ClaimPhase } from './claims';
import type { ClaimForEscalation, EscalationStep, PersonSituation } from './escalatie';
import type { Cents } from './money';

/**
 * How the app and the server derive the escalation inputs from the case data they both hold, so
 * they reach the same verdict: the person's betalingsonmacht decisions give the situation, the
 * claim and the worker's checked facts give the claim.
 */

export interface DecisionOnRecord {
  kind: 'standaard' | 'persoonlijk' | 'noodstop' | 'schuldhulp' | 'afwijzing';
  status: 'ter_goedkeuring' | 'lopend' | 'afgewezen' | 'vastgelegd' | 'beeindigd';
  pauseUntil: string | null;
  /** A running arrangement: kept to so far (arrangementStanding); absent counts as kept. */
  honoured?: boolean | undefined;
}

/** Facts about the person that stop or pause collection, as the BRP and the courts report them. */
export interface PersonStatus {
  deceasedOn: string | null;
  moratoriumUntil: string | null;
}

export const noPersonStatus: PersonStatus = { deceasedOn: null, moratoriumUntil: null };

export function situationFromDecisions(
  decisions: readonly DecisionOnRecord[],
  person: PersonStatus = noPersonStatus,
  today = '0000-00-00',
): PersonSituation {
  const final = decisions.filter((d) => d.status === 'lopend' || d.status === 'vastgelegd');
  const noodstops = final.filter((d) => d.kind === 'noodstop' && d.pauseUntil).map((d) => d.pauseUntil as string);
  return {
    // Only an arrangement being kept to blocks escalation (docs/regels.md, Escalation, Blockers).
    arrangementRunning: final.some(
      (d) => (d.kind === 'standaard' || d.kind === 'persoonlijk') && d.status === 'lopend' && d.honoured !== false,
    ),
    arrangementAgreed: decisions.some(
      (d) =>
        (d.kind === 'standaard' || d.kind === 'persoonlijk') &&
        d.status !== 'afgewezen' &&
        d.status !== 'ter_goedkeuring',
    ),
    noodstopUntil: noodstops.length ? (noodstops.sort().at(-1) ?? null) : null,
    moratorium: person.moratoriumUntil !== null && today <= person.moratoriumUntil,
    // A tailored arrangement, a noodstop or a referral rests on the finding that the person cannot pay.
    betalingsonmacht: decisions.some((d) => d.status === 'ter_goedkeuring')
      ? 'in_beoordeling'
      : final.some((d) => d.kind === 'persoonlijk' || d.kind === 'noodstop' || d.kind === 'schuldhulp')
        ? 'vastgesteld'
        : 'geen',
    deceased: person.deceasedOn !== null,
  };
}

export interface EscalationFacts {
  hasDrivingLicence: boolean;
  vehicle: 'geen' | 'eigen' | 'van_derde';
  verhaalFailed: boolean;
}

/** A Wahv fine is due two weeks after it became final; we use that for every kind [inferred]. */
export const daysFromFinalToDue = 14;

export function claimForEscalation(
  claim: { kind: ClaimKind; phase: ClaimPhase; outstandingCents: Cents; dueDate: string },
  facts: EscalationFacts,
  stepsTaken: readonly EscalationStep[] = [],
): ClaimForEscalation {
  return {
    stepsTaken,
    kind: claim.kind,
    phase: claim.phase,
    outstandingCents: claim.outstandingCents,
    finalDate: addDays(claim.dueDate, -daysFromFinalToDue),
    dueDate: claim.dueDate,
    verhaalFailed: facts.verhaalFailed,
    hasDrivingLicence: facts.hasDrivingLicence,
    vehicle: facts.vehicle,
  };
}

/** The phase a claim moves to once a step takes effect. */
export function phaseAfterStep(step: string): ClaimPhase {
  switch (step) {
    case 'eerste_aanmaning':
      return 'eerste_aanmaning';
    case 'tweede_aanmaning':
      return 'tweede_aanmaning';
    case 'verhaal_zonder_dwangbevel':
      return 'verhaal';
    case 'dwangbevel_deurwaarder':
      return 'deurwaarder';
    default:
      return 'dwangmiddel';
  }
}
