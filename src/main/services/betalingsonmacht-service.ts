import { randomUUID } from 'node:crypto';
import type { DecisionRequest } from '../../shared/api/betalingsonmacht';
import type { Command, PauseArrangementRequest } from '../../shared/api/commands';
import type { ArrangementWire } from '../../shared/api/entities';
import { arrangementAlreadyOpen, evaluateDecision, type CaseFacts } from '../../shared/domain/betalingsonmacht-besluit';
import {
  arrangementCreditors,
  outsideJointArrangement,
  pauseInstalments,
} from '../../shared/domain/betalingsregeling-rijk';
import { addMonths } from '../../shared/domain/calendar';
import type { ResponseOf, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ArrangementsRepository, type ArrangementRecord } from '../db/repositories/arrangements-repository';
import { ClaimsRepository, type ClaimRecord } from '../db/repositories/claims-repository';
import { LoketRequestsRepository } from '../db/repositories/loket-requests-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { renderDecisionLetter } from './decision-letter';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { requirePermission } from './require-permission';

/** A claim still being collected: not paid, not stopped. */
export const isOpenClaim = (claim: Pick<ClaimRecord, 'phase'>) =>
  claim.phase !== 'betaald' && claim.phase !== 'gestopt';

/**
 * The facts a decision rests on, from the person's claims and arrangements in the cache (the server
 * reads its own): the claims of every creditor taking part in Betalingsregeling Rijk on `today` are
 * arranged together.
 */
export function caseFacts(
  claims: readonly Pick<ClaimRecord, 'id' | 'kind' | 'phase' | 'outstandingCents' | 'administratiekostenCents'>[],
  arrangements: readonly ArrangementRecord[],
  today: string,
): CaseFacts {
  return {
    claims: claims.filter(isOpenClaim).map((c) => ({
      id: c.id,
      outstandingCents: c.outstandingCents,
      administratiekostenCents: c.administratiekostenCents,
      outsideArrangement: outsideJointArrangement(c.kind, today),
    })),
    deurwaarderInvolved: claims.some((c) => c.phase === 'deurwaarder'),
    dwangmiddelInProgress: claims.some((c) => c.phase === 'dwangmiddel'),
    previousArrangements: arrangements.flatMap((a) =>
      a.status === 'beeindigd' && a.endedOn
        ? [{ endedOn: a.endedOn, honouredExactly: a.honouredExactly === true }]
        : [],
    ),
  };
}

export function caseFactsFromCache(db: Database, personId: string, today = todayInAmsterdam()): CaseFacts {
  return caseFacts(
    new ClaimsRepository(db).forPerson(personId),
    new ArrangementsRepository(db).forPerson(personId),
    today,
  );
}

export function personOverview(db: Database, personId: string): ResponseOf<'betalingsonmacht.person'> {
  const person = new PersonsRepository(db).get(personId);
  if (!person) throw new AppError('not_found', 'Deze persoon staat niet in uw werkvoorraad.');
  const arrangements = new ArrangementsRepository(db);
  return {
    person: {
      id: person.id,
      displayName: person.displayName,
      bsn: person.bsn,
      birthDate: person.birthDate,
      city: person.city,
    },
    claims: new ClaimsRepository(db).forPerson(personId),
    facts: (({ claims, previousArrangements, ...rest }) => ({
      ...rest,
      claims: [...claims],
      previousArrangements: [...previousArrangements],
    }))(caseFactsFromCache(db, personId)),
    arrangements: arrangements.forPerson(personId),
    draft: arrangements.draft(personId),
    loketRequest: new LoketRequestsRepository(db).openForPerson(personId),
  };
}

/**
 * Records a betalingsonmacht decision: the rules run here on the cached state (the server runs
 * them again), then the optimistic arrangement and the outbox command commit together.
 */
export function recordDecision(db: Database, user: SessionUser, request: DecisionRequest): ArrangementWire {
  return db.transaction(() => {
    if (!new PersonsRepository(db).get(request.personId))
      throw new AppError('not_found', 'Deze persoon staat niet in uw werkvoorraad.');
    const open = arrangementAlreadyOpen(
      new ArrangementsRepository(db).forPerson(request.personId).map((a) => a.status),
    );
    if (open) throw new AppError('conflict', open);
    const facts = caseFactsFromCache(db, request.personId);
    const outcome = evaluateDecision(request.bvvInput, facts, request.choice);
    const creditors = arrangementCreditors(
      new ClaimsRepository(db).forPerson(request.personId).filter(isOpenClaim),
      todayInAmsterdam(),
    );
    if (!outcome.allowed) throw new AppError('invalid_request', outcome.reason);
    const now = new Date().toISOString();
    const arrangement: ArrangementWire = {
      id: randomUUID(),
      personId: request.personId,
      kind: outcome.kind,
      status: statusAfterDecision(outcome.kind, outcome.requiresApproval),
      totalCents: outcome.totalCents,
      instalments: outcome.instalments,
      pauseUntil: outcome.pauseUntil,
      motivation: request.choice.motivation,
      decidedBy: user.displayName,
      decidedById: user.id,
      decidedAt: now,
      approvedBy: null,
      approvalNote: null,
      endedOn: null,
      honouredExactly: null,
      pauses: [],
      creditors,
      assessment: {
        bvvCents: outcome.assessment.bvv.bvvCents,
        afloscapaciteitCents: outcome.assessment.bvv.afloscapaciteitCents,
        monthlyIncomeCents: outcome.assessment.bvv.monthlyIncomeCents,
        parameterSets: outcome.assessment.parameterSets,
        trace: outcome.trace,
      },
      version: 0,
    };
    const command: Command = {
      type: 'RecordBetalingsonmachtDecision',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: now,
      baseVersion: null,
      payload: { ...request, arrangementId: arrangement.id, expectedTotalCents: outcome.totalCents },
    };
    const arrangements = new ArrangementsRepository(db);
    new OutboxRepository(db).add(command);
    arrangements.savePending(arrangement);
    arrangements.removeDraft(request.personId);
    return arrangement;
  });
}

