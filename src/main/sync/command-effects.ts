import type { Command } from '../../shared/api/commands';
import type { Database } from '../db/connection';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';

/**
 * The optimistic local effect of each command type, and how to undo it when the server rejects
 * the command or finds a conflict. Applied in the same transaction as the outbox entry.
 */
export function revertOptimisticEffect(db: Database, command: Command): void {
  switch (command.type) {
    case 'AddCaseNote':
      new CaseNotesRepository(db).removePending(command.payload.noteId);
      return;
  }
}
