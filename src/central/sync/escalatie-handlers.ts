import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { ClaimKind, ClaimPhase } from '../../shared/domain/claims';
import {
  adviseEscalation,
  stepLabels,
  stepsTakenFrom,
  verhogingen,
  waiveVerhoging,
  type ClaimDecisionStep,
  type EscalationStep,
} from '../../shared/domain/escalatie';
import { arrangementStanding } from '../../shared/domain/betalingsregeling';
import { outsideJointArrangement } from '../../shared/domain/betalingsregeling-rijk';
import { formatCents, formatDate } from '../../shared/format';
import {
  claimForEscalation,
  phaseAfterStep,
  situationFromDecisions,
  noPersonStatus,
  type DecisionOnRecord,
  type EscalationFacts,
  type PersonStatus,
} from '../../shared/domain/escalatie-situatie';
import type { Principal } from '../auth/access-token';
import type { Queryable } from '../db/sql-client';
import { caseTeams } from '../scope';
import { recordChange } from './change-feed';
import type { CommandResult } from './command-handlers';
import { completeTasksOfDecision } from './taken-handlers';
import type { ServerClock } from './server-clock';
import { can, refusalOf } from '../../shared/domain/permissions';

type DecisionCommand = Extract<Command, { type: 'RecordEscalationDecision' }>;
type ApprovalCommand = Extract<Command, { type: 'DecideEscalationApproval' }>;

interface ClaimRow {
  person_id: string;
  team_id: string;
  kind: ClaimKind;
  phase: ClaimPhase;
  outstanding_cents: number;
  original_cents: number;
  due_date: string;
  version: number;
}

const claimColumns = `person_id, team_id, kind, phase, outstanding_cents::bigint AS outstanding_cents,
  original_cents::bigint AS original_cents, to_char(due_date, 'YYYY-MM-DD') AS due_date, version::bigint AS version`;

async function lockClaim(tx: Queryable, claimId: string): Promise<ClaimRow | undefined> {
  return (await tx.query<ClaimRow>(`SELECT ${claimColumns} FROM claims WHERE id = $1 FOR UPDATE`, [claimId]))[0];
}

/**
 * The advice on the server's current state: the claim with the steps already recorded on it (but
 * `exceptDecision`, the one being approved), the worker's checked facts, the person's decisions.
 */
async function currentAdvice(
  tx: Queryable,
  claimId: string,
  claim: ClaimRow,
  facts: EscalationFacts,
  today: string,
  exceptDecision: string | null = null,
) {
  const recorded = await tx.query<{ step: ClaimDecisionStep; status: 'ter_goedkeuring' | 'vastgelegd' | 'afgewezen' }>(
    'SELECT step, status FROM escalation_decisions WHERE claim_id = $1 AND id IS DISTINCT FROM $2',
    [claimId, exceptDecision],
  );
  const rows = await tx.query<DecisionOnRecord & { id: string; decidedOn: string }>(
    `SELECT id, kind, status, to_char(pause_until, 'YYYY-MM-DD') AS "pauseUntil",
            to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "decidedOn"
     FROM arrangements WHERE person_id = $1`,
    [claim.person_id],
  );
  const decisions: DecisionOnRecord[] = [];
  for (const { id, decidedOn, ...decision } of rows) {
    if (decision.status !== 'lopend') {
      decisions.push(decision);
      continue;
    }
    // Is the running arrangement kept to? Its instalments due so far against the payments since.
    const instalments = await tx.query<{ dueDate: string; amountCents: number }>(
      `SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate", amount_cents::bigint AS "amountCents"
       FROM arrangement_instalments WHERE arrangement_id = $1`,
      [id],
    );
    // Payments on the claims of every creditor that took part in the (joint) arrangement that day.
    const paid = await tx.query<{ kind: ClaimKind; paid: number }>(
      `SELECT c.kind, sum(e.amount_cents)::bigint AS paid FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE c.person_id = $1 AND e.kind = 'betaling' AND e.occurred_on >= $2::date
       GROUP BY c.kind`,
      [claim.person_id, decidedOn],
    );
    const standing = arrangementStanding(
      instalments.map((i) => ({ dueDate: i.dueDate, amountCents: Number(i.amountCents) })),
      paid.filter((p) => !outsideJointArrangement(p.kind, decidedOn)).reduce((sum, p) => sum + Number(p.paid), 0),
      today,
    );
    decisions.push({ ...decision, honoured: standing.honoured });
  }
  const persons = await tx.query<PersonStatus>(
    `SELECT to_char(deceased_on, 'YYYY-MM-DD') AS "deceasedOn", to_char(moratorium_until, 'YYYY-MM-DD') AS "moratoriumUntil"
     FROM persons WHERE id = $1`,
    [claim.person_id],
  );
  return adviseEscalation(
    claimForEscalation(
      {
        kind: claim.kind,
        phase: claim.phase,
        outstandingCents: Number(claim.outstanding_cents),
        dueDate: claim.due_date,
      },
      facts,
      stepsTakenFrom(recorded),
    ),
    situationFromDecisions(decisions, persons[0] ?? noPersonStatus, today),
    today,
  );
}

