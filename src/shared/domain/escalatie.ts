import { formatCents, formatDate } from '../format';
import { addDays, parseIsoDate } from './calendar';
import { isPartnerClaim, type ClaimKind, type ClaimPhase } from './claims';
import { percentOf, type Cents } from './money';
import type { EscalatieParameterSet } from './parameters/escalatie-parameters';
import { activeParameterSets } from './parameters/registry';
import { selectParameterSet } from './parameters/parameter-set';
import { sources } from './sources';
import { step, type TraceSource, type TraceStep } from './trace';

/**
 * The life of a claim (docs/regels.md, Escalation): verhogingen, the steps that may follow, the blockers any
 * escalation must respect, and the lightest effective next step, each with a Dutch rule trace.
 */

export const escalationSteps = [
  'eerste_aanmaning',
  'tweede_aanmaning',
  'verhaal_zonder_dwangbevel',
  'dwangbevel_deurwaarder',
  'rijbewijsinneming',
  'buitengebruikstelling_voertuig',
  'gijzeling',
  'vervangende_hechtenis',
] as const;
export type EscalationStep = (typeof escalationSteps)[number];

/** What a claim decision can be: an escalation step, or waiving the verhoging of an aanmaning. */
export const waiveVerhoging = 'verhoging_kwijtschelden' as const;
export const claimDecisionSteps = [...escalationSteps, waiveVerhoging] as const;
export type ClaimDecisionStep = (typeof claimDecisionSteps)[number];

/** Steps that take effect only after a team lead's approval (four eyes, docs/regels.md, Vier ogen). */
export const stepsNeedingApproval: readonly EscalationStep[] = [
  'gijzeling',
  'rijbewijsinneming',
  'buitengebruikstelling_voertuig',
];
export const dwangmiddelen: readonly EscalationStep[] = [
  'rijbewijsinneming',
  'buitengebruikstelling_voertuig',
  'gijzeling',
  'vervangende_hechtenis',
];
const enforcement: readonly EscalationStep[] = ['verhaal_zonder_dwangbevel', 'dwangbevel_deurwaarder'];

export const stepLabels: Record<EscalationStep, string> = {
  eerste_aanmaning: 'eerste aanmaning',
  tweede_aanmaning: 'tweede aanmaning',
  verhaal_zonder_dwangbevel: 'verhaal zonder dwangbevel (loon, uitkering of bank)',
  dwangbevel_deurwaarder: 'dwangbevel via de deurwaarder',
  rijbewijsinneming: 'rijbewijsinneming',
  buitengebruikstelling_voertuig: 'buitengebruikstelling van het voertuig',
  gijzeling: 'gijzeling',
  vervangende_hechtenis: 'vervangende hechtenis',
};

/** Which steps the law gives each kind of claim, in order from light to heavy. */
const stepsByKind: Record<ClaimKind, readonly EscalationStep[]> = {
  wahv: [
    'eerste_aanmaning',
    'tweede_aanmaning',
    'verhaal_zonder_dwangbevel',
    'dwangbevel_deurwaarder',
    'rijbewijsinneming',
    'buitengebruikstelling_voertuig',
    'gijzeling',
  ],
  strafbeschikking: ['eerste_aanmaning', 'tweede_aanmaning', 'dwangbevel_deurwaarder', 'gijzeling'],
  geldboetevonnis: ['eerste_aanmaning', 'tweede_aanmaning', 'dwangbevel_deurwaarder', 'vervangende_hechtenis'],
  schadevergoedingsmaatregel: [
    'eerste_aanmaning',
    'tweede_aanmaning',
    'dwangbevel_deurwaarder',
    'vervangende_hechtenis',
  ],
  cak: [],
  duo: [],
  uwv: [],
  rvo: [],
  nvwa: [],
};

export interface Verhogingen {
  firstCents: Cents;
  secondCents: Cents;
  totalAfterFirstCents: Cents;
  totalAfterSecondCents: Cents;
  trace: TraceStep[];
}

/**
 * The increases the two aanmaningen add to the original amount. For a criminal sanction the second
 * is a fifth of what is *still owed* after the first (art. 6:4:2 Sv): pass `stillOwedAfterFirstCents`
 * once the first aanmaning went out, so part payments count. Without it the second is computed as
 * if nothing was paid (a preview before the first aanmaning).
 */
