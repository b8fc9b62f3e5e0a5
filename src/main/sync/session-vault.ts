import { z } from 'zod';
import { sessionUser } from '../../shared/ipc/contract';
import { text } from '../../shared/validation/text';

/**
 * Where the desktop keeps the session between app starts: the refresh token, the username and the
 * user it belongs to (so the app can open offline on its cache). Electron keeps it encrypted with
 * safeStorage; the browser host keeps it in memory only, so it is gone when the host stops.
 */
export const storedSession = z.object({ username: text(), refreshToken: text(), user: sessionUser }).strict();
export type StoredSession = z.infer<typeof storedSession>;

export interface SessionVault {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession | null): Promise<void>;
}

export function memoryVault(): SessionVault {
  let stored: StoredSession | null = null;
  return {
    load: () => Promise.resolve(stored),
    save: (session) => {
      stored = session;
      return Promise.resolve();
    },
  };
}

/** Reads what a vault returns defensively: a damaged or foreign file counts as no session. */
export function parseStoredSession(value: unknown): StoredSession | null {
  const parsed = storedSession.safeParse(value);
  return parsed.success ? parsed.data : null;
}
