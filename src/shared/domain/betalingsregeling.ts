import { formatCents } from '../format';
import { addMonths, monthsBetween } from './calendar';
import type { Cents } from './money';
import { selectParameterSet } from './parameters/parameter-set';
import type { RegelingParameterSet } from './parameters/regeling-parameters';
import { activeParameterSets } from './parameters/registry';
import { step, type Explained, type TraceStep } from './trace';

/**
 * Payment arrangements (docs/regels.md, Payment arrangements): the standard arrangement's conditions and term table, a
 * plan generator in whole cents, and the tailored arrangement bounded by repayment capacity.
 */

export interface OpenClaim {
  id: string;
  /** Outstanding including verhogingen, excluding administratiekosten. */
  outstandingCents: Cents;
  administratiekostenCents: Cents;
  outsideArrangement: boolean;
}

export interface PreviousArrangement {
  endedOn: string;
  honouredExactly: boolean;
}

export interface StandardCheckInput {
  peildatum: string;
  claims: readonly OpenClaim[];
  deurwaarderInvolved: boolean;
  dwangmiddelInProgress: boolean;
  previousArrangements: readonly PreviousArrangement[];
}

export interface StandardCheck {
  eligible: boolean;
  /** All open CJIB claims together, without administratiekosten. */
  outstandingCents: Cents;
  /** What the arrangement collects: outstanding plus administratiekosten. */
  totalCents: Cents;
  maxMonths: number;
  /** Dutch reasons when not eligible. */
  refusals: string[];
}

export interface Instalment {
  number: number;
  dueDate: string;
  amountCents: Cents;
}

export function maxMonthsFor(outstandingCents: Cents, parameters: RegelingParameterSet): number {
  let months = parameters.termTable.value[0]?.maxMonths ?? 1;
  for (const band of parameters.termTable.value) if (outstandingCents >= band.fromCents) months = band.maxMonths;
  return months;
}

export function checkStandardArrangement(
  input: StandardCheckInput,
  sets: readonly RegelingParameterSet[] = activeParameterSets('regeling'),
): Explained<StandardCheck, StandardCheckInput> {
  const parameters = selectParameterSet(sets, input.peildatum);
  const trace: TraceStep[] = [];
  const refusals: string[] = [];
  // All claims owed at application time are taken together; partner claims are not CJIB's to arrange.
  const cjibClaims = input.claims.filter((c) => !c.outsideArrangement && c.outstandingCents > 0);
  const outstanding = cjibClaims.reduce((sum, c) => sum + c.outstandingCents, 0);
  const administratiekosten = cjibClaims.reduce((sum, c) => sum + c.administratiekostenCents, 0);
  trace.push(
    step(
      'regeling.openstaand',
      `${cjibClaims.length} openstaande CJIB-vordering(en) samen: ${formatCents(outstanding)} (zonder administratiekosten ${formatCents(administratiekosten)})`,
    ),
  );

  const minimum = parameters.minimumOutstanding.value;
  if (outstanding < minimum) {
    refusals.push(`Het openstaande bedrag ${formatCents(outstanding)} is lager dan ${formatCents(minimum)}.`);
    trace.push(step('regeling.minimum', `Onder de drempel van ${formatCents(minimum)}: geen standaardregeling.`));
  } else {
    trace.push(step('regeling.minimum', `Drempel van ${formatCents(minimum)} gehaald.`));
  }
  if (input.deurwaarderInvolved) {
    refusals.push('De deurwaarder heeft de zaak al in behandeling.');
    trace.push(step('regeling.deurwaarder', 'Geen standaardregeling: de deurwaarder heeft de zaak.'));
  }
  if (input.dwangmiddelInProgress) {
    refusals.push('Er wordt al een dwangmiddel toegepast.');
    trace.push(step('regeling.dwangmiddel', 'Geen standaardregeling: er loopt een dwangmiddel.'));
  }
  const window = parameters.repeatWindowMonths.value;
  const recentBroken = input.previousArrangements.find(
    (a) => !a.honouredExactly && monthsBetween(a.endedOn, input.peildatum) < window,
  );
  if (recentBroken) {
    refusals.push(
      `Een eerdere regeling (beëindigd ${recentBroken.endedOn}) is binnen ${window} maanden niet precies nagekomen.`,
    );
    trace.push(
      step(
        'regeling.herhaling',
        `Tweede regeling binnen ${window} maanden alleen als de vorige precies is nagekomen; dat was niet zo.`,
      ),
    );
  }

  const maxMonths = maxMonthsFor(outstanding, parameters);
  trace.push(
    step('regeling.termijnen', `Bij ${formatCents(outstanding)} hoogstens ${maxMonths} maandelijkse termijnen.`),
  );
  return {
    value: {
      eligible: refusals.length === 0,
      outstandingCents: outstanding,
      totalCents: outstanding + administratiekosten,
      maxMonths,
      refusals,
    },
    inputs: input,
    parameterSet: { id: parameters.id, validFrom: parameters.validFrom },
    trace,
  };
}