/**
 * The server decides again on its current state, with the same domain code as the app. A step
 * that is no longer allowed because the claim moved on since the worker looked is a conflict;
 * one that was never allowed is rejected.
 */
export async function recordEscalationDecision(
  tx: Queryable,
  principal: Principal,
  command: DecisionCommand,
  clock: ServerClock,
): Promise<CommandResult> {
  const { today } = clock;
  if (!can(principal, 'workCases')) return { status: 'rejected', reason: 'Uw rol mag geen invorderingsstappen nemen.' };
  const { payload } = command;
  const claim = await lockClaim(tx, payload.claimId);
  if (!claim || !caseTeams(principal).includes(claim.team_id)) {
    return { status: 'rejected', reason: 'Deze vordering bestaat niet of hoort niet bij uw team.' };
  }
  if (
    await tx.query('SELECT 1 FROM escalation_decisions WHERE id = $1', [payload.decisionId]).then((r) => r.length > 0)
  ) {
    return { status: 'conflict', reason: 'Er bestaat al een besluit met dit kenmerk.' };
  }
  if (payload.step === waiveVerhoging) return requestWaiver(tx, principal, command, claim, clock.at);
  const advice = await currentAdvice(tx, payload.claimId, claim, payload.facts, today);
  const allowed = advice.allowed.find((a) => a.step === payload.step);
  if (!allowed) {
    const reasons =
      advice.blocked.find((b) => b.step === payload.step)?.reasons.join(' ') ??
      'Deze stap past niet bij deze vordering.';
    const movedOn = command.baseVersion !== null && Number(claim.version) !== command.baseVersion;
    return {
      status: movedOn ? 'conflict' : 'rejected',
      reason: `${movedOn ? 'De vordering is gewijzigd sinds uw beoordeling. ' : ''}${stepLabels[payload.step]} is niet toegestaan: ${reasons}`,
    };
  }
  const status = allowed.requiresApproval ? 'ter_goedkeuring' : 'vastgelegd';
  const version = await recordChange(tx, 'escalation', payload.decisionId, claim.team_id);
  await tx.query(
    `INSERT INTO escalation_decisions (id, claim_id, person_id, team_id, step, status, facts, motivation, trace, decided_by, decided_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      payload.decisionId,
      payload.claimId,
      claim.person_id,
      claim.team_id,
      payload.step,
      status,
      JSON.stringify(payload.facts),
      payload.motivation,
      JSON.stringify(advice.trace),
      principal.sub,
      clock.at,
      version,
    ],
  );
  if (status === 'vastgelegd') await applyStep(tx, payload.claimId, claim, payload.step, today);
  await completeTasksOfDecision(
    tx,
    principal,
    { kind: 'escalatie', personId: claim.person_id, claimId: payload.claimId },
    today,
  );
  return { status: 'applied', reason: null };
}

export async function decideEscalationApproval(
  tx: Queryable,
  principal: Principal,
  command: ApprovalCommand,
  today: string,
): Promise<CommandResult> {
  if (!can(principal, 'approveDecisions')) return { status: 'rejected', reason: refusalOf('approveDecisions') };
  const rows = await tx.query<{
    team_id: string;
    status: string;
    decided_by: string;
    claim_id: string;
    step: ClaimDecisionStep;
    facts: EscalationFacts & { eventId?: string };
  }>('SELECT team_id, status, decided_by, claim_id, step, facts FROM escalation_decisions WHERE id = $1 FOR UPDATE', [
    command.payload.decisionId,
  ]);
  const decision = rows[0];
  if (!decision || decision.team_id !== principal.team)
    return { status: 'rejected', reason: 'Dit besluit bestaat niet of hoort niet bij uw team.' };
  if (decision.decided_by === principal.sub)
    return { status: 'rejected', reason: 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.' };
  if (decision.status !== 'ter_goedkeuring')
    return { status: 'conflict', reason: 'Dit besluit wacht niet meer op goedkeuring.' };
  const claim = await lockClaim(tx, decision.claim_id);
  if (!claim) return { status: 'rejected', reason: 'De vordering bestaat niet meer.' };
  if (command.payload.approve && decision.step !== waiveVerhoging) {
    // Approval is a decision too: the step must still be allowed on today's state.
    const advice = await currentAdvice(tx, decision.claim_id, claim, decision.facts, today, command.payload.decisionId);
    if (!advice.allowed.some((a) => a.step === decision.step)) {
      const reasons = advice.blocked.find((b) => b.step === decision.step)?.reasons.join(' ') ?? '';
      return { status: 'conflict', reason: `Goedkeuren kan niet meer: ${reasons}` };
    }
  }
  const status = command.payload.approve ? 'vastgelegd' : 'afgewezen';
  const version = await recordChange(tx, 'escalation', command.payload.decisionId, decision.team_id);
  await tx.query(
    'UPDATE escalation_decisions SET status = $2, approved_by = $3, approval_note = $4, version = $5 WHERE id = $1',
    [command.payload.decisionId, status, principal.sub, command.payload.note || null, version],
  );
  if (status === 'vastgelegd') {
    if (decision.step === waiveVerhoging) await applyWaiver(tx, decision.claim_id, claim, decision.facts, today);
    else await applyStep(tx, decision.claim_id, claim, decision.step, today);
  }
  return { status: 'applied', reason: null };
}

/** A step that takes effect moves the claim on, adds an aanmaning's verhoging, and enters its history. */
async function applyStep(
  tx: Queryable,
  claimId: string,
  claim: ClaimRow,
  stepName: EscalationStep,
  today: string,
): Promise<void> {
  // The second aanmaning's verhoging counts what is still owed after the first (part payments).
  const increase = verhogingen(
    claim.kind,
    Number(claim.original_cents),
    today,
    undefined,
    stepName === 'tweede_aanmaning' ? Number(claim.outstanding_cents) : undefined,
  );
  const added =
    stepName === 'eerste_aanmaning' ? increase.firstCents : stepName === 'tweede_aanmaning' ? increase.secondCents : 0;
  const version = await recordChange(tx, 'claim', claimId, claim.team_id);
  await tx.query(
    'UPDATE claims SET phase = $2, outstanding_cents = outstanding_cents + $3, version = $4 WHERE id = $1',
    [claimId, phaseAfterStep(stepName), added, version],
  );
  const eventId = randomUUID();
  const eventVersion = await recordChange(tx, 'claim_event', eventId, claim.team_id);
  await tx.query(
    `INSERT INTO claim_events (id, claim_id, team_id, kind, occurred_on, amount_cents, description, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      eventId,
      claimId,
      claim.team_id,
      stepName === 'eerste_aanmaning' || stepName === 'tweede_aanmaning' ? stepName : 'stap',
      today,
      added,
      stepLabels[stepName].replace(/^./, (c) => c.toUpperCase()),
      eventVersion,
    ],
  );
}

