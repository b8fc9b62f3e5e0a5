import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { pullHeaderNames, pushEnvelope } from '../../shared/api/wire';
import { firstIssue, zodIssues } from '../../shared/validation/zod-issues';
import { AuditAccessError, readAuditLog } from '../audit';
import rateLimit from '@fastify/rate-limit';
import type { Principal } from '../auth/access-token';
import { AuthError, type AuthService } from '../auth/auth-service';
import { isTransientDatabaseError } from '../db/database-errors';
import type { SqlClient } from '../db/sql-client';
import { pullChangesJson } from '../sync/change-feed';
import type { FeedEvents } from '../sync/feed-events';
import { feedTeams } from '../scope';
import { ClientOwnershipError, processCommands, type ProcessorOptions } from '../sync/command-processor';
import { readVictimContact, VictimAccessError } from '../sync/slachtoffer-handlers';
import { buildOpenApiDocument } from './openapi';
import {
  authenticateSource,
  IntakeBatchKindError,
  IntakeKindNotAllowedError,
  IntakePaymentsNotAllowedError,
  takeInClaims,
  takeInPayments,
  type IntakeSource,
} from '../intake/intake-service';
import {
  LoketDocumentError,
  LoketRequestConflictError,
  LoketNotAllowedError,
  readLoketDocument,
  takeInLoketRequest,
} from '../loket/loket-service';
import { loketDocumentParams } from '../../shared/api/loket';
import {
  decideParameterSet,
  followApprovedParameterSets,
  listParameterSets,
  ParameterSetError,
  proposeParameterSet,
} from '../parameters/parameter-service';
import { parameterSetParams } from '../../shared/api/parameters';
import { routes } from './routes';

export interface CentralAppOptions {
  db: SqlClient;
  auth: AuthService;
  version: string;
  processor?: ProcessorOptions;
  authRateLimit?: AuthRateLimit;
  /** Tells connected desktops that their feed moved; without it the route answers 503 and they poll. */
  feedEvents?: FeedEvents;
}

/** A comment line now and then keeps the stream open through proxies and idle timeouts. */
const feedKeepAliveMs = 25_000;

/** Sign-in and refresh requests per source address per window; more are answered 429. */
export interface AuthRateLimit {
  max: number;
  timeWindowMs: number;
}
export const defaultAuthRateLimit: AuthRateLimit = { max: 60, timeWindowMs: 60_000 };

export const maxBodyBytes = 2 * 1024 * 1024;
/** A Loket request carries up to four documents of 5 MB each, as base64. */
const maxLoketBodyBytes = 30 * 1024 * 1024;

class HttpError extends Error {
  get statusCode(): number {
    return this.status;
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The reference central API over HTTP. Every body, query and token is validated at the edge. */
export function buildCentralApp(options: CentralAppOptions): FastifyInstance {
  const app = Fastify({ bodyLimit: maxBodyBytes, logger: false, return503OnClosing: true });
  const openApi = buildOpenApiDocument(options.version);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.issues);
    if (error instanceof AuthError) return sendError(reply, error.status, error.code, error.message);
    if (error instanceof ClientOwnershipError) return sendError(reply, 403, 'forbidden', error.message);
    if (error instanceof AuditAccessError) return sendError(reply, 403, 'forbidden', error.message);
    if (error instanceof IntakeBatchKindError) return sendError(reply, 409, 'conflict', error.message);
    if (error instanceof IntakeKindNotAllowedError) return sendError(reply, 403, 'forbidden', error.message);
    if (error instanceof IntakePaymentsNotAllowedError) return sendError(reply, 403, 'forbidden', error.message);
    if (error instanceof LoketNotAllowedError) return sendError(reply, 403, 'forbidden', error.message);
    if (error instanceof ParameterSetError) {
      const code = { 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[error.status];
      return sendError(reply, error.status, code, error.message);
    }
    if (error instanceof LoketDocumentError) return sendError(reply, 422, 'invalid_request', error.message);
    if (error instanceof LoketRequestConflictError) return sendError(reply, 409, 'conflict', error.message);
    if (error instanceof VictimAccessError)
      return sendError(reply, error.status, error.status === 403 ? 'forbidden' : 'not_found', error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, 413, 'too_large', 'De aanvraag is te groot.');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, 'invalid_request', 'De aanvraag moet JSON zijn.');
    }
    if ((error.statusCode ?? 500) < 500) {
      return sendError(reply, error.statusCode ?? 400, 'invalid_request', 'De aanvraag is geen geldige JSON.');
    }
    if (isTransientDatabaseError(error)) {
      return sendError(
        reply,
        503,
        'unavailable',
        'De centrale database is even niet bereikbaar. Probeer het later opnieuw.',
      );
    }
    return sendError(reply, 500, 'internal', 'Er ging iets mis op de server. Probeer het later opnieuw.');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', 'Dit adres bestaat niet in de API.'));