export function verhogingen(
  kind: ClaimKind,
  originalCents: Cents,
  peildatum: string,
  sets = activeParameterSets('escalatie'),
  stillOwedAfterFirstCents?: Cents,
): Verhogingen {
  const p = selectParameterSet(sets, peildatum);
  if (kind === 'wahv') {
    const first = percentOf(originalCents, p.wahvFirstIncreasePercent.value);
    const second = percentOf(originalCents + first, p.wahvSecondIncreasePercent.value);
    return {
      firstCents: first,
      secondCents: second,
      totalAfterFirstCents: originalCents + first,
      totalAfterSecondCents: originalCents + first + second,
      trace: [
        step(
          'verhoging.wahv.1',
          `1e aanmaning: +${p.wahvFirstIncreasePercent.value} % van ${formatCents(originalCents)} = ${formatCents(first)}`,
          p.wahvFirstIncreasePercent.status !== 'confirmed',
          sources.wahv,
        ),
        step(
          'verhoging.wahv.2',
          `2e aanmaning: +${p.wahvSecondIncreasePercent.value} % van ${formatCents(originalCents + first)} = ${formatCents(second)}`,
          p.wahvSecondIncreasePercent.status !== 'confirmed',
          sources.wahv,
        ),
      ],
    };
  }
  if (kind === 'strafbeschikking' || kind === 'geldboetevonnis' || kind === 'schadevergoedingsmaatregel') {
    const firstParam = p.criminalFirstIncrease[kind];
    const minParam = p.criminalSecondIncreaseMinimum[kind];
    const first = firstParam.value;
    const afterFirst = originalCents + first;
    const owed = Math.max(0, stillOwedAfterFirstCents ?? afterFirst);
    const second = Math.max(percentOf(owed, p.criminalSecondIncreasePercent.value), minParam.value);
    return {
      firstCents: first,
      secondCents: second,
      totalAfterFirstCents: afterFirst,
      totalAfterSecondCents: owed + second,
      trace: [
        step(
          'verhoging.straf.1',
          `1e aanmaning: +${formatCents(first)}`,
          firstParam.status !== 'confirmed',
          sources.sv642,
        ),
        step(
          'verhoging.straf.2',
          `2e aanmaning: ${p.criminalSecondIncreasePercent.value} % van wat nog openstaat (${formatCents(owed)}${owed !== afterFirst ? `, na betalingen; zonder betalingen ${formatCents(afterFirst)}` : ''}), minstens ${formatCents(minParam.value)} = ${formatCents(second)}`,
          minParam.status !== 'confirmed',
          sources.sv642,
        ),
      ],
    };
  }
  return {
    firstCents: 0,
    secondCents: 0,
    totalAfterFirstCents: originalCents,
    totalAfterSecondCents: originalCents,
    trace: [step('verhoging.partner', 'Vordering van een partner: CJIB verhoogt niet.')],
  };
}

export function gijzelingDays(outstandingCents: Cents, p: EscalatieParameterSet): number {
  return Math.max(1, Math.min(p.gijzelingMaxDays.value, Math.ceil(outstandingCents / p.gijzelingCentsPerDay.value)));
}

export function vervangendeHechtenisDays(outstandingCents: Cents, p: EscalatieParameterSet): number {
  return Math.max(
    1,
    Math.min(
      p.vervangendeHechtenisMaxDays.value,
      Math.ceil(outstandingCents / p.vervangendeHechtenisCentsPerDay.value),
    ),
  );
}

export interface ClaimForEscalation {
  kind: ClaimKind;
  phase: ClaimPhase;
  outstandingCents: Cents;
  /** The day the beschikking or judgment became final (terms run from here). */
  finalDate: string;
  /** The day it had to be paid; the free-reminder pilot counts from here (defaults to finalDate). */
  dueDate?: string | undefined;
  /** Verhaal (garnishment) was tried and failed fully or partly. */
  verhaalFailed: boolean;
  hasDrivingLicence: boolean;
  vehicle: 'geen' | 'eigen' | 'van_derde';
  /** Geldboetevonnis/SVM: days of vervangende hechtenis fixed in the judgment, when known. */
  judgmentDays?: number | undefined;
  /** Steps recorded on this claim that took effect or wait for the team lead: never again. */
  stepsTaken?: readonly EscalationStep[] | undefined;
}

/** The step a claim's phase shows was taken last (aanmaningen are handled by the order rule). */
const stepOfPhase: Partial<Record<ClaimPhase, EscalationStep>> = {
  verhaal: 'verhaal_zonder_dwangbevel',
  deurwaarder: 'dwangbevel_deurwaarder',
};