/**
 * Waiving an aanmaning's verhoging: always a decision for the team lead. The aanmaning must be this
 * claim's, carry a verhoging, and not be waived (or waiting to be) already.
 */
async function requestWaiver(
  tx: Queryable,
  principal: Principal,
  command: DecisionCommand,
  claim: ClaimRow,
  decidedAt: string,
): Promise<CommandResult> {
  const { payload } = command;
  const events = await tx.query<{ kind: string; amount_cents: number }>(
    'SELECT kind, amount_cents::bigint AS amount_cents FROM claim_events WHERE id = $1 AND claim_id = $2',
    [payload.eventId, payload.claimId],
  );
  const event = events[0];
  if (!event || !event.kind.endsWith('aanmaning') || Number(event.amount_cents) <= 0) {
    return { status: 'rejected', reason: 'Dit is geen aanmaning met een verhoging van deze vordering.' };
  }
  const earlier = await tx.query(
    `SELECT 1 FROM escalation_decisions WHERE claim_id = $1 AND step = $2 AND facts->>'eventId' = $3 AND status <> 'afgewezen'`,
    [payload.claimId, waiveVerhoging, payload.eventId],
  );
  if (earlier.length)
    return { status: 'conflict', reason: 'Voor deze verhoging is al kwijtschelding gevraagd of verleend.' };
  const version = await recordChange(tx, 'escalation', payload.decisionId, claim.team_id);
  await tx.query(
    `INSERT INTO escalation_decisions (id, claim_id, person_id, team_id, step, status, facts, motivation, trace, decided_by, decided_at, version)
     VALUES ($1, $2, $3, $4, $5, 'ter_goedkeuring', $6, $7, $8, $9, $10, $11)`,
    [
      payload.decisionId,
      payload.claimId,
      claim.person_id,
      claim.team_id,
      waiveVerhoging,
      JSON.stringify({ ...payload.facts, eventId: payload.eventId }),
      payload.motivation,
      JSON.stringify([
        {
          rule: 'kwijtschelding',
          text: `Kwijtschelding van de verhoging ${formatCents(Number(event.amount_cents))}; een teamleider beslist.`,
        },
      ]),
      principal.sub,
      decidedAt,
      version,
    ],
  );
  return { status: 'applied', reason: null };
}

