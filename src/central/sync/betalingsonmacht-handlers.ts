import type { Command } from '../../shared/api/commands';
import {
  arrangementAlreadyOpen,
  evaluateDecision,
  type CaseFacts,
  type DecisionOutcome,
} from '../../shared/domain/betalingsonmacht-besluit';
import { amsterdamDate } from '../../shared/domain/amsterdam-clock';
import {
  arrangementCreditors,
  arrangementPaymentReference,
  outsideJointArrangement,
  pauseInstalments,
  type ArrangementCreditor,
} from '../../shared/domain/betalingsregeling-rijk';
import type { ClaimKind, ClaimPhase } from '../../shared/domain/claims';
import { formatCents } from '../../shared/format';
import type { Principal } from '../auth/access-token';
import type { Queryable } from '../db/sql-client';
import { caseTeams } from '../scope';
import { recordChange } from './change-feed';
import type { CommandResult } from './command-handlers';
import { completeTasksOfDecision } from './taken-handlers';
import type { ServerClock } from './server-clock';
import { can, refusalOf } from '../../shared/domain/permissions';

type DecisionCommand = Extract<Command, { type: 'RecordBetalingsonmachtDecision' }>;
type ApprovalCommand = Extract<Command, { type: 'DecideApproval' }>;
type PauseCommand = Extract<Command, { type: 'PauseArrangement' }>;

/**
 * The facts as the server has them now; the worker's app saw them perhaps hours ago, offline. The
 * claims of every creditor taking part in Betalingsregeling Rijk on `today` are arranged together.
 */
export async function caseFacts(tx: Queryable, personId: string, today: string): Promise<CaseFacts> {
  return (await caseFactsAndCreditors(tx, personId, today)).facts;
}

/** The facts, and the creditors one Betalingsregeling Rijk over them takes together with what each is owed. */
export async function caseFactsAndCreditors(
  tx: Queryable,
  personId: string,
  today: string,
): Promise<{ facts: CaseFacts; creditors: ArrangementCreditor[] }> {
  const claims = await tx.query<{
    id: string;
    kind: ClaimKind;
    phase: ClaimPhase;
    outstanding_cents: number;
    administratiekosten_cents: number;
  }>(
    `SELECT id, kind, phase, outstanding_cents::bigint AS outstanding_cents,
            administratiekosten_cents::bigint AS administratiekosten_cents FROM claims
     WHERE person_id = $1 AND phase NOT IN ('betaald', 'gestopt')`,
    [personId],
  );
  const ended = await tx.query<{ ended_on: string; honoured_exactly: boolean }>(
    `SELECT to_char(ended_on, 'YYYY-MM-DD') AS ended_on, honoured_exactly FROM arrangements
     WHERE person_id = $1 AND status = 'beeindigd'`,
    [personId],
  );
  const open = claims.map((c) => ({
    id: c.id,
    kind: c.kind,
    outstandingCents: Number(c.outstanding_cents),
    administratiekostenCents: Number(c.administratiekosten_cents),
  }));
  return {
    facts: {
      claims: open.map(({ kind, ...c }) => ({ ...c, outsideArrangement: outsideJointArrangement(kind, today) })),
      deurwaarderInvolved: claims.some((c) => c.phase === 'deurwaarder'),
      dwangmiddelInProgress: claims.some((c) => c.phase === 'dwangmiddel'),
      previousArrangements: ended.map((a) => ({ endedOn: a.ended_on, honouredExactly: a.honoured_exactly })),
    },
    creditors: arrangementCreditors(open, today),
  };
}