/** Steps already taken or waiting for approval on a claim, from its recorded decisions. */
export function stepsTakenFrom(
  decisions: readonly { step: ClaimDecisionStep; status: 'ter_goedkeuring' | 'vastgelegd' | 'afgewezen' }[],
): EscalationStep[] {
  return decisions.flatMap((d) => (d.step !== waiveVerhoging && d.status !== 'afgewezen' ? [d.step] : []));
}

export interface PersonSituation {
  arrangementRunning: boolean;
  /** An arrangement was ever agreed for this claim (extends the terms by a year). */
  arrangementAgreed: boolean;
  noodstopUntil: string | null;
  moratorium: boolean;
  betalingsonmacht: 'geen' | 'in_beoordeling' | 'vastgesteld';
  deceased: boolean;
}

export interface StepAdvice {
  step: EscalationStep;
  requiresApproval: boolean;
  /** Gijzeling / vervangende hechtenis: days; licence / vehicle: weeks. */
  duration: { days: number } | { weeks: number } | null;
}

export interface EscalationAdvice {
  allowed: StepAdvice[];
  recommended: EscalationStep | null;
  blocked: { step: EscalationStep; reasons: string[] }[];
  parameterSet: string;
  trace: TraceStep[];
}

const phaseOrder: Record<ClaimPhase, number> = {
  beschikking: 0,
  eerste_aanmaning: 1,
  tweede_aanmaning: 2,
  regeling: 2,
  verhaal: 3,
  deurwaarder: 3,
  dwangmiddel: 4,
  betaald: 9,
  gestopt: 9,
};

/** The position a step needs the claim to have reached: aanmaningen cannot be skipped. */
const stepRequires: Record<EscalationStep, number> = {
  eerste_aanmaning: 0,
  tweede_aanmaning: 1,
  verhaal_zonder_dwangbevel: 2,
  dwangbevel_deurwaarder: 2,
  rijbewijsinneming: 3,
  buitengebruikstelling_voertuig: 3,
  gijzeling: 3,
  vervangende_hechtenis: 3,
};

