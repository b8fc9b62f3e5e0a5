import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { EscalationDecisionWire } from '../../shared/api/entities';
import {
  adviseEscalation,
  escalationSteps,
  stepLabels,
  stepsTakenFrom,
  waiveVerhoging,
  type EscalationStep,
  type StepAdvice,
} from '../../shared/domain/escalatie';
import { formatCents } from '../../shared/format';
import type { TraceStep } from '../../shared/domain/trace';
import {
  claimForEscalation,
  situationFromDecisions,
  type DecisionOnRecord,
  type EscalationFacts,
} from '../../shared/domain/escalatie-situatie';
import {
  escalationAdviceKeys,
  type ClaimDetail,
  type ClaimRow,
  type EscalationAdviceKey,
  type ParsedRequestOf,
  type ResponseOf,
  type SessionUser,
} from '../../shared/ipc/contract';
import { sql } from '../db/sql';
import { arrangementStanding } from '../../shared/domain/betalingsregeling';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { amsterdamDate, todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { requirePermission } from './require-permission';

/** Facts assumed for the list view, before the worker has checked licence, vehicle and verhaal. */
export const uncheckedFacts: EscalationFacts = { hasDrivingLicence: false, vehicle: 'geen', verhaalFailed: false };

function decisionsOnRecord(db: Database, personId: string, today = todayIso()): DecisionOnRecord[] {
  const events = new ClaimEventsRepository(db);
  return new ArrangementsRepository(db).forPerson(personId).map((a) => ({
    kind: a.kind,
    status: a.status,
    pauseUntil: a.pauseUntil,
    ...(a.status === 'lopend'
      ? {
          honoured: arrangementStanding(
            a.instalments,
            events.paidByPersonSince(personId, amsterdamDate(a.decidedAt)),
            today,
          ).honoured,
        }
      : {}),
  }));
}

function todayIso(): string {
  return todayInAmsterdam();
}

export function escalationCase(db: Database, claimId: string): ResponseOf<'escalaties.claim'> {
  const claim = new ClaimsRepository(db).get(claimId);
  if (!claim) throw new AppError('not_found', 'Deze vordering staat niet in uw werkvoorraad.');
  return {
    claim,
    events: new ClaimEventsRepository(db).forClaim(claimId),
    personStatus: new PersonsRepository(db).status(claim.personId),
    personDecisions: decisionsOnRecord(db, claim.personId),
    decisions: new EscalationsRepository(db).forClaim(claimId),
  };
}

interface ListedAdvice {
  recommended: EscalationStep | null;
  blockedCount: number;
}

/**
 * The advice per claim for the list, kept until the cache changes or the day does: the rules run
 * per claim in JS, so re-sorting or re-filtering the worklist does not run them all again.
 * SQLite's total_changes() counts every row this connection wrote (sync included).
 */
const listedAdvice = new WeakMap<Database, { key: string; byClaim: Map<string, ListedAdvice> }>();

function listedAdviceOf(db: Database, today: string): Map<string, ListedAdvice> {
  const key = `${db.get<{ n: number }>(sql`SELECT total_changes() AS n`)?.n ?? 0}|${today}`;
  let memo = listedAdvice.get(db);
  if (memo?.key !== key) {
    memo = { key, byClaim: new Map() };
    listedAdvice.set(db, memo);
  }
  return memo.byClaim;
}

const adviceRank = (step: EscalationStep | null) =>
  step === null ? escalationSteps.length : escalationSteps.indexOf(step);

/**
 * The Escalaties worklist: every claim on the filter with its recommended next step (facts not
 * yet checked: no licence or vehicle assumed), counted per advised step, then filtered on the
 * step, sorted and paged. The counts show what each step filter would give.
 */
export function escalationPage(
  db: Database,
  request: ParsedRequestOf<'escalaties.page'>,
  today: string,
): ResponseOf<'escalaties.page'> {
  const { sort, direction, offset, limit, advice, minOutstandingCents } = request;
  const persons = new PersonsRepository(db);
  const cache = listedAdviceOf(db, today);
  const situations = new Map<string, ReturnType<typeof situationFromDecisions>>();
  const adviceFor = (row: ClaimRow): ListedAdvice => {
    const known = cache.get(row.id);
    if (known) return known;
    let situation = situations.get(row.personId);
    if (!situation) {
      situation = situationFromDecisions(decisionsOnRecord(db, row.personId), persons.status(row.personId), today);
      situations.set(row.personId, situation);
    }
    const advised = adviseEscalation(claimForEscalation(row, uncheckedFacts), situation, today);
    const listed = { recommended: advised.recommended, blockedCount: advised.blocked.length };
    cache.set(row.id, listed);
    return listed;
  };

  const matching = new ClaimsRepository(db)
    .listMatching({
      sort: sort === 'advice' ? 'dueDate' : sort,
      direction: sort === 'advice' ? 'asc' : direction,
      kind: request.kind,
      phase: request.phase,
      search: request.search,
    })
    .filter((row) => row.outstandingCents >= (minOutstandingCents ?? 0))
    .map((row) => ({ ...row, ...adviceFor(row) }));

  const tally = new Map<EscalationAdviceKey, number>();
  for (const row of matching) tally.set(row.recommended ?? 'geen', (tally.get(row.recommended ?? 'geen') ?? 0) + 1);
  const counts = escalationAdviceKeys.map((key) => ({ advice: key, count: tally.get(key) ?? 0 }));

  const rows = advice ? matching.filter((row) => (row.recommended ?? 'geen') === advice) : matching;
  if (sort === 'advice') {
    // Stable: within one step the claims stay in due-date order.
    const sign = direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * (adviceRank(a.recommended) - adviceRank(b.recommended)));
  }
  return { rows: rows.slice(offset, offset + limit), total: rows.length, counts };
}

