import { formatCents } from '../format';
import { computeBeslagvrijeVoet, type BvvInput, type BvvResult } from './beslagvrije-voet';
import {
  checkStandardArrangement,
  generatePlan,
  generatePlanForInstalment,
  proposeArrangement,
  type Instalment,
  type OpenClaim,
  type PreviousArrangement,
  type StandardCheck,
  type TailoredOutcome,
} from './betalingsregeling';
import { addMonths } from './calendar';
import type { Cents } from './money';
import { selectParameterSet } from './parameters/parameter-set';
import { activeParameterSets } from './parameters/registry';
import { step, type TraceStep } from './trace';

/**
 * The betalingsonmacht decision as a whole, run by the worker's app for the live preview and run
 * again by the central API on the current state before it is stored: the BVV and capacity, the
 * standard-arrangement check, the proposal, and whether the chosen decision is allowed and needs a
 * team lead's approval.
 */

export const decisionKinds = ['standaard', 'persoonlijk', 'noodstop', 'schuldhulp', 'afwijzing'] as const;

/** Arrangement statuses that leave no room for another decision on the same person. */
export const openArrangementStatuses = ['lopend', 'ter_goedkeuring'] as const;

/**
 * One running arrangement per person: no new betalingsonmacht decision while one runs or waits for
 * approval. The same rule for the desktop (offline, at once), the central and the Digitaal Loket.
 */
export function arrangementAlreadyOpen(statuses: readonly string[]): string | null {
  return statuses.some((s) => (openArrangementStatuses as readonly string[]).includes(s))
    ? 'Voor deze persoon loopt al een regeling of wacht al een besluit op goedkeuring.'
    : null;
}
export type DecisionKind = (typeof decisionKinds)[number];

export interface DecisionChoice {
  kind: DecisionKind;
  /** Standard: the number of monthly instalments (at most the term table's maximum). */
  months?: number | undefined;
  /** Tailored: the monthly instalment (at most the repayment capacity). */
  instalmentCents?: Cents | undefined;
  firstDueDate: string;
  /** Noodstop: the gemeente has started debt help (adds the extension). */
  withDebtHelp?: boolean | undefined;
  motivation: string;
}

export interface CaseFacts {
  claims: readonly OpenClaim[];
  deurwaarderInvolved: boolean;
  dwangmiddelInProgress: boolean;
  previousArrangements: readonly PreviousArrangement[];
}

export interface Assessment {
  bvv: BvvResult;
  standard: StandardCheck;
  proposal: TailoredOutcome;
  parameterSets: string[];
  trace: TraceStep[];
}

export type DecisionOutcome =
  | {
      allowed: true;
      kind: DecisionKind;
      totalCents: Cents;
      instalments: Instalment[];
      /** Noodstop: last day of the pause. */
      pauseUntil: string | null;
      requiresApproval: boolean;
      assessment: Assessment;
      trace: TraceStep[];
    }
  | { allowed: false; reason: string; assessment: Assessment; trace: TraceStep[] };

export function assess(bvvInput: BvvInput, facts: CaseFacts): Assessment {
  const bvv = computeBeslagvrijeVoet(bvvInput);
  const standard = checkStandardArrangement({ peildatum: bvvInput.peildatum, ...facts });
  const proposal = proposeArrangement({
    peildatum: bvvInput.peildatum,
    totalCents: standard.value.totalCents,
    standardMaxMonths: standard.value.maxMonths,
    afloscapaciteitCents: bvv.value.afloscapaciteitCents,
  });
  return {
    bvv: bvv.value,
    standard: standard.value,
    proposal: proposal.value,
    parameterSets: [bvv.parameterSet.id, standard.parameterSet.id],
    trace: [...bvv.trace, ...standard.trace, ...proposal.trace],
  };
}