async function applyWaiver(
  tx: Queryable,
  claimId: string,
  claim: ClaimRow,
  facts: { eventId?: string },
  today: string,
): Promise<void> {
  const events = await tx.query<{ amount_cents: number; occurred_on: string }>(
    `SELECT amount_cents::bigint AS amount_cents, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM claim_events WHERE id = $1`,
    [facts.eventId],
  );
  const amount = Math.min(Number(events[0]?.amount_cents ?? 0), Number(claim.outstanding_cents));
  const version = await recordChange(tx, 'claim', claimId, claim.team_id);
  await tx.query('UPDATE claims SET outstanding_cents = outstanding_cents - $2, version = $3 WHERE id = $1', [
    claimId,
    amount,
    version,
  ]);
  const eventId = randomUUID();
  const eventVersion = await recordChange(tx, 'claim_event', eventId, claim.team_id);
  await tx.query(
    `INSERT INTO claim_events (id, claim_id, team_id, kind, occurred_on, amount_cents, description, version)
     VALUES ($1, $2, $3, 'verhoging_kwijtgescholden', $4, $5, $6, $7)`,
    [
      eventId,
      claimId,
      claim.team_id,
      today,
      amount,
      `Verhoging van de aanmaning van ${formatDate(events[0]?.occurred_on ?? today)} kwijtgescholden`,
      eventVersion,
    ],
  );
}
