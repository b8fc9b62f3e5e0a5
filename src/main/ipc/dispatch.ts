import type { z } from 'zod';
import { contract, isChannel, type Channel, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { AppError, fail, ok, type Result } from '../../shared/ipc/result';
import { firstIssue, zodIssues } from '../../shared/validation/zod-issues';
import { isStorageFull, storageFullMessage } from '../db/storage-full';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };

export interface DispatchLogger {
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The one entry point for every request from either host: validate against the contract, call
 * the handler, validate the answer (which also strips any field the contract does not name, so
 * nothing extra leaves the backend), and wrap it all in the result envelope.
 */
export async function dispatch(
  table: HandlerTable,
  channel: unknown,
  payload: unknown,
  logger: DispatchLogger = { error: () => undefined },
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown_channel', 'Deze functie bestaat niet in deze versie van de app.');
  }
  const schema = contract[channel];
  const parsed = schema.request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return fail('invalid_request', `De aanvraag is ongeldig: ${firstIssue(issues)}`, issues);
  }
  try {
    const handler = table[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok((schema.response as z.ZodType).parse(value));
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.issues);
    if (isStorageFull(error)) return fail('storage_full', storageFullMessage);
    // Log the channel and error type only: payloads and messages may carry personal data.
    logger.error('handler failed', { channel, error: error instanceof Error ? error.name : typeof error });
    return fail('internal', 'Er ging iets mis in de app. Probeer het opnieuw; blijft het misgaan, meld het dan.');
  }
}
