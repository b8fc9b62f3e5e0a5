import type {
  ArrangementWire,
  CaseNoteWire,
  ClaimEventWire,
  Change,
  ClaimWire,
  DetentionEventWire,
  EscalationDecisionWire,
  PersonWire,
  SavedViewWire,
  TaskWire,
  TeamMemberWire,
  VictimCompensationWire,
  VoorschotPaymentWire,
  VictimNotificationWire,
  VictimWire,
  VictimWishWire,
} from '../../shared/api/entities';
import type { LoketRequestWire } from '../../shared/api/loket';
import type { ParameterSetWire } from '../../shared/api/parameters';
import { installApprovedParameterSets } from '../../shared/domain/parameters/registry';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { LoketRequestsRepository } from '../db/repositories/loket-requests-repository';
import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { TeamRepository } from '../db/repositories/team-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';

/** Writes one validated change-feed page into the cache; the caller holds the transaction. */
export function applyChanges(db: Database, changes: readonly Change[]): void {
  const persons: PersonWire[] = [];
  const claims: ClaimWire[] = [];
  const notes: CaseNoteWire[] = [];
  const arrangements: ArrangementWire[] = [];
  const escalations: EscalationDecisionWire[] = [];
  const victims: VictimWire[] = [];
  const events: DetentionEventWire[] = [];
  const notifications: VictimNotificationWire[] = [];
  const claimEvents: ClaimEventWire[] = [];
  const wishes: VictimWishWire[] = [];
  const tasks: TaskWire[] = [];
  const members: TeamMemberWire[] = [];
  const views: SavedViewWire[] = [];
  const compensations: VictimCompensationWire[] = [];
  const payments: VoorschotPaymentWire[] = [];
  const loketRequests: LoketRequestWire[] = [];
  const parameterSets: ParameterSetWire[] = [];
  for (const change of changes) {
    switch (change.entity) {
      case 'person':
        persons.push(change.data);
        break;
      case 'claim':
        claims.push(change.data);
        break;
      case 'case_note':
        notes.push(change.data);
        break;
      case 'arrangement':
        arrangements.push(change.data);
        break;
      case 'escalation':
        escalations.push(change.data);
        break;
      case 'victim':
        victims.push(change.data);
        break;
      case 'detention_event':
        events.push(change.data);
        break;
      case 'victim_notification':
        notifications.push(change.data);
        break;
      case 'claim_event':
        claimEvents.push(change.data);
        break;
      case 'victim_wish':
        wishes.push(change.data);
        break;
      case 'task':
        tasks.push(change.data);
        break;
      case 'team_member':
        members.push(change.data);
        break;
      case 'saved_view':
        views.push(change.data);
        break;
      case 'victim_compensation':
        compensations.push(change.data);
        break;
      case 'voorschot_payment':
        payments.push(change.data);
        break;
      case 'loket_request':
        loketRequests.push(change.data);
        break;
      case 'parameter_set':
        parameterSets.push(change.data);
        break;
    }
  }
  new PersonsRepository(db).upsertMany(persons);
  new ClaimsRepository(db).upsertMany(claims);
  new CaseNotesRepository(db).upsertFromServer(notes);
  new ClaimEventsRepository(db).upsertMany(claimEvents);
  new ArrangementsRepository(db).upsertFromServer(arrangements);
  new EscalationsRepository(db).upsertFromServer(escalations);
  const victimRepo = new VictimsRepository(db);
  victimRepo.upsertVictims(victims);
  victimRepo.upsertEvents(events);
  victimRepo.upsertNotificationsFromServer(notifications);
  victimRepo.upsertWishes(wishes);
  new TasksRepository(db).upsertFromServer(tasks);
  const team = new TeamRepository(db);
  team.upsertMembers(members);
  team.upsertViewsFromServer(views);
  const compensation = new CompensationRepository(db);
  compensation.upsertCompensations(compensations);
  compensation.upsertPaymentsFromServer(payments);
  new LoketRequestsRepository(db).upsertMany(loketRequests);
  if (parameterSets.length) {
    const repository = new ParameterSetsRepository(db);
    repository.upsertMany(parameterSets);
    // From the next assessment on, this process's rules use the newly approved sets.
    installApprovedParameterSets(repository.approved());
  }
}
