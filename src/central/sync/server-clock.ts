import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';

/**
 * The server's clock for one command: when it was decided (stored as decided_at, created_at)
 * and which Dutch day that is (for terms and deadlines). A client's `issuedAt` says when the
 * worker pressed the button, possibly offline or on a wrong clock; it decides nothing.
 */
export interface ServerClock {
  at: string;
  today: string;
}

export function serverClock(now: number = Date.now()): ServerClock {
  return { at: new Date(now).toISOString(), today: todayInAmsterdam(now) };
}