/**
 * Splits `totalCents` into `months` monthly instalments from `firstDueDate`: equal whole-cent
 * amounts, the last one absorbing the remainder, so they always add up exactly.
 */
export function generatePlan(totalCents: Cents, months: number, firstDueDate: string): Instalment[] {
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0)
    throw new RangeError('Het totaalbedrag moet positief zijn, in hele centen.');
  if (!Number.isInteger(months) || months < 1) throw new RangeError('Het aantal termijnen moet minstens 1 zijn.');
  const count = Math.min(months, totalCents); // never an instalment of € 0,00
  const regular = Math.floor(totalCents / count);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueDate: addMonths(firstDueDate, i),
    amountCents: i === count - 1 ? totalCents - regular * (count - 1) : regular,
  }));
}

/**
 * A tailored plan: `instalmentCents` each month (never more than the capacity it was set to), the
 * last one the remainder.
 */
export function generatePlanForInstalment(
  totalCents: Cents,
  instalmentCents: Cents,
  firstDueDate: string,
): Instalment[] {
  if (!Number.isSafeInteger(instalmentCents) || instalmentCents <= 0)
    throw new RangeError('De termijn moet positief zijn, in hele centen.');
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0)
    throw new RangeError('Het totaalbedrag moet positief zijn, in hele centen.');
  const count = Math.ceil(totalCents / instalmentCents);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    dueDate: addMonths(firstDueDate, i),
    amountCents: i === count - 1 ? totalCents - instalmentCents * (count - 1) : instalmentCents,
  }));
}

/** The standard plan's number of instalments: the term table's maximum, fewer where the minimum instalment requires. */
export function standardTermMonths(totalCents: Cents, maxMonths: number, parameters: RegelingParameterSet): number {
  return Math.max(1, Math.min(maxMonths, Math.floor(totalCents / parameters.minimumInstalment.value) || 1));
}

export type TailoredOutcome =
  | { kind: 'standaard'; months: number; instalmentCents: Cents }
  | { kind: 'persoonlijk'; months: number; instalmentCents: Cents; belowStandardTerms: boolean }
  | { kind: 'niet_aflosbaar'; months: null; instalmentCents: Cents }
  | { kind: 'niets_open'; months: null; instalmentCents: 0 };

export interface ArrangementProposalInput {
  peildatum: string;
  totalCents: Cents;
  standardMaxMonths: number;
  afloscapaciteitCents: Cents;
}

/**
 * What to offer: the standard arrangement when its instalment fits the capacity; otherwise a
 * tailored one paying the capacity each month, at most 36 months; when even that cannot clear the
 * debt, noodstop or referral to schuldhulpverlening, decided by a second person.
 */