export function adviseEscalation(
  claim: ClaimForEscalation,
  situation: PersonSituation,
  today: string,
  sets: readonly EscalatieParameterSet[] = activeParameterSets('escalatie'),
): EscalationAdvice {
  const p = selectParameterSet(sets, today);
  const trace: TraceStep[] = [];
  const candidates = stepsByKind[claim.kind];
  const blocked = new Map<EscalationStep, string[]>();
  const block = (s: EscalationStep, reason: string) => blocked.set(s, [...(blocked.get(s) ?? []), reason]);
  const blockAll = (
    steps: readonly EscalationStep[],
    reason: string,
    rule: string,
    unconfirmed = false,
    source?: TraceSource,
  ) => {
    for (const s of steps) if (candidates.includes(s)) block(s, reason);
    trace.push(step(rule, reason, unconfirmed, source));
  };

  if (isPartnerClaim(claim.kind)) {
    trace.push(
      step('escalatie.partner', 'Vordering van een partner: wordt getoond, maar CJIB neemt geen invorderingsstappen.'),
    );
    return { allowed: [], recommended: null, blocked: [], parameterSet: p.id, trace };
  }
  if (claim.phase === 'betaald' || claim.phase === 'gestopt' || claim.outstandingCents <= 0) {
    trace.push(step('escalatie.afgerond', 'De vordering is betaald of gestopt: geen volgende stap.'));
    return { allowed: [], recommended: null, blocked: [], parameterSet: p.id, trace };
  }

  // Blockers that hold for every step.
  if (situation.deceased) {
    blockAll(
      candidates,
      'De debiteur is overleden: de invordering stopt.',
      'blokkade.overleden',
      claim.kind !== 'wahv',
      claim.kind === 'wahv' ? sources.wahv : undefined,
    );
  }
  // The claim's own phase says so too (an arrangement recorded before this app kept decisions).
  if (situation.arrangementRunning || claim.phase === 'regeling') {
    blockAll(
      candidates,
      'Er loopt een betalingsregeling die wordt nagekomen: geen nieuwe invorderingsstap.',
      'blokkade.regeling',
    );
  }
  if (situation.noodstopUntil && today <= situation.noodstopUntil) {
    blockAll(
      candidates,
      `Noodstop tot en met ${formatDate(situation.noodstopUntil)}: geen nieuwe verhogingen of stappen.`,
      'blokkade.noodstop',
    );
  }
  if (situation.moratorium) {
    blockAll(candidates, 'Breed moratorium: geen invordering.', 'blokkade.moratorium');
  }
  if (situation.betalingsonmacht === 'in_beoordeling') {
    blockAll(
      dwangmiddelen,
      'Betalingsonmacht wordt nog beoordeeld: geen dwangmiddel tot daarover is beslist.',
      'blokkade.betalingsonmacht-open',
    );
  }
  if (situation.betalingsonmacht === 'vastgesteld') {
    blockAll(
      ['gijzeling'],
      'Betalingsonmacht is vastgesteld: geen gijzeling. Kies een persoonlijke regeling of noodstop.',
      'blokkade.betalingsonmacht-vastgesteld',
      true,
    );
  }

  // Order: aanmaningen cannot be skipped, and a step already taken is not taken again.
  const reached = phaseOrder[claim.phase];
  for (const s of candidates) {
    const needed = stepRequires[s];
    if (reached < needed)
      block(
        s,
        `Eerst moet de ${needed === 1 ? 'eerste aanmaning' : needed === 2 ? 'tweede aanmaning' : 'invordering'} zijn verstuurd of geprobeerd.`,
      );
    if ((s === 'eerste_aanmaning' && reached >= 1) || (s === 'tweede_aanmaning' && reached >= 2))
      block(s, 'Deze stap is al gezet.');
    // A step moves the claim on: the same step again (a double click, a second worker) is no step.
    else if (stepOfPhase[claim.phase] === s || claim.stepsTaken?.includes(s))
      block(s, 'Deze stap is al gezet of wacht op goedkeuring.');
  }

  // The free-reminder pilot: a Wahv fine due in its period first gets a reminder without costs.
  const pilot = p.gratisHerinnering;
  const dueDate = claim.dueDate ?? claim.finalDate;
  if (claim.kind === 'wahv' && claim.phase === 'beschikking' && pilot) {
    const inPilot = dueDate >= pilot.from.value && dueDate <= pilot.until.value;
    const firstAanmaningFrom = addDays(dueDate, pilot.termWeeks.value * 7);
    if (inPilot && today < firstAanmaningFrom) {
      blockAll(
        ['eerste_aanmaning'],
        `Proef gratis herinnering: deze boete kreeg eerst een herinnering zonder kosten; de eerste aanmaning kan vanaf ${formatDate(firstAanmaningFrom)} (termijn en reikwijdte van de proef niet bevestigd).`,
        'wahv.gratis-herinnering',
        true,
      );
    }
  }

  // Terms from the day the claim became final.
  const years = (from: string, to: string) => {
    const a = parseIsoDate(from);
    const b = parseIsoDate(to);
    return b.year - a.year - (b.month < a.month || (b.month === a.month && b.day < a.day) ? 1 : 0);
  };
  const age = years(claim.finalDate, today);
  const verhaalTerm = situation.arrangementAgreed ? p.verhaalTermYearsWithArrangement.value : p.verhaalTermYears.value;
  const dwangTerm = situation.arrangementAgreed
    ? p.dwangmiddelTermYearsWithArrangement.value
    : p.dwangmiddelTermYears.value;
  if (age >= verhaalTerm) {
    blockAll(
      enforcement,
      `De termijn voor verhaal (${verhaalTerm} jaar na ${formatDate(claim.finalDate)}) is verstreken.`,
      'blokkade.termijn-verhaal',
    );
  }
  if (age >= dwangTerm) {
    blockAll(
      dwangmiddelen,
      `De termijn voor dwangmiddelen (${dwangTerm} jaar na ${formatDate(claim.finalDate)}) is verstreken.`,
      'blokkade.termijn-dwangmiddel',
    );
  }

  // Dwangmiddelen only after verhaal failed; the lightest effective measure first.
  if (claim.kind === 'wahv' && !claim.verhaalFailed) {
    blockAll(
      ['rijbewijsinneming', 'buitengebruikstelling_voertuig', 'gijzeling'],
      'Dwangmiddelen pas als verhaal (deels) is mislukt.',
      'blokkade.eerst-verhaal',
    );
  }
  if (!claim.hasDrivingLicence) block('rijbewijsinneming', 'Geen rijbewijs bekend.');
  if (claim.vehicle === 'geen') block('buitengebruikstelling_voertuig', 'Geen voertuig bekend.');
  if (claim.vehicle === 'van_derde') {
    blockAll(
      ['buitengebruikstelling_voertuig'],
      'Het voertuig is van een derde: niet buiten gebruik stellen (Nationale ombudsman 2010/021).',
      'blokkade.voertuig-derde',
      false,
      sources.ombudsman2010021,
    );
  }
  const lighter = (['rijbewijsinneming', 'buitengebruikstelling_voertuig'] as const).filter(
    (s) => candidates.includes(s) && !blocked.has(s),
  );
  if (lighter.length && candidates.includes('gijzeling')) {
    block('gijzeling', `Een lichter dwangmiddel is mogelijk: ${lighter.map((s) => stepLabels[s]).join(' of ')}.`);
    trace.push(
      step(
        'evenredigheid.lichter-middel',
        'Het lichtste effectieve middel gaat voor: gijzeling pas als rijbewijs of voertuig niet kan.',
      ),
    );
  }

  const allowed: StepAdvice[] = candidates
    .filter((s) => !blocked.has(s))
    .map((s) => ({ step: s, requiresApproval: stepsNeedingApproval.includes(s), duration: durationOf(s, claim, p) }));
  const recommended = allowed[0]?.step ?? null;
  for (const a of allowed) {
    trace.push(
      step(
        `toegestaan.${a.step}`,
        `Toegestaan: ${stepLabels[a.step]}${a.duration ? ` (${'days' in a.duration ? `${a.duration.days} dagen` : `hoogstens ${a.duration.weeks} weken`})` : ''}${a.requiresApproval ? ', na goedkeuring teamleider' : ''}.`,
      ),
    );
  }
  for (const [s, reasons] of blocked)
    trace.push(step(`niet-toegestaan.${s}`, `Niet toegestaan: ${stepLabels[s]} — ${reasons.join(' ')}`));
  trace.push(
    step(
      'advies',
      recommended
        ? `Advies: ${stepLabels[recommended]} (de lichtste toegestane stap).`
        : 'Geen volgende stap mogelijk.',
    ),
  );
  return {
    allowed,
    recommended,
    blocked: [...blocked].map(([s, reasons]) => ({ step: s, reasons })),
    parameterSet: p.id,
    trace,
  };
}