/** The same rules as the screen and the server: is this step allowed for this claim now, and if not, why. */
function checkStep(
  db: Database,
  claim: ClaimDetail,
  step: EscalationStep,
  facts: EscalationFacts,
  today: string,
): ({ allowed: StepAdvice; reason: null } | { allowed: null; reason: string }) & { trace: TraceStep[] } {
  const advice = adviseEscalation(
    claimForEscalation(claim, facts, stepsTakenFrom(new EscalationsRepository(db).forClaim(claim.id))),
    situationFromDecisions(
      decisionsOnRecord(db, claim.personId),
      new PersonsRepository(db).status(claim.personId),
      today,
    ),
    today,
  );
  const allowed = advice.allowed.find((a) => a.step === step);
  if (allowed) return { allowed, reason: null, trace: advice.trace };
  return {
    allowed: null,
    reason: advice.blocked.find((b) => b.step === step)?.reasons.join(' ') ?? 'Deze stap past niet bij deze vordering.',
    trace: advice.trace,
  };
}

/** Writes a claim decision optimistically and its command to the outbox, in the caller's transaction. */
function saveClaimDecision(
  db: Database,
  user: SessionUser,
  claim: ClaimDetail,
  fields: Pick<EscalationDecisionWire, 'step' | 'status' | 'motivation' | 'trace'>,
  command: { facts: EscalationFacts; eventId?: string },
): EscalationDecisionWire {
  const now = new Date().toISOString();
  const decision: EscalationDecisionWire = {
    id: randomUUID(),
    claimId: claim.id,
    personId: claim.personId,
    ...fields,
    decidedBy: user.displayName,
    decidedById: user.id,
    decidedAt: now,
    approvedBy: null,
    approvalNote: null,
    version: 0,
  };
  new OutboxRepository(db).add({
    type: 'RecordEscalationDecision',
    commandId: randomUUID(),
    seq: new SyncStateRepository(db).takeSeq(),
    issuedAt: now,
    // The claim version the worker saw: if the server's has moved on, a refusal is a conflict.
    baseVersion: claim.version,
    payload: {
      decisionId: decision.id,
      claimId: claim.id,
      step: fields.step,
      motivation: fields.motivation,
      ...command,
    },
  });
  new EscalationsRepository(db).savePending(decision);
  return decision;
}

export function recordEscalation(
  db: Database,
  user: SessionUser,
  request: { claimId: string; step: EscalationStep; facts: EscalationFacts; motivation: string },
  today: string,
): EscalationDecisionWire {
  return db.transaction(() => {
    const claim = new ClaimsRepository(db).get(request.claimId);
    if (!claim) throw new AppError('not_found', 'Deze vordering staat niet in uw werkvoorraad.');
    const check = checkStep(db, claim, request.step, request.facts, today);
    if (!check.allowed)
      throw new AppError('invalid_request', `${stepLabels[request.step]} is niet toegestaan: ${check.reason}`);
    return saveClaimDecision(
      db,
      user,
      claim,
      {
        step: request.step,
        status: check.allowed.requiresApproval ? 'ter_goedkeuring' : 'vastgelegd',
        motivation: request.motivation,
        trace: check.trace,
      },
      { facts: request.facts },
    );
  });
}

