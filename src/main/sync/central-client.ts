import {
  parameterSetList,
  parameterSetRecord,
  type ParameterSetDecision,
  type ParameterSetList,
  type ParameterSetProposal,
  type ParameterSetRecord,
} from '../../shared/api/parameters';
import type { z } from 'zod';
import type { Command } from '../../shared/api/commands';
import {
  apiErrorBody,
  pullHeaderNames,
  pullHeaders,
  pullResponse,
  pushResponse,
  tokenResponse,
  type PullHeaders,
  type PullResponse,
  type PushResponse,
  type TokenResponse,
} from '../../shared/api/wire';
import { auditPage, type AuditFilter, type AuditPage } from '../../shared/api/audit';
import { victimContact, type VictimContact } from '../../shared/api/victims';
import { loketDocumentContent, type LoketDocumentContent } from '../../shared/api/loket';
import type { SessionUser } from '../../shared/ipc/contract';
import type { SessionVault, StoredSession } from './session-vault';
import { hasEscapedNul } from '../../shared/validation/text';
import type { FeedCursor } from '../../shared/api/feed-cursor';

export type CentralErrorKind = 'offline' | 'unauthorized' | 'locked' | 'rejected' | 'bad_response' | 'server';

/** A failure talking to the central API, with a Dutch message for the header or the form. */
export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    /** With `unauthorized`: the session ran out by time (not ended elsewhere, not stolen). */
    readonly sessionExpired = false,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

/** A change-feed page whose headers are in: where the next page starts, and the body to come. */
export interface PulledPage {
  head: PullHeaders;
  page: Promise<PullResponse>;
}

const unreadableAnswer = 'De centrale API gaf een onleesbaar antwoord. Er is niets gewijzigd.';

export interface CentralClientOptions {
  baseUrl: string;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch;
  /** Keeps the session between app starts; without one the session lives in memory only. */
  vault?: SessionVault | undefined;
}

const sessionLapsed =
  'Uw sessie is verlopen. U kunt doorwerken: uw besluiten worden bewaard en verstuurd zodra u opnieuw aanmeldt.';

/**
 * The desktop's HTTP client for the central API. Every answer is validated with the same zod
 * schemas the server uses; anything else is a `bad_response` and is never applied.
 */
export class CentralClient {
  private tokens: TokenResponse | null = null;
  private username: string | null = null;
  /** A session from the vault whose access token is not renewed yet (the app started offline). */
  private resumed: StoredSession | null = null;
  /**
   * The user whose session ran out by time while the app was running: they keep working on the
   * cache, their decisions wait in the outbox, and nothing is sent until they sign in again.
   */
  private lapsed: SessionUser | null = null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: CentralClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get user(): SessionUser | null {
    return this.tokens?.user ?? this.resumed?.user ?? this.lapsed ?? null;
  }

  /** The session ran out by time; the user works offline until they give their password again. */
  get sessionExpired(): boolean {
    return this.lapsed !== null && !this.tokens;
  }

  async login(username: string, password: string): Promise<SessionUser> {
    const previous = this.tokens?.refreshToken;
    this.tokens = await this.request('POST', '/api/v1/auth/login', tokenResponse, { username, password }, false);
    this.username = username;
    this.resumed = null;
    this.lapsed = null;
    await this.keep();
    // Unlocking signs in again: the session before it has no further use.
    if (previous) void this.endSession(previous);
    return this.tokens.user;
  }

  /**
   * Picks up the session kept in the vault at the last start: the refresh token is rotated at once
   * when the central API answers; offline, the user works on the cache and it is rotated later.
   * A refresh token the server no longer accepts ends the session.
   */
  async resume(): Promise<SessionUser | null> {
    const stored = await this.options.vault?.load();
    if (!stored) return null;
    this.resumed = stored;
    this.username = stored.username;
    try {
      await this.renew();
    } catch (error) {
      if (!(error instanceof CentralError) || error.kind === 'unauthorized') {
        await this.logout();
        return null;
      }
    }
    return this.user;
  }

  /** Re-checks the signed-in user's password (unlocking an idle screen) and renews the tokens. */
  async reauthenticate(password: string): Promise<SessionUser> {
    if (!this.username) throw new CentralError('unauthorized', 'U bent niet aangemeld.');
    return this.login(this.username, password);
  }

