import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { EscalationDecisionWire } from '../../shared/api/entities';
import { adviseEscalation, stepLabels, waiveVerhoging, type EscalationStep } from '../../shared/domain/escalatie';
import { formatCents } from '../../shared/format';
import {
  claimForEscalation,
  situationFromDecisions,
  type DecisionOnRecord,
  type EscalationFacts,
} from '../../shared/domain/escalatie-situatie';
import type { ResponseOf, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';

/** Facts assumed for the list view, before the worker has checked licence, vehicle and verhaal. */
export const uncheckedFacts: EscalationFacts = { hasDrivingLicence: false, vehicle: 'geen', verhaalFailed: false };

function decisionsOnRecord(db: Database, personId: string): DecisionOnRecord[] {
  return new ArrangementsRepository(db)
    .forPerson(personId)
    .map((a) => ({ kind: a.kind, status: a.status, pauseUntil: a.pauseUntil }));
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

/** A page of the werkvoorraad with the recommended next step of each claim on it. */
export function escalationPage(
  db: Database,
  offset: number,
  limit: number,
  today: string,
): ResponseOf<'escalaties.page'> {
  const claims = new ClaimsRepository(db);
  const persons = new PersonsRepository(db);
  const page = claims.listPage({ sort: 'dueDate', direction: 'asc', offset, limit });
  const situations = new Map<string, ReturnType<typeof situationFromDecisions>>();
  const rows = page.rows.map((row) => {
    let situation = situations.get(row.personId);
    if (!situation) {
      situation = situationFromDecisions(decisionsOnRecord(db, row.personId), persons.status(row.personId), today);
      situations.set(row.personId, situation);
    }
    const advice = adviseEscalation(claimForEscalation(row, uncheckedFacts), situation, today);
    return { ...row, recommended: advice.recommended, blockedCount: advice.blocked.length };
  });
  return { rows, total: page.total };
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
    const advice = adviseEscalation(
      claimForEscalation(claim, request.facts),
      situationFromDecisions(
        decisionsOnRecord(db, claim.personId),
        new PersonsRepository(db).status(claim.personId),
        today,
      ),
      today,
    );
    const allowed = advice.allowed.find((a) => a.step === request.step);
    if (!allowed) {
      const reasons =
        advice.blocked.find((b) => b.step === request.step)?.reasons.join(' ') ??
        'Deze stap past niet bij deze vordering.';
      throw new AppError('invalid_request', `${stepLabels[request.step]} is niet toegestaan: ${reasons}`);
    }
    const now = new Date().toISOString();
    const decision: EscalationDecisionWire = {
      id: randomUUID(),
      claimId: claim.id,
      personId: claim.personId,
      step: request.step,
      status: allowed.requiresApproval ? 'ter_goedkeuring' : 'vastgelegd',
      motivation: request.motivation,
      decidedBy: user.displayName,
      decidedById: user.id,
      decidedAt: now,
      approvedBy: null,
      approvalNote: null,
      trace: advice.trace,
      version: 0,
    };
    const command: Command = {
      type: 'RecordEscalationDecision',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: now,
      // The claim version the worker saw: if the server's has moved on, a refusal is a conflict.
      baseVersion: claim.version,
      payload: {
        decisionId: decision.id,
        claimId: claim.id,
        step: request.step,
        facts: request.facts,
        motivation: request.motivation,
      },
    };
    new OutboxRepository(db).add(command);
    new EscalationsRepository(db).savePending(decision);
    return decision;
  });
}

export function decideEscalationApproval(
  db: Database,
  user: SessionUser,
  request: { decisionId: string; approve: boolean; note: string },
): void {
  if (user.role !== 'teamleider') throw new AppError('forbidden', 'Alleen een teamleider kan besluiten goedkeuren.');
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
    const advice = adviseEscalation(
      claimForEscalation(claim, request.facts),
      situationFromDecisions(
        decisionsOnRecord(db, claim.personId),
        new PersonsRepository(db).status(claim.personId),
        today,
      ),
      today,
    );
    const allowed = advice.allowed.find((a) => a.step === request.step);
    if (!allowed) {
      const reason =
        advice.blocked.find((b) => b.step === request.step)?.reasons.join(' ') ??
        'Deze stap past niet bij deze vordering.';
      return { ...base, ok: false, reason, requiresApproval: false };
    }
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

/** Asks the team lead to waive the verhoging of one of the claim's aanmaningen (four eyes, DOMAIN.md §5). */
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
    const now = new Date().toISOString();
    const decision: EscalationDecisionWire = {
      id: randomUUID(),
      claimId: claim.id,
      personId: claim.personId,
      step: waiveVerhoging,
      status: 'ter_goedkeuring',
      motivation: request.motivation,
      decidedBy: user.displayName,
      decidedById: user.id,
      decidedAt: now,
      approvedBy: null,
      approvalNote: null,
      trace: [
        {
          rule: 'kwijtschelding',
          text: `Kwijtschelding van de verhoging ${formatCents(event.amountCents)}; een teamleider beslist.`,
        },
      ],
      version: 0,
    };
    const command: Command = {
      type: 'RecordEscalationDecision',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: now,
      baseVersion: claim.version,
      payload: {
        decisionId: decision.id,
        claimId: claim.id,
        step: waiveVerhoging,
        facts: uncheckedFacts,
        motivation: request.motivation,
        eventId: event.id,
      },
    };
    new OutboxRepository(db).add(command);
    new EscalationsRepository(db).savePending(decision);
    return decision;
  });
}
