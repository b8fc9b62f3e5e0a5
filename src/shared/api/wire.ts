import { z } from 'zod';
import { sessionUser } from '../ipc/contract';
import { command } from './commands';
import { change } from './entities';
import { text } from '../validation/text';
import { feedCursor, startCursor } from './feed-cursor';

/** Request and response bodies of the central API (/api/v1). The OpenAPI document is built from these. */

export const apiErrorBody = z.object({
  error: z.object({ code: text(), message: text(), issues: z.record(text(), text()).optional() }),
});

export const loginRequest = z
  .object({
    username: text().min(1, 'Vul uw gebruikersnaam in.').max(100),
    password: text().min(1, 'Vul uw wachtwoord in.').max(200),
  })
  .strict();

export const tokenResponse = z.object({
  accessToken: text(),
  refreshToken: text(),
  /** When the access token expires (ISO). */
  expiresAt: z.iso.datetime({ offset: true }),
  user: sessionUser,
});
export type TokenResponse = z.infer<typeof tokenResponse>;

/** `ended`: false when the token named no open session (already ended, or unknown). */
export const logoutResponse = z.object({ ended: z.boolean() });

export const refreshRequest = z.object({ refreshToken: text().min(1).max(200) }).strict();

export const clientId = z.uuid({ message: 'clientId moet een UUID zijn.' });

export const pushRequest = z
  .object({
    clientId,
    commands: z.array(command).min(1).max(500, 'Hoogstens 500 opdrachten per verzending.'),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

/**
 * What the server reads of a push before it looks at each command: only what it needs to answer
 * per command. A command that fails its own schema is answered `rejected` with the reason, so one
 * bad entry (say, an old outbox entry with a NUL in it) never turns the whole batch into a 400.
 */
export const pushEnvelope = z
  .object({
    clientId,
    commands: z
      .array(
        z.looseObject({
          commandId: z.uuid({ message: 'commandId moet een UUID zijn.' }),
          seq: z.number().int().min(1),
          type: text().max(64),
        }),
      )
      .min(1)
      .max(500, 'Hoogstens 500 opdrachten per verzending.'),
  })
  .strict();
export type PushEnvelope = z.infer<typeof pushEnvelope>;

export const commandOutcome = z.object({
  commandId: z.uuid(),
  seq: z.number().int(),
  /** `gap`: the server expects an earlier seq first; the client resends from `lastProcessedSeq + 1`. */
  status: z.enum(['applied', 'rejected', 'conflict', 'gap']),
  reason: text().nullable(),
});
export type CommandOutcome = z.infer<typeof commandOutcome>;

export const pushResponse = z.object({
  outcomes: z.array(commandOutcome),
  lastProcessedSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullQuery = z
  .object({
    clientId,
    cursor: feedCursor.default(startCursor),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    /** 1: also count what remains after `cursor` (a client asks once per sync, for its progress bar). */
    count: z.enum(['0', '1']).default('1'),
  })
  .strict();

export const pullResponse = z.object({
  changes: z.array(change),
  /** Pass this as `cursor` next time. */
  nextCursor: feedCursor,
  hasMore: z.boolean(),
  /** The highest seq of this client the server has processed (applied, rejected or conflict). */
  lastProcessedSeq: z.number().int().nonnegative(),
  /** How many changes are visible after `cursor` in total, for progress bars (0 when not counted). */
  remaining: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/**
 * The page's `nextCursor` and `hasMore` again as response headers, so a client can ask for the
 * next page before it has read this one's body. The body stays the authority: a client checks
 * that both agree.
 */
export const pullHeaderNames = { nextCursor: 'x-next-cursor', hasMore: 'x-has-more' } as const;
export const pullHeaders = z.object({
  nextCursor: feedCursor,
  hasMore: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export type PullHeaders = z.output<typeof pullHeaders>;