  /**
   * Forgets the session here at once and asks the central API to end it there, so its tokens stop
   * working also on a copy. Offline the server's session simply runs out (refresh-token lifetime).
   */
  async logout(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken ?? this.resumed?.refreshToken;
    this.tokens = null;
    this.username = null;
    this.resumed = null;
    this.lapsed = null;
    await this.options.vault?.save(null);
    if (refreshToken) await this.endSession(refreshToken);
  }

  private async endSession(refreshToken: string): Promise<void> {
    try {
      await this.fetchImpl(new URL('/api/v1/auth/logout', this.options.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken }),
        signal: AbortSignal.timeout(Math.min(this.timeoutMs, 3000)),
      });
    } catch {
      // offline or slow: nothing to undo here, the session ends by itself
    }
  }

  private async keep(): Promise<void> {
    if (!this.tokens || !this.username) return;
    await this.options.vault?.save({
      username: this.username,
      refreshToken: this.tokens.refreshToken,
      user: this.tokens.user,
    });
  }

  /** Rotates the refresh token for a new access token, and keeps the new one. */
  private async renew(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken ?? this.resumed?.refreshToken;
    if (!refreshToken) throw new CentralError('unauthorized', 'U bent niet aangemeld bij de centrale API.');
    try {
      this.tokens = await this.request('POST', '/api/v1/auth/refresh', tokenResponse, { refreshToken }, false);
      this.resumed = null;
    } catch (error) {
      if (error instanceof CentralError && error.kind === 'unauthorized') {
        // Expired by time while working (not at start-up, where the sign-in screen is the way on).
        if (error.sessionExpired && this.tokens) this.lapsed = this.tokens.user;
        this.tokens = null;
        this.resumed = null;
        void this.options.vault?.save(null);
      }
      throw error;
    }
    await this.keep();
  }

  /**
   * Opens the central's stream that says when this user's feed moved (server-sent events); the
   * body stays open until the central, the network or `signal` ends it. No timeout: it is meant
   * to wait. A token that expired meanwhile is renewed once, as for any call.
   */
  async feedEvents(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    if (this.sessionExpired) throw new CentralError('unauthorized', sessionLapsed, true);
    if (!this.tokens && this.resumed) await this.renew();
    const open = async () => {
      if (!this.tokens) throw new CentralError('unauthorized', 'U bent niet aangemeld bij de centrale API.');
      let response: Response;
      try {
        response = await this.fetchImpl(new URL('/api/v1/sync/events', this.options.baseUrl), {
          headers: { authorization: `Bearer ${this.tokens.accessToken}`, accept: 'text/event-stream' },
          signal,
        });
      } catch {
        throw new CentralError('offline', 'Geen verbinding met de centrale API. Uw werk wordt lokaal bewaard.');
      }
      if (response.status === 401) throw new CentralError('unauthorized', 'Niet aangemeld of sessie verlopen.');
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new CentralError('server', `De centrale API gaf een fout (${response.status}).`);
      }
      return response.body;
    };
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof CentralError) || error.kind !== 'unauthorized' || !this.tokens) throw error;
      await this.renew();
      return open();
    }
  }

  /**
   * One page of the change feed; `countRemaining` asks the server to count what is left (costly).
   * Resolves as soon as the answer's headers are in: `head` (where the next page starts) lets the
   * caller ask for the next page while this one's body is still being read, parsed and validated;
   * `page` is that body, validated. An answer without valid cursor headers is refused.
   */
  async pull(clientId: string, cursor: FeedCursor, limit: number, countRemaining = true): Promise<PulledPage> {
    const query = new URLSearchParams({
      clientId,
      cursor,
      limit: String(limit),
      count: countRemaining ? '1' : '0',
    });
    const response = await this.authorizedSend('GET', `/api/v1/sync/changes?${query}`);
    const head = pullHeaders.safeParse({
      nextCursor: response.headers.get(pullHeaderNames.nextCursor),
      hasMore: response.headers.get(pullHeaderNames.hasMore),
    });
    if (!head.success) {
      await response.body?.cancel();
      throw new CentralError('bad_response', unreadableAnswer);
    }
    const page = this.read(response, pullResponse);
    page.catch(() => undefined); // the caller may stop before reading it; its own await still sees the error
    return { head: head.data, page };
  }

  /** Read live, never cached: each read is audited on the server with the reason. */
  victimContact(victimId: string, reason: string): Promise<VictimContact> {
    const query = new URLSearchParams({ reason });
    return this.authorized('GET', `/api/v1/victims/${encodeURIComponent(victimId)}/contact?${query}`, victimContact);
  }

  /** A document with a Loket request: read live, never cached; the server audits the read. */
  loketDocument(requestId: string, number: number): Promise<LoketDocumentContent> {
    return this.authorized(
      'GET',
      `/api/v1/loket/requests/${encodeURIComponent(requestId)}/documents/${number}`,
      loketDocumentContent,
    );
  }

  /** Read live, never cached: the server audits each look at the audit log too. */
  auditLog(filter: AuditFilter): Promise<AuditPage> {
    const query = new URLSearchParams(
      Object.entries(filter).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
    );
    return this.authorized('GET', `/api/v1/audit?${query}`, auditPage);
  }

  /** Parameter sets with their status, live: functioneel beheer only; the server audits the read. */
  parameterSets(): Promise<ParameterSetList> {
    return this.authorized('GET', '/api/v1/parameters', parameterSetList);
  }

  proposeParameterSet(proposal: ParameterSetProposal): Promise<ParameterSetRecord> {
    return this.authorized('POST', '/api/v1/parameters', parameterSetRecord, proposal);
  }

  decideParameterSet(id: string, decision: ParameterSetDecision): Promise<ParameterSetRecord> {
    return this.authorized(
      'POST',
      `/api/v1/parameters/${encodeURIComponent(id)}/decision`,
      parameterSetRecord,
      decision,
    );
  }

  push(clientId: string, commands: readonly Command[]): Promise<PushResponse> {
    return this.authorized('POST', '/api/v1/sync/commands', pushResponse, { clientId, commands });
  }

  private async authorized<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    return this.read(await this.authorizedSend(method, path, body), schema);
  }

  /** Sends with the access token; an expired one is rotated once with the refresh token and retried. */
  private async authorizedSend(method: string, path: string, body?: unknown): Promise<Response> {
    if (this.sessionExpired) throw new CentralError('unauthorized', sessionLapsed, true);
    if (!this.tokens && this.resumed) await this.renew(); // started offline; online now
    try {
      return await this.send(method, path, body, true);
    } catch (error) {
      if (!(error instanceof CentralError) || error.kind !== 'unauthorized' || !this.tokens) throw error;
      await this.renew();
      return this.send(method, path, body, true);
    }
  }

  private async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body: unknown,
    withToken: boolean,
  ): Promise<z.output<S>> {
    return this.read(await this.send(method, path, body, withToken), schema);
  }

  /** Sends one request; resolves with a successful response, throws a CentralError otherwise. */
  private async send(method: string, path: string, body: unknown, withToken: boolean): Promise<Response> {
    if (withToken && !this.tokens) throw new CentralError('unauthorized', 'U bent niet aangemeld bij de centrale API.');
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(withToken && this.tokens ? { authorization: `Bearer ${this.tokens.accessToken}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new CentralError('offline', 'Geen verbinding met de centrale API. Uw werk wordt lokaal bewaard.');
    }
    if (response.ok) return response;
    const json: unknown = await response.json().catch(() => undefined);
    if (json === undefined) {
      throw response.status >= 500
        ? new CentralError(
            'server',
            `De centrale API gaf een fout (${response.status}). Er wordt later opnieuw geprobeerd.`,
          )
        : new CentralError('bad_response', unreadableAnswer);
    }
    const message = apiErrorBody.safeParse(json).data?.error.message ?? `Fout ${response.status} van de centrale API.`;
    if (response.status === 401) {
      const expired = apiErrorBody.safeParse(json).data?.error.code === 'session_expired';
      throw new CentralError('unauthorized', expired ? sessionLapsed : message, expired);
    }
    if (response.status === 423) throw new CentralError('locked', message);
    if (response.status >= 500) throw new CentralError('server', message);
    throw new CentralError('rejected', message);
  }

  /** Reads and validates a successful response's body; anything unreadable or off-schema is refused. */
  private async read<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let json: unknown;
    try {
      const body = await response.text();
      // One scan of the whole body instead of a check per field (wireText in entities.ts).
      if (hasEscapedNul(body)) {
        throw new CentralError(
          'bad_response',
          'De centrale API stuurde tekst met een nul-teken. Er is niets gewijzigd.',
        );
      }
      json = JSON.parse(body);
    } catch (error) {
      if (error instanceof CentralError) throw error;
      // A body cut off or garbled on the way (the status was fine): nothing of it is used.
      throw new CentralError('bad_response', unreadableAnswer);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CentralError('bad_response', 'De centrale API gaf een antwoord dat niet klopt. Er is niets gewijzigd.');
    }
    return parsed.data;
  }
}