export async function recordBetalingsonmachtDecision(
  tx: Queryable,
  principal: Principal,
  command: DecisionCommand,
  clock: ServerClock,
): Promise<CommandResult> {
  if (!can(principal, 'workCases'))
    return { status: 'rejected', reason: 'Uw rol mag geen betalingsonmacht beoordelen.' };
  const { payload } = command;
  const persons = await tx.query<{ team_id: string }>('SELECT team_id FROM persons WHERE id = $1', [payload.personId]);
  const teamId = persons[0]?.team_id;
  if (!teamId || !caseTeams(principal).includes(teamId)) {
    return { status: 'rejected', reason: 'Deze persoon bestaat niet of hoort niet bij uw team.' };
  }
  const existing = await tx.query('SELECT 1 FROM arrangements WHERE id = $1', [payload.arrangementId]);
  if (existing.length) return { status: 'conflict', reason: 'Er bestaat al een besluit met dit kenmerk.' };
  const statuses = await tx.query<{ status: string }>('SELECT status FROM arrangements WHERE person_id = $1', [
    payload.personId,
  ]);
  const open = arrangementAlreadyOpen(statuses.map((r) => r.status));
  if (open) return { status: 'conflict', reason: open };

  const { facts, creditors } = await caseFactsAndCreditors(tx, payload.personId, clock.today);
  const outcome = evaluateDecision(payload.bvvInput, facts, payload.choice);
  if (!outcome.allowed) return { status: 'rejected', reason: outcome.reason };
  if (outcome.totalCents !== payload.expectedTotalCents) {
    return {
      status: 'conflict',
      reason: `De vorderingen zijn gewijzigd sinds de beoordeling: het openstaande bedrag is nu ${formatCents(outcome.totalCents)} in plaats van ${formatCents(payload.expectedTotalCents)}.`,
    };
  }
  const status = outcome.requiresApproval
    ? 'ter_goedkeuring'
    : outcome.kind === 'standaard' || outcome.kind === 'persoonlijk'
      ? 'lopend'
      : 'vastgelegd';
  await storeArrangement(tx, {
    id: payload.arrangementId,
    personId: payload.personId,
    teamId,
    status,
    outcome,
    motivation: payload.choice.motivation,
    bvvInput: payload.bvvInput,
    decider: { user: principal.sub },
    decidedAt: clock.at,
    creditors,
  });
  if (status === 'lopend') await markClaimsInArrangement(tx, payload.personId, teamId, clock.today);
  await completeTasksOfDecision(tx, principal, { kind: 'betalingsonmacht', personId: payload.personId }, clock.today);
  return { status: 'applied', reason: null };
}

