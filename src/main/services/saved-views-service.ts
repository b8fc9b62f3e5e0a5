import { randomUUID } from 'node:crypto';
import type { ParsedRequestOf, SavedView, SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { TeamRepository } from '../db/repositories/team-repository';
import { enqueueCommand } from './command-outbox';
import { can } from '../../shared/domain/permissions';

/** Saved queue views are shared within the team: the server stores them, sync brings them to colleagues. */
export function listViews(db: Database): SavedView[] {
  return new TeamRepository(db).views();
}

export function saveView(db: Database, user: SessionUser, request: ParsedRequestOf<'views.save'>): SavedView {
  return db.transaction(() => {
    const team = new TeamRepository(db);
    const existing = request.viewId ? team.view(request.viewId) : undefined;
    if (existing && existing.ownerId !== user.id) {
      throw new AppError(
        'forbidden',
        'Alleen wie de weergave maakte kan haar wijzigen. Bewaar haar onder een eigen naam.',
      );
    }
    const view = {
      id: existing?.id ?? randomUUID(),
      ownerId: user.id,
      ownerName: user.displayName,
      name: request.name,
      definition: request.definition,
      deleted: false,
      version: existing?.version ?? 0,
    };
    enqueueCommand(db, 'SaveView', existing?.version ?? null, {
      viewId: view.id,
      name: view.name,
      definition: view.definition,
    });
    team.saveViewPending(view);
    return { ...view, pending: true };
  });
}

export function deleteView(db: Database, user: SessionUser, viewId: string): void {
  db.transaction(() => {
    const team = new TeamRepository(db);
    const view = team.view(viewId);
    if (!view || view.deleted) throw new AppError('not_found', 'Deze weergave bestaat niet (meer).');
    if (view.ownerId !== user.id && !can(user, 'actOnOthersWork')) {
      throw new AppError('forbidden', 'Alleen wie de weergave maakte of de teamleider kan haar verwijderen.');
    }
    enqueueCommand(db, 'DeleteView', view.version, { viewId });
    team.saveViewPending({ ...view, deleted: true });
  });
}
