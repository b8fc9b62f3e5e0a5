import type { SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { CentralError, type CentralClient } from '../sync/central-client';

/**
 * Signs in against the central API. The cache belongs to one user: when someone else signs in
 * on this installation, their predecessor's cache is wiped first (it may hold another team's
 * cases) — unless it still holds unsent decisions, which must never be sent under a new name.
 */
export async function signIn(
  db: Database,
  central: CentralClient,
  username: string,
  password: string,
): Promise<SessionUser> {
  let user: SessionUser;
  try {
    user = await central.login(username, password);
  } catch (error) {
    if (error instanceof CentralError) {
      const code =
        error.kind === 'unauthorized' ? 'unauthorized' : error.kind === 'locked' ? 'forbidden' : 'unavailable';
      throw new AppError(code, error.message);
    }
    throw error;
  }
  const state = new SyncStateRepository(db);
  const owner = state.get('owner_user_id');
  if (owner && owner !== user.id) {
    if (new OutboxRepository(db).countPending() > 0) {
      central.logout();
      throw new AppError(
        'conflict',
        'Op deze computer staan nog niet-verzonden wijzigingen van een andere gebruiker. Laat die gebruiker eerst aanmelden en synchroniseren.',
      );
    }
    db.transaction(() => {
      db.raw
        .exec(`DELETE FROM case_notes; DELETE FROM claim_events; DELETE FROM claims; DELETE FROM persons; DELETE FROM command_reviews;
                   DELETE FROM arrangements; DELETE FROM assessment_drafts; DELETE FROM escalation_decisions;
                   DELETE FROM victims; DELETE FROM detention_events; DELETE FROM victim_notifications; DELETE FROM victim_wishes;
                   DELETE FROM tasks; DELETE FROM team_members; DELETE FROM saved_views;
                   DELETE FROM victim_compensations; DELETE FROM voorschot_payments;
                   DELETE FROM sync_state WHERE key IN ('cursor', 'last_sync_at', 'client_id', 'next_seq');`);
    });
  }
  state.set('owner_user_id', user.id);
  return user;
}

/** Unlocks a screen locked for inactivity: the same user proves their password again. */
export function unlock(central: CentralClient, password: string): Promise<SessionUser> {
  return asAppError(() => central.reauthenticate(password));
}

async function asAppError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof CentralError) {
      const code =
        error.kind === 'unauthorized' ? 'unauthorized' : error.kind === 'locked' ? 'forbidden' : 'unavailable';
      throw new AppError(code, error.message);
    }
    throw error;
  }
}