export function proposeArrangement(
  input: ArrangementProposalInput,
  sets: readonly RegelingParameterSet[] = activeParameterSets('regeling'),
): Explained<TailoredOutcome, ArrangementProposalInput> {
  const parameters = selectParameterSet(sets, input.peildatum);
  const trace: TraceStep[] = [];
  const explained = (value: TailoredOutcome) => ({
    value,
    inputs: input,
    parameterSet: { id: parameters.id, validFrom: parameters.validFrom },
    trace,
  });
  if (input.totalCents <= 0) {
    trace.push(step('regeling.niets-open', 'Er staat niets open: geen regeling nodig.'));
    return explained({ kind: 'niets_open', months: null, instalmentCents: 0 });
  }
  const minimum = parameters.minimumInstalment;
  const standardMonths = standardTermMonths(input.totalCents, input.standardMaxMonths, parameters);
  if (standardMonths < input.standardMaxMonths) {
    trace.push(
      step(
        'regeling.minimum-termijn',
        `Termijnen beperkt tot ${standardMonths} door een minimumtermijn van ${formatCents(minimum.value)} (niet bevestigd).`,
        minimum.status !== 'confirmed',
      ),
    );
  }
  // The highest instalment of the real plan (the last absorbs the rest) must fit, not an average.
  const standardInstalment = Math.max(
    ...generatePlan(input.totalCents, standardMonths, input.peildatum).map((i) => i.amountCents),
  );
  trace.push(
    step(
      'regeling.standaardtermijn',
      `Standaardregeling: ${standardMonths} termijnen, de hoogste ${formatCents(standardInstalment)}.`,
    ),
  );

  if (standardInstalment <= input.afloscapaciteitCents) {
    trace.push(
      step(
        'regeling.past',
        `De standaardtermijn past binnen de afloscapaciteit van ${formatCents(input.afloscapaciteitCents)}.`,
      ),
    );
    return explained({ kind: 'standaard', months: standardMonths, instalmentCents: standardInstalment });
  }
  const maxMonths = parameters.maxTailoredMonths.value;
  if (input.afloscapaciteitCents <= 0 || Math.ceil(input.totalCents / input.afloscapaciteitCents) > maxMonths) {
    trace.push(
      step(
        'regeling.niet-aflosbaar',
        `Met ${formatCents(input.afloscapaciteitCents)} per maand is ${formatCents(input.totalCents)} niet binnen ${maxMonths} maanden af te lossen: noodstop (${parameters.noodstopMonths.value} maanden, met schuldhulp nog ${parameters.noodstopExtensionMonths.value}) of verwijzing naar schuldhulpverlening, te beslissen door een tweede persoon.`,
        parameters.maxTailoredMonths.status !== 'confirmed',
      ),
    );
    return explained({ kind: 'niet_aflosbaar', months: null, instalmentCents: input.afloscapaciteitCents });
  }
  const months = Math.ceil(input.totalCents / input.afloscapaciteitCents);
  trace.push(
    step(
      'regeling.persoonlijk',
      `Persoonlijke regeling: ${months} termijnen van hoogstens ${formatCents(input.afloscapaciteitCents)} (de afloscapaciteit); langer dan de standaard ${standardMonths} termijnen, dus goedkeuring van de teamleider nodig.`,
      parameters.maxTailoredMonths.status !== 'confirmed',
    ),
  );
  return explained({
    kind: 'persoonlijk',
    months,
    instalmentCents: input.afloscapaciteitCents,
    belowStandardTerms: months > standardMonths,
  });
}

export interface ArrangementStanding {
  /** What the instalments due up to and including `today` add up to. */
  dueCents: Cents;
  /** What the person paid on their CJIB claims since the decision. */
  paidCents: Cents;
  /** Due minus paid, at least zero. */
  behindCents: Cents;
  /** Kept to so far: nothing due is unpaid. A running arrangement that is not honoured no longer blocks escalation. */
  honoured: boolean;
}

/** Whether a running arrangement is being kept to on `today`, from its instalments and the payments since it started. */
export function arrangementStanding(
  instalments: readonly { dueDate: string; amountCents: Cents }[],
  paidCents: Cents,
  today: string,
): ArrangementStanding {
  const dueCents = instalments.filter((i) => i.dueDate <= today).reduce((sum, i) => sum + i.amountCents, 0);
  const behindCents = Math.max(0, dueCents - paidCents);
  return { dueCents, paidCents, behindCents, honoured: behindCents === 0 };
}