export function statusAfterDecision(
  kind: ArrangementWire['kind'],
  requiresApproval: boolean,
): ArrangementWire['status'] {
  if (requiresApproval) return 'ter_goedkeuring';
  return kind === 'standaard' || kind === 'persoonlijk' ? 'lopend' : 'vastgelegd';
}

/** A team lead approves or rejects a decision waiting for a second person. */
export function decideApproval(
  db: Database,
  user: SessionUser,
  request: { arrangementId: string; approve: boolean; note: string },
): void {
  requirePermission(user, 'approveDecisions');
  db.transaction(() => {
    const arrangements = new ArrangementsRepository(db);
    const arrangement = arrangements.get(request.arrangementId);
    if (!arrangement) throw new AppError('not_found', 'Dit besluit staat niet in uw werkvoorraad.');
    if (arrangement.status !== 'ter_goedkeuring')
      throw new AppError('conflict', 'Dit besluit wacht niet (meer) op goedkeuring.');
    if (arrangement.decidedById === user.id) {
      throw new AppError('forbidden', 'Vier ogen: u kunt uw eigen besluit niet goedkeuren.');
    }
    if (!request.approve && request.note.trim().length < 10) {
      throw new AppError('invalid_request', 'Geef bij afkeuren een reden (minstens 10 tekens).', {
        note: 'Geef bij afkeuren een reden (minstens 10 tekens).',
      });
    }
    const command: Command = {
      type: 'DecideApproval',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: arrangement.version,
      payload: request,
    };
    new OutboxRepository(db).add(command);
    arrangements.savePending({
      ...arrangement,
      status: request.approve ? statusAfterDecision(arrangement.kind, false) : 'afgewezen',
      approvedBy: user.displayName,
      approvalNote: request.note || null,
    });
  });
}

/** The decision letter as a PDF, for a decision in this cache. */
export async function decisionLetter(
  db: Database,
  arrangementId: string,
): Promise<{ fileName: string; pdfBase64: string }> {
  const arrangement = new ArrangementsRepository(db).get(arrangementId);
  if (!arrangement) throw new AppError('not_found', 'Dit besluit staat niet in uw werkvoorraad.');
  const person = new PersonsRepository(db).get(arrangement.personId);
  if (!person) throw new AppError('not_found', 'De persoon bij dit besluit staat niet in uw werkvoorraad.');
  const today = todayInAmsterdam();
  const pdf = await renderDecisionLetter(arrangement, person, today);
  return {
    fileName: `besluit-betalingsregeling-${arrangement.id.slice(0, 8)}.pdf`,
    pdfBase64: Buffer.from(pdf).toString('base64'),
  };
}

/**
 * The pauzeknop: the person asked for an aflossingspauze. The rules run here on the cached plan
 * (the server runs them again on its own); the moved plan shows at once and the command goes out.
 */
export function pauseArrangement(db: Database, user: SessionUser, request: PauseArrangementRequest): ArrangementWire {
  requirePermission(user, 'workCases');
  return db.transaction(() => {
    const arrangements = new ArrangementsRepository(db);
    const arrangement = arrangements.get(request.arrangementId);
    if (!arrangement) throw new AppError('not_found', 'Deze regeling staat niet in uw werkvoorraad.');
    if (arrangement.status !== 'lopend' || arrangement.pending)
      throw new AppError('conflict', 'Een pauze kan alleen in een lopende regeling die de server al heeft bevestigd.');
    const paused = pauseInstalments(arrangement.instalments, {
      from: request.from,
      months: request.months,
      earlierPauses: arrangement.pauses.map((p) => p.from),
      today: todayInAmsterdam(),
    });
    if (!paused.value.allowed) throw new AppError('invalid_request', paused.value.refusals.join(' '));
    const command: Command = {
      type: 'PauseArrangement',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: new Date().toISOString(),
      baseVersion: arrangement.version,
      payload: request,
    };
    const { pending: _pending, ...wire } = arrangement;
    const updated: ArrangementWire = {
      ...wire,
      instalments: paused.value.plan,
      pauses: [
        ...arrangement.pauses,
        { from: request.from, months: request.months, reason: request.reason, recordedBy: user.displayName },
      ],
    };
    new OutboxRepository(db).add(command);
    arrangements.savePending(updated);
    return updated;
  });
}

/** Undoes the optimistic pause when the server refuses it: the instalments back, the pause gone. */
export function revertPause(db: Database, request: PauseArrangementRequest): void {
  const arrangements = new ArrangementsRepository(db);
  const current = arrangements.get(request.arrangementId);
  if (!current?.pending || !current.pauses.some((p) => p.from === request.from)) return;
  const movedFrom = addMonths(request.from, request.months);
  const { pending: _pending, ...wire } = current;
  arrangements.savePending({
    ...wire,
    instalments: current.instalments.map((i) =>
      i.dueDate >= movedFrom ? { ...i, dueDate: addMonths(i.dueDate, -request.months) } : i,
    ),
    pauses: current.pauses.filter((p) => p.from !== request.from),
  });
}
