import { arrangementStanding } from '../../shared/domain/betalingsregeling';
import { previewJointArrangement } from '../../shared/domain/betalingsregeling-rijk';
import { isPartnerClaim } from '../../shared/domain/claims';
import type { ResponseOf, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { LoketRequestsRepository } from '../db/repositories/loket-requests-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { amsterdamDate } from '../../shared/domain/amsterdam-clock';
import { caseFacts, isOpenClaim } from './betalingsonmacht-service';
import { requirePermission } from './require-permission';

/**
 * Everything the cache holds about one person, in one place. Victim data never appears here: it
 * lives in its own compartment, which only the victim-information role syncs at all.
 */
export function personView(
  db: Database,
  user: SessionUser,
  personId: string,
  today: string,
): ResponseOf<'persons.view'> {
  requirePermission(user, 'workCases');
  const person = new PersonsRepository(db).get(personId);
  if (!person) throw new AppError('not_found', 'Deze persoon staat niet in de werkvoorraad van uw team.');
  const escalations = new EscalationsRepository(db);
  const events = new ClaimEventsRepository(db);
  const claimRecords = new ClaimsRepository(db).forPerson(personId);
  const arrangementRecords = new ArrangementsRepository(db).forPerson(personId);
  const claims = claimRecords.map((c) => {
    const last = escalations.forClaim(c.id)[0];
    return {
      id: c.id,
      kind: c.kind,
      phase: c.phase,
      reference: c.reference,
      originalCents: c.originalCents,
      outstandingCents: c.outstandingCents,
      dueDate: c.dueDate,
      partner: isPartnerClaim(c.kind),
      lastStep: last ? last.step : null,
      lastStepStatus: last ? last.status : null,
    };
  });
  const sum = (partner: boolean) =>
    claims.filter((c) => c.partner === partner).reduce((total, c) => total + c.outstandingCents, 0);
  return {
    person: {
      id: person.id,
      displayName: person.displayName,
      bsn: person.bsn,
      birthDate: person.birthDate,
      city: person.city,
      streetAddress: person.streetAddress ?? null,
      postcode: person.postcode ?? null,
      deceasedOn: person.deceasedOn ?? null,
      moratoriumUntil: person.moratoriumUntil ?? null,
    },
    claims,
    totals: { cjibCents: sum(false), partnerCents: sum(true) },
    arrangements: arrangementRecords.map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      totalCents: a.totalCents,
      decidedAt: a.decidedAt,
      bvvCents: a.assessment.bvvCents,
      afloscapaciteitCents: a.assessment.afloscapaciteitCents,
      behindCents:
        a.status === 'lopend'
          ? arrangementStanding(a.instalments, events.paidByPersonSince(personId, amsterdamDate(a.decidedAt)), today)
              .behindCents
          : null,
    })),
    openTasks: new TasksRepository(db).openForPerson(personId),
    loketRequests: new LoketRequestsRepository(db).forPerson(personId).map((r) => ({
      id: r.id,
      submittedAt: r.submittedAt,
      kind: r.kind,
      outcome: r.outcome,
      outcomeReason: r.outcomeReason,
      documents: r.documents.length,
    })),
    rijk: previewJointArrangement({
      ...caseFacts(claimRecords, arrangementRecords, today),
      peildatum: today,
      claims: claimRecords.filter(isOpenClaim),
    }),
  };
}