  const authenticate = async (request: FastifyRequest): Promise<Principal> => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const principal = token && token.length < 4096 ? await options.auth.authenticate(token) : null;
    if (!principal) throw new HttpError(401, 'unauthorized', 'Niet aangemeld of sessie verlopen. Meld u opnieuw aan.');
    return principal;
  };

  // Source systems sign in with their own key, never with a worker's token (and the other way round).
  const authenticateSystem = async (request: FastifyRequest): Promise<IntakeSource> => {
    const header = request.headers.authorization ?? '';
    const source = header.startsWith('Bearer ') ? await authenticateSource(options.db, header.slice(7)) : null;
    if (!source) throw new HttpError(401, 'unauthorized', 'Onbekende of ingetrokken sleutel van het bronsysteem.');
    return source;
  };

  const limit = options.authRateLimit ?? defaultAuthRateLimit;
  // Only the routes that opt in are limited (sign-in and refresh): per source address.
  void app.register(rateLimit, {
    global: false,
    // What this returns is thrown, and the error handler above answers it.
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'too_many_requests',
        `Te veel aanmeldpogingen vanaf deze werkplek. Probeer het over ${Math.ceil(context.ttl / 1000)} seconden opnieuw.`,
      ),
  });
  const authRouteLimit = { config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } } };

  app.get('/api/v1/openapi.json', () => openApi);
  app.get('/api/v1/health', () => ({ status: 'ok' }));

  app.after(() => {
    app.post(routes.login.path, authRouteLimit, (request) => {
      const body = parse(routes.login.body, request.body);
      return options.auth.login(body.username, body.password, request.ip);
    });

    app.post(routes.refresh.path, authRouteLimit, (request) =>
      options.auth.refresh(parse(routes.refresh.body, request.body).refreshToken),
    );
  });

  app.post(routes.logout.path, async (request) => ({
    ended: await options.auth.logout(parse(routes.logout.body, request.body).refreshToken),
  }));

  app.get(routes.me.path, async (request) => {
    const principal = await authenticate(request);
    return { id: principal.sub, displayName: principal.name, role: principal.role, teamName: principal.teamName };
  });

  // Open event streams end when the node stops (server.close would wait for them for ever).
  const openStreams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const stream of openStreams) stream.end();
    done();
  });
  app.get(routes.feedEvents.path, async (request, reply) => {
    const principal = await authenticate(request);
    const events = options.feedEvents;
    if (!events)
      throw new HttpError(503, 'unavailable', 'Meldingen van wijzigingen zijn op deze server niet beschikbaar.');
    // The stream is written by hand: Fastify's reply ends after one answer.
    reply.hijack();
    const out = reply.raw;
    openStreams.add(out);
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    out.write(': verbonden\n\n');
    const unsubscribe = events.subscribe(feedTeams(principal), () => out.write('event: moved\ndata: {}\n\n'));
    const keepAlive = setInterval(() => out.write(': \n\n'), feedKeepAliveMs);
    keepAlive.unref();
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      openStreams.delete(out);
    });
  });

  app.get(routes.pull.path, async (request, reply) => {
    const principal = await authenticate(request);
    const query = parse(routes.pull.query, request.query);
    const { db } = options;
    const page = await pullChangesJson(db, principal, query.clientId, query.cursor, query.limit, query.count === '1');
    // The cursor again in headers: the client asks for the next page before it reads this body.
    return reply
      .header(pullHeaderNames.nextCursor, String(page.nextCursor))
      .header(pullHeaderNames.hasMore, String(page.hasMore))
      .type('application/json; charset=utf-8')
      .send(page.body);
  });

  app.get(routes.victimContact.path, async (request) => {
    const principal = await authenticate(request);
    const { reason } = parse(routes.victimContact.query, request.query);
    const { victimId } = request.params as { victimId: string };
    return readVictimContact(options.db, principal, victimId, reason);
  });

  app.get(routes.auditLog.path, async (request) => {
    const principal = await authenticate(request);
    return readAuditLog(options.db, principal, parse(routes.auditLog.query, request.query));
  });

  app.post(routes.push.path, async (request) => {
    const principal = await authenticate(request);
    const body = parse(pushEnvelope, request.body);
    await followApprovedParameterSets(options.db);
    return processCommands(options.db, principal, body.clientId, body.commands, options.processor);
  });

  // A source system's key is checked before its body is read (up to 30 MB for the Loket): an unknown
  // sender is answered 401 without the server parsing what it sends.
  const sources = new WeakMap<FastifyRequest, IntakeSource>();
  const systemOnly = {
    onRequest: async (request: FastifyRequest) => {
      sources.set(request, await authenticateSystem(request));
    },
  };
  const sourceOf = (request: FastifyRequest): IntakeSource => {
    const source = sources.get(request);
    if (!source) throw new HttpError(401, 'unauthorized', 'Onbekende of ingetrokken sleutel van het bronsysteem.');
    return source;
  };

  app.post(routes.intakeClaims.path, systemOnly, async (request) => {
    const source = sourceOf(request);
    await followApprovedParameterSets(options.db);
    return takeInClaims(options.db, source, parse(routes.intakeClaims.body, request.body));
  });

  app.post(routes.intakePayments.path, systemOnly, async (request) => {
    const source = sourceOf(request);
    await followApprovedParameterSets(options.db);
    return takeInPayments(options.db, source, parse(routes.intakePayments.body, request.body));
  });

  app.post(routes.loketRequest.path, { ...systemOnly, bodyLimit: maxLoketBodyBytes }, async (request) => {
    const source = sourceOf(request);
    await followApprovedParameterSets(options.db);
    return takeInLoketRequest(options.db, source, parse(routes.loketRequest.body, request.body));
  });

  app.get(routes.loketDocument.path, async (request) => {
    const principal = await authenticate(request);
    const { requestId, number } = parse(loketDocumentParams, request.params);
    const document = await readLoketDocument(options.db, principal, requestId, number);
    if (!document) throw new HttpError(404, 'not_found', 'Dit bestand bestaat niet of hoort niet bij uw team.');
    return document;
  });

  app.get(routes.parameterSets.path, async (request) => listParameterSets(options.db, await authenticate(request)));

  app.post(routes.proposeParameterSet.path, async (request) => {
    const principal = await authenticate(request);
    return proposeParameterSet(options.db, principal, parse(routes.proposeParameterSet.body, request.body));
  });

  app.post(routes.decideParameterSet.path, async (request) => {
    const principal = await authenticate(request);
    const { id } = parse(parameterSetParams, request.params);
    const decision = parse(routes.decideParameterSet.body, request.body);
    return decideParameterSet(options.db, principal, id, decision);
  });

  return app;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  throw new HttpError(400, 'invalid_request', `De aanvraag is ongeldig: ${firstIssue(issues)}`, issues);
}

function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  issues?: Record<string, string>,
) {
  return reply.status(status).send({ error: issues ? { code, message, issues } : { code, message } });
}
