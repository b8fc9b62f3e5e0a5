import { formatCents } from '../format';
import { addMonths, monthsBetween } from './calendar';
import type { ClaimKind } from './claims';
import type { Cents } from './money';
import {
  checkStandardArrangement,
  generatePlan,
  standardTermMonths,
  type Instalment,
  type PreviousArrangement,
  type StandardCheck,
} from './betalingsregeling';
import { selectParameterSet } from './parameters/parameter-set';
import type { RegelingParameterSet } from './parameters/regeling-parameters';
import { activeParameterSets } from './parameters/registry';
import { creditors, type Creditor, type RijksincassoParameterSet } from './parameters/rijksincasso-parameters';
import { step, type Explained, type TraceStep } from './trace';

/**
 * Betalingsregeling Rijk (docs/regels.md, Payment arrangements, Persoonlijke betalingsregeling): one person, one arrangement over the claims of every
 * government creditor that takes part. The afloscapaciteit is shared, never counted per creditor:
 * each instalment and each payment is divided over the creditors, in whole cents that add up.
 */

export function creditorOf(kind: ClaimKind): Creditor {
  switch (kind) {
    case 'cak':
      return 'CAK';
    case 'duo':
      return 'DUO';
    case 'uwv':
      return 'UWV';
    case 'rvo':
      return 'RVO';
    case 'nvwa':
      return 'NVWA';
    default:
      return 'CJIB';
  }
}

/**
 * The creditors taking part on `peildatum`, and the set that says so; before the first set only
 * CJIB arranges (its own claims).
 */
function participantsOn(peildatum: string, sets: readonly RijksincassoParameterSet[]) {
  if (!sets.some((s) => s.validFrom <= peildatum)) {
    return { participating: new Set<Creditor>(['CJIB']), parameterSet: { id: 'alleen-cjib', validFrom: '' } };
  }
  const parameters = selectParameterSet(sets, peildatum);
  return {
    participating: new Set(parameters.participants.value.filter((p) => p.from <= peildatum).map((p) => p.creditor)),
    parameterSet: { id: parameters.id, validFrom: parameters.validFrom },
  };
}

/** Whether a claim of this kind falls outside a Betalingsregeling Rijk made on `peildatum`. */
export function outsideJointArrangement(
  kind: ClaimKind,
  peildatum: string,
  sets: readonly RijksincassoParameterSet[] = activeParameterSets('rijksincasso'),
): boolean {
  return !participantsOn(peildatum, sets).participating.has(creditorOf(kind));
}

export interface RijkClaim {
  id: string;
  kind: ClaimKind;
  /** Outstanding including verhogingen, excluding administratiekosten. */
  outstandingCents: Cents;
  administratiekostenCents: Cents;
}

export interface CreditorShare {
  creditor: Creditor;
  claimIds: string[];
  /** What the arrangement collects for this creditor: outstanding plus administratiekosten. */
  owedCents: Cents;
}

export interface JointScope {
  /** The participating creditors with something open, in the fixed order CJIB, CAK, DUO, UWV, RVO, NVWA. */
  shares: CreditorShare[];
  /** Open claims of creditors that do not take part (yet): shown, not arranged. */
  outside: CreditorShare[];
  totalCents: Cents;
}

function sharesOf(claims: readonly RijkClaim[], include: (creditor: Creditor) => boolean): CreditorShare[] {
  return creditors
    .filter(include)
    .map((creditor) => {
      const own = claims.filter((c) => creditorOf(c.kind) === creditor && c.outstandingCents > 0);
      return {
        creditor,
        claimIds: own.map((c) => c.id),
        owedCents: own.reduce((sum, c) => sum + c.outstandingCents + c.administratiekostenCents, 0),
      };
    })
    .filter((share) => share.claimIds.length > 0);
}

/** A creditor of a decided arrangement and what it was owed on the day of the decision. */
export interface ArrangementCreditor {
  creditor: Creditor;
  owedCents: Cents;
}

/** The creditors an arrangement decided on `peildatum` over these open claims takes together. */
export function arrangementCreditors(claims: readonly RijkClaim[], peildatum: string): ArrangementCreditor[] {
  return jointScope(claims, peildatum).value.shares.map((s) => ({ creditor: s.creditor, owedCents: s.owedCents }));
}

