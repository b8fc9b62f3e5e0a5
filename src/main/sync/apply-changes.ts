import type {
  ArrangementWire,
  CaseNoteWire,
  Change,
  ClaimWire,
  EscalationDecisionWire,
  PersonWire,
} from '../../shared/api/entities';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';

/** Writes one validated change-feed page into the cache; the caller holds the transaction. */
export function applyChanges(db: Database, changes: readonly Change[]): void {
  const persons: PersonWire[] = [];
  const claims: ClaimWire[] = [];
  const notes: CaseNoteWire[] = [];
  const arrangements: ArrangementWire[] = [];
  const escalations: EscalationDecisionWire[] = [];
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
    }
  }
  new PersonsRepository(db).upsertMany(persons);
  new ClaimsRepository(db).upsertMany(claims);
  new CaseNotesRepository(db).upsertFromServer(notes);
  new ArrangementsRepository(db).upsertFromServer(arrangements);
  new EscalationsRepository(db).upsertFromServer(escalations);
}