export function decideEscalationApproval(
  db: Database,
  user: SessionUser,
  request: { decisionId: string; approve: boolean; note: string },
): void {
  requirePermission(user, 'approveDecisions');
  db.transaction(() => {
    const escalations = new EscalationsRepository(db);
    const decision = escalations.get(request.decisionId);
    if (!decision) throw new AppError('not_found', 'Dit besluit staat niet in uw werkvoorraad.');
    if (decision.status !== 'ter_goedkeuring')
      throw new AppError('conflict', 'Dit besluit wacht niet (meer) op goedkeuring.');
    if (decision.decidedById === user.id)
      throw new AppError('forbidden', 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.');
    if (!request.approve && request.note.trim().length < 10) {
      throw new AppError('invalid_request', 'Geef bij afkeuren een reden (minstens 10 tekens).', {
        note: 'Geef bij afkeuren een reden (minstens 10 tekens).',
      });
    }
    const command: Command = {
      type: 'DecideEscalationApproval',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: decision.version,
      payload: request,
    };
    new OutboxRepository(db).add(command);
    escalations.savePending({
      ...decision,
      status: request.approve ? 'vastgelegd' : 'afgewezen',
      approvedBy: user.displayName,
      approvalNote: request.note || null,
    });
  });
}

/**
 * One decision for a selection of claims: each claim passes the same checks on its own; the
 * preview records nothing, the real run records each allowed claim in its own transaction and
 * reports the ones that failed with their reason.
 */
export function bulkEscalation(
  db: Database,
  user: SessionUser,
  request: { claimIds: string[]; step: EscalationStep; facts: EscalationFacts; motivation: string; preview: boolean },
  today: string,
): ResponseOf<'escalaties.bulk'> {
  const claims = new ClaimsRepository(db);
  const results = request.claimIds.map((claimId) => {
    const claim = claims.get(claimId);
    const base = { claimId, personName: claim?.personName ?? '', reference: claim?.reference ?? '' };
    if (!claim)
      return { ...base, ok: false, reason: 'Deze vordering staat niet in uw werkvoorraad.', requiresApproval: false };
    const { allowed, reason } = checkStep(db, claim, request.step, request.facts, today);
    if (!allowed) return { ...base, ok: false, reason, requiresApproval: false };
    if (!request.preview) {
      try {
        recordEscalation(
          db,
          user,
          { claimId, step: request.step, facts: request.facts, motivation: request.motivation },
          today,
        );
      } catch (error) {
        return {
          ...base,
          ok: false,
          reason: error instanceof Error ? error.message : 'Onbekende fout.',
          requiresApproval: false,
        };
      }
    }
    return { ...base, ok: true, reason: null, requiresApproval: allowed.requiresApproval };
  });
  return { results };
}

/** Asks the team lead to waive the verhoging of one of the claim's aanmaningen (four eyes, docs/regels.md, Vier ogen). */
export function requestWaiver(
  db: Database,
  user: SessionUser,
  request: { claimId: string; eventId: string; motivation: string },
): EscalationDecisionWire {
  return db.transaction(() => {
    const claim = new ClaimsRepository(db).get(request.claimId);
    const event = new ClaimEventsRepository(db).forClaim(request.claimId).find((e) => e.id === request.eventId);
    if (!claim || !event) throw new AppError('not_found', 'Deze vordering of aanmaning staat niet in uw werkvoorraad.');
    if (!event.kind.endsWith('aanmaning') || event.amountCents <= 0) {
      throw new AppError('invalid_request', 'Alleen de verhoging van een aanmaning kan worden kwijtgescholden.');
    }
    return saveClaimDecision(
      db,
      user,
      claim,
      {
        step: waiveVerhoging,
        status: 'ter_goedkeuring',
        motivation: request.motivation,
        trace: [
          {
            rule: 'kwijtschelding',
            text: `Kwijtschelding van de verhoging ${formatCents(event.amountCents)}; een teamleider beslist.`,
          },
        ],
      },
      { facts: uncheckedFacts, eventId: event.id },
    );
  });
}