function durationOf(s: EscalationStep, claim: ClaimForEscalation, p: EscalatieParameterSet): StepAdvice['duration'] {
  switch (s) {
    case 'gijzeling':
      return { days: gijzelingDays(claim.outstandingCents, p) };
    case 'vervangende_hechtenis':
      return { days: claim.judgmentDays ?? vervangendeHechtenisDays(claim.outstandingCents, p) };
    case 'rijbewijsinneming':
      return { weeks: p.rijbewijsMaxWeeks.value };
    case 'buitengebruikstelling_voertuig':
      return { weeks: p.voertuigMaxWeeks.value };
    default:
      return null;
  }
}

/** Due date of an aanmaning: the reminder term after it is sent. */
export function aanmaningDueDate(sentOn: string, peildatum = sentOn, sets = activeParameterSets('escalatie')): string {
  return addDays(sentOn, selectParameterSet(sets, peildatum).reminderTermWeeks.value * 7);
}

export type VoertuigState = 'buiten_gebruik' | 'op_te_halen' | 'achtergelaten';

/**
 * Where an immobilised vehicle stands on `today`: out of use for at most the measure's weeks, then
 * to be collected, and counted as abandoned once not collected within the abandonment term.
 * Both terms run from the day the measure took effect [inferred: the sources name the terms, not
 * their start; docs/regels.md, Escalation].
 */
export function voertuigTimeline(
  effectiveOn: string,
  today: string,
  sets = activeParameterSets('escalatie'),
): { state: VoertuigState; releasedOn: string; abandonedOn: string; text: string } {
  const p = selectParameterSet(sets, effectiveOn);
  const releasedOn = addDays(effectiveOn, p.voertuigMaxWeeks.value * 7);
  const abandonedOn = addDays(effectiveOn, p.voertuigAbandonedAfterWeeks.value * 7);
  if (today >= abandonedOn) {
    return {
      state: 'achtergelaten',
      releasedOn,
      abandonedOn,
      text: `Niet opgehaald binnen ${p.voertuigAbandonedAfterWeeks.value} weken: het voertuig geldt sinds ${formatDate(abandonedOn)} als achtergelaten.`,
    };
  }
  if (today >= releasedOn) {
    return {
      state: 'op_te_halen',
      releasedOn,
      abandonedOn,
      text: `Buitengebruikstelling voorbij; niet opgehaald vóór ${formatDate(abandonedOn)} geldt het voertuig als achtergelaten.`,
    };
  }
  return {
    state: 'buiten_gebruik',
    releasedOn,
    abandonedOn,
    text: `Buiten gebruik tot ${formatDate(releasedOn)} (hoogstens ${p.voertuigMaxWeeks.value} weken).`,
  };
}
