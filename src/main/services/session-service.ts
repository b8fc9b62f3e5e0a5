import type { SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { wipeCache } from '../db/cache-wipe';
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
  const user = await asAppError(() => central.login(username, password));
  const state = new SyncStateRepository(db);
  const owner = state.get('owner_user_id');
  if (owner && owner !== user.id) {
    if (new OutboxRepository(db).countPending() > 0) {
      await central.logout();
      throw new AppError(
        'conflict',
        'Op deze computer staan nog niet-verzonden wijzigingen van een andere gebruiker. Laat die gebruiker eerst aanmelden en synchroniseren.',
      );
    }
    wipeCache(db);
  }
  // Written only when it changes: the same worker can sign in on a cache opened read-only (full disk).
  if (owner !== user.id) state.set('owner_user_id', user.id);
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
