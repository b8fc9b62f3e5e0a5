import type { z } from 'zod';
import type { Command } from '../../shared/api/commands';
import {
  apiErrorBody,
  pullResponse,
  pushResponse,
  tokenResponse,
  type PullResponse,
  type PushResponse,
  type TokenResponse,
} from '../../shared/api/wire';
import { victimContact, type VictimContact } from '../../shared/api/victims';
import type { SessionUser } from '../../shared/ipc/contract';
import type { SessionVault, StoredSession } from './session-vault';

export type CentralErrorKind = 'offline' | 'unauthorized' | 'locked' | 'rejected' | 'bad_response' | 'server';

/** A failure talking to the central API, with a Dutch message for the header or the form. */
export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch;
  /** Keeps the session between app starts; without one the session lives in memory only. */
  vault?: SessionVault | undefined;
}

/**
 * The desktop's HTTP client for the central API. Every answer is validated with the same zod
 * schemas the server uses; anything else is a `bad_response` and is never applied.
 */
export class CentralClient {
  private tokens: TokenResponse | null = null;
  private username: string | null = null;
  /** A session from the vault whose access token is not renewed yet (the app started offline). */
  private resumed: StoredSession | null = null;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: CentralClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get user(): SessionUser | null {
    return this.tokens?.user ?? this.resumed?.user ?? null;
  }

  async login(username: string, password: string): Promise<SessionUser> {
    this.tokens = await this.request('POST', '/api/v1/auth/login', tokenResponse, { username, password }, false);
    this.username = username;
    this.resumed = null;
    await this.keep();
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
        this.logout();
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

  logout(): void {
    this.tokens = null;
    this.username = null;
    this.resumed = null;
    void this.options.vault?.save(null);
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
        this.tokens = null;
        this.resumed = null;
        void this.options.vault?.save(null);
      }
      throw error;
    }
    await this.keep();
  }

  /** One page of the change feed; `countRemaining` asks the server to count what is left (costly). */
  pull(clientId: string, cursor: number, limit: number, countRemaining = true): Promise<PullResponse> {
    const query = new URLSearchParams({
      clientId,
      cursor: String(cursor),
      limit: String(limit),
      count: countRemaining ? '1' : '0',
    });
    return this.authorized('GET', `/api/v1/sync/changes?${query}`, pullResponse);
  }

  /** Read live, never cached: each read is audited on the server with the reason. */
  victimContact(victimId: string, reason: string): Promise<VictimContact> {
    const query = new URLSearchParams({ reason });
    return this.authorized('GET', `/api/v1/victims/${encodeURIComponent(victimId)}/contact?${query}`, victimContact);
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
    if (!this.tokens && this.resumed) await this.renew(); // started offline; online now
    try {
      return await this.request(method, path, schema, body, true);
    } catch (error) {
      if (!(error instanceof CentralError) || error.kind !== 'unauthorized' || !this.tokens) throw error;
      // The access token expired: rotate once with the refresh token, then retry.
      await this.renew();
      return this.request(method, path, schema, body, true);
    }
  }

  private async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body: unknown,
    withToken: boolean,
  ): Promise<z.output<S>> {
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
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw response.status >= 500
        ? new CentralError(
            'server',
            `De centrale API gaf een fout (${response.status}). Er wordt later opnieuw geprobeerd.`,
          )
        : new CentralError('bad_response', 'De centrale API gaf een onleesbaar antwoord. Er is niets gewijzigd.');
    }
    if (!response.ok) {
      const message =
        apiErrorBody.safeParse(json).data?.error.message ?? `Fout ${response.status} van de centrale API.`;
      if (response.status === 401) throw new CentralError('unauthorized', message);
      if (response.status === 423) throw new CentralError('locked', message);
      if (response.status >= 500) throw new CentralError('server', message);
      throw new CentralError('rejected', message);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CentralError('bad_response', 'De centrale API gaf een antwoord dat niet klopt. Er is niets gewijzigd.');
    }
    return parsed.data;
  }
}