export async function decideApproval(
  tx: Queryable,
  principal: Principal,
  command: ApprovalCommand,
): Promise<CommandResult> {
  if (!can(principal, 'approveDecisions')) return { status: 'rejected', reason: refusalOf('approveDecisions') };
  const rows = await tx.query<{
    team_id: string;
    status: string;
    kind: string;
    decided_by: string;
    person_id: string;
    decided_at: Date | string;
  }>('SELECT team_id, status, kind, decided_by, person_id, decided_at FROM arrangements WHERE id = $1 FOR UPDATE', [
    command.payload.arrangementId,
  ]);
  const arrangement = rows[0];
  if (!arrangement || arrangement.team_id !== principal.team) {
    return { status: 'rejected', reason: 'Dit besluit bestaat niet of hoort niet bij uw team.' };
  }
  if (arrangement.decided_by === principal.sub)
    return { status: 'rejected', reason: 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.' };
  if (arrangement.status !== 'ter_goedkeuring') {
    return {
      status: 'conflict',
      reason: 'Dit besluit wacht niet meer op goedkeuring; een ander heeft het al beoordeeld.',
    };
  }
  const { approve, note } = command.payload;
  const status = !approve
    ? 'afgewezen'
    : arrangement.kind === 'standaard' || arrangement.kind === 'persoonlijk'
      ? 'lopend'
      : 'vastgelegd';
  const version = await recordChange(tx, 'arrangement', command.payload.arrangementId, arrangement.team_id);
  await tx.query(
    'UPDATE arrangements SET status = $2, approved_by = $3, approval_note = $4, version = $5 WHERE id = $1',
    [command.payload.arrangementId, status, principal.sub, note || null, version],
  );
  if (status === 'lopend') {
    const decidedOn = amsterdamDate(arrangement.decided_at);
    await markClaimsInArrangement(tx, arrangement.person_id, arrangement.team_id, decidedOn);
  }
  return { status: 'applied', reason: null };
}

/**
 * While an arrangement runs, its claims are in the phase `regeling` (escalation reads this): those
 * of every creditor that took part in Betalingsregeling Rijk on the day it was decided.
 */
export async function markClaimsInArrangement(
  tx: Queryable,
  personId: string,
  teamId: string,
  decidedOn: string,
): Promise<void> {
  const claims = await tx.query<{ id: string; kind: ClaimKind }>(
    `SELECT id, kind FROM claims WHERE person_id = $1 AND outstanding_cents > 0
       AND phase NOT IN ('betaald', 'gestopt', 'regeling')`,
    [personId],
  );
  for (const claim of claims.filter((c) => !outsideJointArrangement(c.kind, decidedOn))) {
    const version = await recordChange(tx, 'claim', claim.id, teamId);
    await tx.query(`UPDATE claims SET phase = 'regeling', version = $2 WHERE id = $1`, [claim.id, version]);
  }
}

type AllowedOutcome = Extract<DecisionOutcome, { allowed: true }>;

/**
 * Writes a decided arrangement with its instalments and the assessment it rests on (inputs,
 * parameter sets, the Dutch rule trace), at a new version in the feed. A worker decides it, or the
 * system on a request from the Digitaal Loket.
 */
export async function storeArrangement(
  tx: Queryable,
  row: {
    id: string;
    personId: string;
    teamId: string;
    status: 'ter_goedkeuring' | 'lopend' | 'vastgelegd';
    outcome: AllowedOutcome;
    motivation: string;
    bvvInput: unknown;
    decider: { user: string } | { system: 'digitaal_loket' };
    decidedAt: Date | string;
    creditors: readonly ArrangementCreditor[];
  },
): Promise<void> {
  const { outcome } = row;
  const version = await recordChange(tx, 'arrangement', row.id, row.teamId);
  await tx.query(
    `INSERT INTO arrangements (id, person_id, team_id, kind, status, total_cents, pause_until, motivation, decided_by,
                               decided_by_system, decided_at, bvv_input, assessment, version, creditors, payment_reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      row.id,
      row.personId,
      row.teamId,
      outcome.kind,
      row.status,
      outcome.totalCents,
      outcome.pauseUntil,
      row.motivation,
      'user' in row.decider ? row.decider.user : null,
      'system' in row.decider ? row.decider.system : null,
      row.decidedAt,
      JSON.stringify(row.bvvInput),
      JSON.stringify({
        bvvCents: outcome.assessment.bvv.bvvCents,
        afloscapaciteitCents: outcome.assessment.bvv.afloscapaciteitCents,
        monthlyIncomeCents: outcome.assessment.bvv.monthlyIncomeCents,
        parameterSets: outcome.assessment.parameterSets,
        trace: outcome.trace,
      }),
      version,
      JSON.stringify(row.creditors),
      arrangementPaymentReference(row.id),
    ],
  );
  for (const instalment of outcome.instalments) {
    await tx.query(
      'INSERT INTO arrangement_instalments (arrangement_id, number, due_date, amount_cents) VALUES ($1, $2, $3, $4)',
      [row.id, instalment.number, instalment.dueDate, instalment.amountCents],
    );
  }
}

/**
 * The pauzeknop: the instalments from the chosen one on move `months` later, if the rules allow a
 * pause now (its length, one per twelve months, not an instalment already due), re-checked here on
 * the server's own plan.
 */
export async function pauseArrangement(
  tx: Queryable,
  principal: Principal,
  command: PauseCommand,
  clock: ServerClock,
): Promise<CommandResult> {
  if (!can(principal, 'workCases'))
    return { status: 'rejected', reason: 'Uw rol mag geen aflossingspauze vastleggen.' };
  const { arrangementId, from, months, reason } = command.payload;
  const rows = await tx.query<{ team_id: string; status: string }>(
    'SELECT team_id, status FROM arrangements WHERE id = $1 FOR UPDATE',
    [arrangementId],
  );
  const arrangement = rows[0];
  if (!arrangement || !caseTeams(principal).includes(arrangement.team_id)) {
    return { status: 'rejected', reason: 'Deze regeling bestaat niet of hoort niet bij uw team.' };
  }
  if (arrangement.status !== 'lopend') {
    return {
      status: 'conflict',
      reason: 'Deze regeling loopt niet (meer): een pauze kan alleen in een lopende regeling.',
    };
  }
  const plan = await tx.query<{ number: number; dueDate: string }>(
    `SELECT number, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM arrangement_instalments
     WHERE arrangement_id = $1 ORDER BY number`,
    [arrangementId],
  );
  const earlier = await tx.query<{ from: string }>(
    `SELECT to_char(from_date, 'YYYY-MM-DD') AS "from" FROM arrangement_pauses WHERE arrangement_id = $1`,
    [arrangementId],
  );
  const paused = pauseInstalments(plan, {
    from,
    months,
    earlierPauses: earlier.map((p) => p.from),
    today: clock.today,
  });
  if (!paused.value.allowed) return { status: 'rejected', reason: paused.value.refusals.join(' ') };
  const version = await recordChange(tx, 'arrangement', arrangementId, arrangement.team_id);
  await tx.query(
    `UPDATE arrangement_instalments i SET due_date = u.due_date
     FROM unnest($2::int[], $3::date[]) AS u(number, due_date)
     WHERE i.arrangement_id = $1 AND i.number = u.number`,
    [arrangementId, paused.value.plan.map((i) => i.number), paused.value.plan.map((i) => i.dueDate)],
  );
  await tx.query(
    `INSERT INTO arrangement_pauses (arrangement_id, from_date, months, reason, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [arrangementId, from, months, reason, principal.sub, clock.at],
  );
  await tx.query('UPDATE arrangements SET version = $2 WHERE id = $1', [arrangementId, version]);
  return { status: 'applied', reason: null };
}