export function evaluateDecision(bvvInput: BvvInput, facts: CaseFacts, choice: DecisionChoice): DecisionOutcome {
  const assessment = assess(bvvInput, facts);
  const trace = [...assessment.trace];
  const refuse = (reason: string): DecisionOutcome => {
    trace.push(step('besluit.niet-toegestaan', reason));
    return { allowed: false, reason, assessment, trace };
  };
  const { standard, bvv } = assessment;
  const total = standard.totalCents;
  const bvvNeedsApproval = bvv.requiresApproval;
  const allowed = (
    instalments: Instalment[],
    requiresApproval: boolean,
    pauseUntil: string | null = null,
  ): DecisionOutcome => {
    trace.push(
      step(
        'besluit.vastgelegd',
        `Besluit: ${labels[choice.kind]}${requiresApproval ? ', ter goedkeuring aan de teamleider' : ''}. Motivering: ${choice.motivation}`,
      ),
    );
    return {
      allowed: true,
      kind: choice.kind,
      totalCents: total,
      instalments,
      pauseUntil,
      requiresApproval,
      assessment,
      trace,
    };
  };

  if (choice.motivation.trim().length < 10) return refuse('Geef een motivering van minstens 10 tekens.');

  switch (choice.kind) {
    case 'standaard': {
      if (!standard.eligible) return refuse(`Geen standaardregeling mogelijk: ${standard.refusals.join(' ')}`);
      const months = choice.months ?? standard.maxMonths;
      if (!Number.isInteger(months) || months < 1 || months > standard.maxMonths) {
        return refuse(`Een standaardregeling heeft hier 1 tot ${standard.maxMonths} termijnen.`);
      }
      return allowed(generatePlan(total, months, choice.firstDueDate), bvvNeedsApproval);
    }
    case 'persoonlijk': {
      if (bvv.bvvCents === null)
        return refuse('Zonder vastgestelde beslagvrije voet is geen persoonlijke regeling mogelijk.');
      const instalment = choice.instalmentCents ?? bvv.afloscapaciteitCents;
      if (!Number.isSafeInteger(instalment) || instalment <= 0) return refuse('De termijn moet meer dan € 0,00 zijn.');
      if (instalment > bvv.afloscapaciteitCents) {
        return refuse(
          `De termijn ${formatCents(instalment)} is hoger dan de afloscapaciteit ${formatCents(bvv.afloscapaciteitCents)}.`,
        );
      }
      if (total <= 0) return refuse('Er staat niets open.');
      const plan = generatePlanForInstalment(total, instalment, choice.firstDueDate);
      const maxMonths = selectParameterSet(activeParameterSets('regeling'), bvvInput.peildatum).maxTailoredMonths.value;
      if (plan.length > maxMonths) {
        return refuse(
          `Met ${formatCents(instalment)} per maand duurt de regeling ${plan.length} maanden; hoogstens ${maxMonths}. Kies noodstop of verwijzing.`,
        );
      }
      const belowStandard = !standard.eligible || plan.length > standard.maxMonths;
      trace.push(
        step(
          'besluit.persoonlijk',
          `Persoonlijke regeling: ${plan.length} termijnen van hoogstens ${formatCents(instalment)}` +
            (belowStandard ? `; ruimer dan de standaardvoorwaarden (${standard.maxMonths} termijnen)` : ''),
        ),
      );
      return allowed(plan, belowStandard || bvvNeedsApproval);
    }
    case 'noodstop': {
      const parameters = selectParameterSet(activeParameterSets('regeling'), bvvInput.peildatum);
      const months =
        parameters.noodstopMonths.value + (choice.withDebtHelp ? parameters.noodstopExtensionMonths.value : 0);
      const until = addMonths(choice.firstDueDate, months);
      trace.push(
        step(
          'besluit.noodstop',
          `Noodstop van ${months} maanden tot ${until}: geen nieuwe verhogingen of invorderingsstappen. Een tweede persoon beslist.`,
        ),
      );
      return allowed([], true, until);
    }
    case 'schuldhulp':
      trace.push(
        step('besluit.schuldhulp', 'Verwijzing naar schuldhulpverlening bij de gemeente; een tweede persoon beslist.'),
      );
      return allowed([], true);
    case 'afwijzing':
      return allowed([], bvvNeedsApproval);
  }
}

const labels: Record<DecisionKind, string> = {
  standaard: 'standaardbetalingsregeling',
  persoonlijk: 'persoonlijke betalingsregeling',
  noodstop: 'noodstop',
  schuldhulp: 'verwijzing naar schuldhulpverlening',
  afwijzing: 'verzoek afgewezen',
};
