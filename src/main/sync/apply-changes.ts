import type { Change } from '../../shared/api/entities';
import type { Database } from '../db/connection';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';

/** Writes one validated change-feed page into the cache; the caller holds the transaction. */
export function applyChanges(db: Database, changes: readonly Change[]): void {
  const persons = [];
  const claims = [];
  const notes = [];
  for (const change of changes) {
    if (change.entity === 'person') persons.push(change.data);
    else if (change.entity === 'claim') claims.push(change.data);
    else notes.push(change.data);
  }
  new PersonsRepository(db).upsertMany(persons);
  new ClaimsRepository(db).upsertMany(claims);
  new CaseNotesRepository(db).upsertFromServer(notes);
}