/** Which of a person's open claims one Betalingsregeling Rijk takes together on `peildatum`. */
export function jointScope(
  claims: readonly RijkClaim[],
  peildatum: string,
  sets: readonly RijksincassoParameterSet[] = activeParameterSets('rijksincasso'),
): Explained<JointScope, { peildatum: string; claimIds: string[] }> {
  const { participating, parameterSet } = participantsOn(peildatum, sets);
  const shares = sharesOf(claims, (c) => participating.has(c));
  const outside = sharesOf(claims, (c) => !participating.has(c));
  const totalCents = shares.reduce((sum, s) => sum + s.owedCents, 0);
  const trace: TraceStep[] = [
    step(
      'rijk.deelnemers',
      `Betalingsregeling Rijk op ${peildatum}: ${[...participating].join(', ')} doen mee. Samen ${formatCents(totalCents)}: ${shares
        .map((s) => `${s.creditor} ${formatCents(s.owedCents)}`)
        .join(', ')}.`,
    ),
  ];
  if (outside.length) {
    trace.push(
      step(
        'rijk.buiten',
        `${outside.map((s) => `${s.creditor} (${formatCents(s.owedCents)})`).join(', ')} doet nog niet mee: deze vordering(en) vallen buiten de regeling.`,
      ),
    );
  }
  return {
    value: { shares, outside, totalCents },
    inputs: { peildatum, claimIds: claims.map((c) => c.id) },
    parameterSet,
    trace,
  };
}

/**
 * The standard-arrangement rules applied over every claim in the joint scope at once: the ≥ € 75
 * threshold and the term table on the total, and the 12-month rule over earlier arrangements at
 * any creditor.
 */
export function checkJointArrangement(
  input: JointArrangementInput,
  sets: { regeling?: readonly RegelingParameterSet[]; rijk?: readonly RijksincassoParameterSet[] } = {},
): Explained<StandardCheck & { scope: JointScope }, typeof input> {
  const scope = jointScope(input.claims, input.peildatum, sets.rijk);
  const inScope = new Set(scope.value.shares.flatMap((s) => s.claimIds));
  // In a joint arrangement every participating creditor's claim is taken together, as CJIB's own.
  const check = checkStandardArrangement(
    {
      peildatum: input.peildatum,
      claims: input.claims.map((c) => ({
        id: c.id,
        outstandingCents: c.outstandingCents,
        administratiekostenCents: c.administratiekostenCents,
        outsideArrangement: !inScope.has(c.id),
      })),
      deurwaarderInvolved: input.deurwaarderInvolved,
      dwangmiddelInProgress: input.dwangmiddelInProgress,
      previousArrangements: input.previousArrangements,
    },
    sets.regeling ?? activeParameterSets('regeling'),
  );
  return {
    value: { ...check.value, scope: scope.value },
    inputs: input,
    parameterSet: check.parameterSet,
    trace: [...scope.trace, ...check.trace],
  };
}

export interface JointArrangementInput {
  peildatum: string;
  claims: readonly RijkClaim[];
  deurwaarderInvolved: boolean;
  dwangmiddelInProgress: boolean;
  previousArrangements: readonly PreviousArrangement[];
}

/**
 * What one Betalingsregeling Rijk would be on `peildatum`: who takes part and for how much, whether
 * the standard terms are open, and the standard plan's first instalment divided over the creditors.
 */
export function previewJointArrangement(
  input: JointArrangementInput,
  sets: { regeling?: readonly RegelingParameterSet[]; rijk?: readonly RijksincassoParameterSet[] } = {},
) {
  const check = checkJointArrangement(input, sets);
  const { scope, eligible, maxMonths } = check.value;
  const regeling = selectParameterSet(sets.regeling ?? activeParameterSets('regeling'), input.peildatum);
  const months = standardTermMonths(scope.totalCents, maxMonths, regeling);
  const first =
    eligible && scope.totalCents > 0
      ? divideInstalments(generatePlan(scope.totalCents, months, input.peildatum), scope.shares)[0]
      : undefined;
  const summary = (s: CreditorShare) => ({
    creditor: s.creditor,
    claimCount: s.claimIds.length,
    owedCents: s.owedCents,
  });
  const trace = [...check.trace];
  if (first) {
    trace.push(
      step(
        'rijk.termijn',
        `Standaardregeling over alle schuldeisers: ${months} termijnen; de eerste, ${formatCents(first.amountCents)}, verdeeld naar wat elk nog tegoed heeft: ${first.perCreditor
          .map((p) => `${p.creditor} ${formatCents(p.amountCents)}`)
          .join(', ')}.`,
        true,
      ),
    );
  }
  return {
    shares: scope.shares.map(summary),
    outside: scope.outside.map(summary),
    totalCents: scope.totalCents,
    eligible,
    refusals: check.value.refusals,
    maxMonths,
    firstInstalment: first ? { amountCents: first.amountCents, perCreditor: first.perCreditor } : null,
    trace,
  };
}

