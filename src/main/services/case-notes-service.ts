import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { CaseNote, ParsedRequestOf, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';

/**
 * Adds a note to a claim: the optimistic note and the outbox command commit in one transaction,
 * so once this returns the note survives a crash and will reach the server exactly once.
 */
export function addCaseNote(db: Database, user: SessionUser, request: ParsedRequestOf<'notes.add'>): CaseNote {
  return db.transaction(() => {
    const claim = new ClaimsRepository(db).get(request.claimId);
    if (!claim) throw new AppError('not_found', 'Deze vordering staat niet in uw werkvoorraad.');
    const note = {
      id: randomUUID(),
      claimId: claim.id,
      authorName: user.displayName,
      text: request.text,
      createdAt: new Date().toISOString(),
    };
    const command: Command = {
      type: 'AddCaseNote',
      commandId: randomUUID(),
      seq: new SyncStateRepository(db).takeSeq(),
      issuedAt: note.createdAt,
      baseVersion: claim.version,
      payload: { noteId: note.id, claimId: claim.id, text: note.text },
    };
    new OutboxRepository(db).add(command);
    new CaseNotesRepository(db).addPending(note);
    return { ...note, pending: true };
  });
}

export function listCaseNotes(db: Database, claimId: string): CaseNote[] {
  return new CaseNotesRepository(db)
    .listForClaim(claimId)
    .map(({ id, claimId: c, authorName, text, createdAt, pending }) => ({
      id,
      claimId: c,
      authorName,
      text,
      createdAt,
      pending,
    }));
}