/**
 * Divides `amountCents` over `weights` in proportion, in whole cents that add up to it exactly:
 * each gets the whole cents of its exact share, and the cents left over go one each to the largest
 * remainders (ties to the earlier weight). The rounding rule of the joint arrangement.
 */
export function divideCents(amountCents: Cents, weights: readonly Cents[]): Cents[] {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError('Bedrag in hele centen, ≥ 0.');
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('Gewichten in hele centen, ≥ 0.');
  if (total === 0n) {
    if (amountCents > 0) throw new RangeError('Niets om over te verdelen.');
    return weights.map(() => 0);
  }
  const amount = BigInt(amountCents);
  const exact = weights.map((w) => amount * BigInt(w)); // share × total, kept whole
  const shares = exact.map((e) => e / total);
  let left = amount - shares.reduce((sum, s) => sum + s, 0n);
  const order = exact
    .map((e, index) => ({ index, remainder: e % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

export interface JointInstalment extends Instalment {
  perCreditor: { creditor: Creditor; amountCents: Cents }[];
}

/**
 * What each creditor gets of an amount paid under the arrangement: divided in proportion to what
 * each is still owed at that moment (the verdeelsleutel, unconfirmed), so no creditor is ever paid
 * more than it is owed and the last payment clears every creditor at once.
 */
function allocate(amountCents: Cents, remaining: Cents[]): Cents[] {
  const owed = remaining.reduce((sum, r) => sum + r, 0);
  const paid = divideCents(Math.min(amountCents, owed), remaining);
  paid.forEach((p, i) => (remaining[i] = (remaining[i] ?? 0) - p));
  return paid;
}

/** The instalments of a joint plan, each divided over the creditors. */
export function divideInstalments(plan: readonly Instalment[], shares: readonly CreditorShare[]): JointInstalment[] {
  const remaining = shares.map((s) => s.owedCents);
  return plan.map((instalment) => {
    const paid = allocate(instalment.amountCents, remaining);
    return {
      ...instalment,
      perCreditor: shares.map((s, i) => ({ creditor: s.creditor, amountCents: paid[i] ?? 0 })),
    };
  });
}

/**
 * Payments received under the arrangement, in the order they came in, allocated to the creditors;
 * anything paid beyond what is owed is reported as `surplusCents` (to be refunded), not allocated.
 */
export function allocatePayments(
  payments: readonly Cents[],
  shares: readonly CreditorShare[],
): { perCreditor: { creditor: Creditor; paidCents: Cents; stillOwedCents: Cents }[]; surplusCents: Cents } {
  const remaining = shares.map((s) => s.owedCents);
  let surplusCents = 0;
  const paid = shares.map(() => 0);
  for (const payment of payments) {
    const owed = remaining.reduce((sum, r) => sum + r, 0);
    surplusCents += Math.max(0, payment - owed);
    allocate(payment, remaining).forEach((p, i) => (paid[i] = (paid[i] ?? 0) + p));
  }
  return {
    perCreditor: shares.map((s, i) => ({
      creditor: s.creditor,
      paidCents: paid[i] ?? 0,
      stillOwedCents: remaining[i] ?? 0,
    })),
    surplusCents,
  };
}

/** The kenmerk a person pays a Betalingsregeling Rijk under (one for all its creditors). */
export function arrangementPaymentReference(arrangementId: string): string {
  return `BR${arrangementId
    .replace(/[^0-9A-Za-z]/g, '')
    .slice(-10)
    .toUpperCase()}`;
}

export interface ArrangementClaim {
  id: string;
  kind: ClaimKind;
  outstandingCents: Cents;
  dueDate: string;
}

/**
 * One payment under a running arrangement, allocated: first over the creditors by what each is
 * still owed (the verdeelsleutel, unconfirmed), then within a creditor to its oldest claim first.
 * What is paid beyond everything owed is `surplusCents`, to be refunded.
 */
export function allocateArrangementPayment(
  amountCents: Cents,
  claims: readonly ArrangementClaim[],
): {
  perClaim: { claimId: string; creditor: Creditor; cents: Cents }[];
  perCreditor: { creditor: Creditor; cents: Cents }[];
  surplusCents: Cents;
} {
  const open = claims.filter((c) => c.outstandingCents > 0);
  const present = [...new Set(open.map((c) => creditorOf(c.kind)))].sort(
    (a, b) => creditors.indexOf(a) - creditors.indexOf(b),
  );
  const owed = present.map((creditor) =>
    open.filter((c) => creditorOf(c.kind) === creditor).reduce((sum, c) => sum + c.outstandingCents, 0),
  );
  const totalOwed = owed.reduce((sum, o) => sum + o, 0);
  const perCreditor = allocate(amountCents, owed);
  const perClaim: { claimId: string; creditor: Creditor; cents: Cents }[] = [];
  present.forEach((creditor, i) => {
    let left = perCreditor[i] ?? 0;
    const own = open
      .filter((c) => creditorOf(c.kind) === creditor)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    for (const claim of own) {
      if (left === 0) break;
      const cents = Math.min(left, claim.outstandingCents);
      perClaim.push({ claimId: claim.id, creditor, cents });
      left -= cents;
    }
  });
  return {
    perClaim,
    perCreditor: present.map((creditor, i) => ({ creditor, cents: perCreditor[i] ?? 0 })),
    surplusCents: Math.max(0, amountCents - totalOwed),
  };
}

export interface PauseRequest {
  /** First month without an instalment (the due date of the first instalment paused). */
  from: string;
  months: number;
  /** Earlier pauses of this arrangement, by their first month. */
  earlierPauses: readonly string[];
  /** The day it is asked: an instalment already due cannot be paused any more. */
  today?: string;
}

/**
 * The pauzeknop (aflossingspauze): no instalment for `months`, the rest of the plan moves up as
 * many months. At most `pauseMaxMonths` at a time and one pause per `pauseWindowMonths` — both
 * unconfirmed parameters.
 */
export function pauseInstalments<T extends Pick<Instalment, 'dueDate'>>(
  plan: readonly T[],
  request: PauseRequest,
  sets: readonly RijksincassoParameterSet[] = activeParameterSets('rijksincasso'),
): Explained<{ allowed: boolean; plan: T[]; refusals: string[] }, PauseRequest> {
  const parameters = selectParameterSet(sets, request.from);
  const unconfirmed = parameters.pauseMaxMonths.status !== 'confirmed';
  const refusals: string[] = [];
  const trace: TraceStep[] = [];
  const max = parameters.pauseMaxMonths.value;
  const window = parameters.pauseWindowMonths.value;
  if (!Number.isInteger(request.months) || request.months < 1 || request.months > max) {
    refusals.push(`Een pauze duurt 1 tot en met ${max} maanden.`);
  }
  // Within the window on either side: a pause recorded earlier may be for a later instalment.
  const recent = request.earlierPauses.find((p) =>
    p <= request.from ? monthsBetween(p, request.from) < window : monthsBetween(request.from, p) < window,
  );
  if (recent) refusals.push(`Er was al een pauze binnen ${window} maanden (vanaf ${recent}).`);
  if (!plan.some((i) => i.dueDate >= request.from)) refusals.push('Na deze datum staan geen termijnen meer open.');
  else if (!plan.some((i) => i.dueDate === request.from)) refusals.push('Kies de vervaldatum van een termijn.');
  if (request.today && request.from < request.today)
    refusals.push('Een termijn die al verlopen is, kan niet meer worden gepauzeerd.');
  const allowed = refusals.length === 0;
  trace.push(
    step(
      'rijk.pauze',
      allowed
        ? `Aflossingspauze van ${request.months} maand(en) vanaf ${request.from}: de volgende termijnen schuiven zoveel maanden op (hoogstens ${max} maanden, één pauze per ${window} maanden).`
        : `Geen aflossingspauze: ${refusals.join(' ')}`,
      unconfirmed,
    ),
  );
  return {
    value: {
      allowed,
      refusals,
      plan: allowed
        ? plan.map((i) => (i.dueDate >= request.from ? { ...i, dueDate: addMonths(i.dueDate, request.months) } : i))
        : [...plan],
    },
    inputs: request,
    parameterSet: { id: parameters.id, validFrom: parameters.validFrom },
    trace,
  };
}
