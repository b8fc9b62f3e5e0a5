import { normalizedDocumentName } from '../../shared/api/loket';
import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { isChannel, type SessionUser, type SyncStatus } from '../../shared/ipc/contract';
import { can, refusalOf } from '../../shared/domain/permissions';
import { channelAccess, type Access } from './channel-access';
import type { BackendEvent } from '../../shared/ipc/events';
import { AppError, fail, type Result } from '../../shared/ipc/result';
import type { DbLogger } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { LoketRequestsRepository } from '../db/repositories/loket-requests-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { dispatch, type HandlerTable } from '../ipc/dispatch';
import {
  decideApproval,
  decisionLetter,
  pauseArrangement,
  personOverview,
  recordDecision,
} from '../services/betalingsonmacht-service';
import { addCaseNote, listCaseNotes } from '../services/case-notes-service';
import {
  bulkEscalation,
  decideEscalationApproval,
  escalationCase,
  escalationPage,
  recordEscalation,
  requestWaiver,
} from '../services/escalatie-service';
import { dropReview, listReviews, redoReview } from '../services/review-service';
import { signIn, unlock } from '../services/session-service';
import {
  notificationTasks,
  recordNotification,
  recordWishes,
  updatePreferences,
  victimCase,
} from '../services/slachtoffer-service';
import { decideVoorschot, proposeVoorschot, voorschotApprovals } from '../services/voorschot-service';
import { listWerkvoorraad } from '../services/werkvoorraad-service';
import { aanmaningLetter, victimLetter } from '../services/letters-service';
import { CentralClient, CentralError } from '../sync/central-client';
import { SyncEngine } from '../sync/sync-engine';
import type { BackendConfig } from './backend-config';
import type { SessionVault } from '../sync/session-vault';
import { takenHandlers } from './taken-handlers';
import { requirePermission } from '../services/require-permission';
import { openCache } from './open-cache';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { exportDiagnostics } from '../services/diagnostics-service';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import type { RotatingLog } from '../logging/rotating-log';

export interface Backend {
  invoke(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  /** Events for the screens (events.ts): what changed in the cache, the sync state. Returns the unsubscribe. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** Stops background sync and closes the database; resolves when it is closed. */
  close(): Promise<void>;
}

export interface BackendLogger extends DbLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: BackendLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const localOnlyStatus: SyncStatus = {
  connection: 'not_configured',
  pendingCommands: 0,
  lastSyncAt: null,
  progress: null,
  error: null,
};

/** The door of every channel (channel-access.ts): signed in, and with the permission it names. */
function refusedAccess(access: Access, user: SessionUser | null): Result<never> | null {
  if (access === 'anyone') return null;
  if (!user) return fail('unauthorized', 'U bent niet aangemeld. Meld u eerst aan.');
  if (access !== 'signedIn' && !can(user, access)) return fail('forbidden', refusalOf(access));
  return null;
}

/** What a locked screen may still ask: who is signed in, the header's sync state, unlock and sign-out. */
const openWhileLocked = new Set([
  'session.current',
  'session.lock',
  'session.unlock',
  'session.logout',
  'app.info',
  'sync.status',
]);

/**
 * The desktop backend in plain Node: database, repositories, services, sync and the handler
 * table. Hosts run it in a worker thread (backend-worker.ts); tests may run it in-process.
 */
export function createBackend(
  config: BackendConfig,
  logger: BackendLogger = silentLogger,
  options: { vault?: SessionVault; logFile?: RotatingLog | undefined } = {},
): Backend {
  const { db, recovery, storageFull } = openCache(config, logger);

  const central = config.centralUrl
    ? new CentralClient({ baseUrl: config.centralUrl, timeoutMs: config.centralTimeoutMs, vault: options.vault })
    : null;
  const listeners = new Set<(event: BackendEvent) => void>();
  const emit = (event: BackendEvent) => {
    for (const listener of listeners) listener(event);
  };
  const engine = central
    ? new SyncEngine(db, central, {
        ...config.sync,
        logger,
        onChanged: (tags) => emit({ type: 'changed', tags }),
        onStatus: (status) => emit({ type: 'syncStatus', status }),
      })
    : null;
  // The session kept at the last start (if any) is picked up before the first screen asks for it.
  const resumed = (central?.resume() ?? Promise.resolve(null)).then(
    (user) => {
      if (user) engine?.start();
      return user;
    },
    () => null,
  );
  const claims = new ClaimsRepository(db);
  const arrangements = new ArrangementsRepository(db);
  const escalations = new EscalationsRepository(db);
  const today = () => todayInAmsterdam();

  const currentUser = () => (central ? central.user : config.localUser);
  const requireUser = () => {
    const user = currentUser();
    if (!user) throw new AppError('unauthorized', 'U bent niet aangemeld. Meld u eerst aan.');
    return user;
  };
  const requireSync = () => {
    if (!engine) throw new AppError('invalid_request', 'Er is geen centrale API ingesteld; synchroniseren kan niet.');
    return engine;
  };

  /** A live read from the central API (never cached here), its failures as the app's errors. */
  const readLive = async <T>(unavailable: string, read: (client: CentralClient) => Promise<T>): Promise<T> => {
    if (!central) throw new AppError('unavailable', unavailable);
    try {
      return await read(central);
    } catch (error) {
      if (error instanceof CentralError)
        throw new AppError(error.kind === 'offline' ? 'unavailable' : 'forbidden', error.message);
      throw error;
    }
  };

  /** Victim contact data, only through the central API (never cached), each read with its reason. */
  const readVictimContact = async (victimId: string, reason: string) => {
    requirePermission(requireUser(), 'readVictimContacts');
    return readLive('Contactgegevens zijn alleen via de centrale API in te zien.', (client) =>
      client.victimContact(victimId, reason),
    );
  };

  const parametersOnlyLive = 'Parametersets zijn alleen via de centrale API te beheren.';

  // The idle lock lives here, not in the renderer: a reload (Ctrl+R) of a locked screen is still locked.
  let locked = false;
  const table: HandlerTable = {
    'app.info': () => ({
      appVersion: config.appVersion,
      schemaVersion: db.userVersion,
      cacheRecovery: recovery,
      storageFull,
    }),
    'app.diagnostics': () =>
      exportDiagnostics({
        db,
        appVersion: config.appVersion,
        sync: engine?.status() ?? localOnlyStatus,
        reviews: new OutboxRepository(db).countReviews(),
        recovery,
        log: options.logFile,
      }),
    'session.current': async () => {
      await resumed;
      return { user: currentUser(), centralConfigured: central !== null, locked: locked && currentUser() !== null };
    },
    'session.lock': () => {
      if (central && currentUser()) locked = true;
      return {};
    },
    'session.login': async ({ username, password }) => {
      if (!central || !engine) throw new AppError('invalid_request', 'Er is geen centrale API ingesteld.');
      // A round of the previous user still under way must not write into the cache after it is wiped.
      await engine.halt();
      try {
        const user = await signIn(db, central, username, password);
        locked = false;
        return { user };
      } finally {
        if (central.user) engine.start(); // also when a wrong password left the signed-in user as they were
      }
    },
    'session.unlock': async ({ password }) => {
      if (!central) throw new AppError('invalid_request', 'Er is geen centrale API ingesteld.');
      const user = await unlock(central, password);
      locked = false;
      return { user };
    },
    'session.logout': async () => {
      locked = false;
      engine?.stop();
      await central?.logout();
      engine?.announceStatus();
      return {};
    },
    'sync.status': () => engine?.status() ?? localOnlyStatus,
    'sync.now': async () => {
      const sync = requireSync();
      await sync.syncOnce().catch(() => undefined); // the status carries the error in Dutch
      return sync.status();
    },
    'sync.rebuild': async () => {
      const sync = requireSync();
      await sync.rebuild().catch(() => undefined);
      return sync.status();
    },
    'werkvoorraad.list': (request) => {
      return listWerkvoorraad(claims, request);
    },
    'claims.get': ({ id }) => {
      const claim = claims.get(id);
      if (!claim) throw new AppError('not_found', 'Deze vordering staat niet in uw werkvoorraad.');
      return claim;
    },
    'audit.list': async (filter) => {
      return readLive('Het auditlog is alleen via de centrale API in te zien.', (client) => client.auditLog(filter));
    },
    'parameters.approved': () => {
      return { sets: new ParameterSetsRepository(db).all() };
    },
    'parameters.list': () => {
      return readLive(parametersOnlyLive, (client) => client.parameterSets());
    },
    'parameters.propose': (proposal) => {
      return readLive(parametersOnlyLive, (client) => client.proposeParameterSet(proposal));
    },
    'parameters.decide': ({ id, ...decision }) => {
      return readLive(parametersOnlyLive, (client) => client.decideParameterSet(id, decision));
    },
    'claims.history': ({ claimId }) => {
      if (!claims.get(claimId)) throw new AppError('not_found', 'Deze vordering staat niet in uw werkvoorraad.');
      return { events: new ClaimEventsRepository(db).forClaim(claimId) };
    },
    'notes.list': ({ claimId }) => {
      return { notes: listCaseNotes(db, claimId) };
    },
    'notes.add': (request) => {
      const note = addCaseNote(db, requireUser(), request);
      engine?.trigger();
      return note;
    },
    'betalingsonmacht.person': ({ personId }) => {
      return personOverview(db, personId);
    },
    'betalingsonmacht.saveDraft': ({ personId, draft }) => {
      arrangements.saveDraft(personId, draft);
      return {};
    },
    'betalingsonmacht.decide': (request) => {
      const arrangement = recordDecision(db, requireUser(), request);
      engine?.trigger();
      return arrangement;
    },
    'loket.document': ({ requestId, number }) => {
      // Only a request of the worker's own cases; the server checks the team again and audits the read.
      if (!new LoketRequestsRepository(db).get(requestId)) {
        throw new AppError('not_found', 'Deze aanvraag staat niet in uw werkvoorraad.');
      }
      return readLive('Bestanden bij een aanvraag zijn alleen via de centrale API in te zien.', async (client) => {
        const document = await client.loketDocument(requestId, number);
        // Whatever the central sends, the name offered for saving ends in its checked type's extension.
        return { ...document, fileName: normalizedDocumentName(document.fileName, document.mediaType) };
      });
    },
    'betalingsonmacht.pause': (request) => {
      const arrangement = pauseArrangement(db, requireUser(), request);
      engine?.trigger();
      return arrangement;
    },
    'betalingsonmacht.letter': ({ arrangementId }) => {
      return decisionLetter(db, arrangementId);
    },
    'arrangements.list': ({ status, limit }) => {
      return { arrangements: arrangements.list(status, limit) };
    },
    'arrangements.decideApproval': (request) => {
      decideApproval(db, requireUser(), request);
      engine?.trigger();
      return {};
    },
    'escalaties.page': (request) => {
      return escalationPage(db, request, today());
    },
    'escalaties.claim': ({ claimId }) => {
      return escalationCase(db, claimId);
    },
    'escalaties.decide': (request) => {
      const decision = recordEscalation(db, requireUser(), request, today());
      engine?.trigger();
      return decision;
    },
    'escalaties.bulk': (request) => {
      const result = bulkEscalation(db, requireUser(), request, today());
      if (!request.preview) engine?.trigger();
      return result;
    },
    'escalaties.waive': (request) => {
      const decision = requestWaiver(db, requireUser(), request);
      engine?.trigger();
      return decision;
    },
    'escalaties.list': ({ status, limit }) => {
      return { decisions: escalations.list(status, limit) };
    },
    'escalaties.decideApproval': (request) => {
      decideEscalationApproval(db, requireUser(), request);
      engine?.trigger();
      return {};
    },
    'slachtoffers.tasks': () => notificationTasks(db, requireUser(), today()),
    'slachtoffers.victim': ({ victimId }) => victimCase(db, requireUser(), victimId, today()),
    'slachtoffers.letter': (request) =>
      victimLetter(db, requireUser(), (victimId, reason) => readVictimContact(victimId, reason), request, today()),
    'claims.aanmaningLetter': ({ eventId }) => {
      return aanmaningLetter(db, eventId);
    },
    'slachtoffers.proposeVoorschot': ({ compensationId }) => {
      const payment = proposeVoorschot(db, requireUser(), compensationId, today());
      engine?.trigger();
      return payment;
    },
    'voorschot.approvals': () => ({ payments: voorschotApprovals(db, requireUser()) }),
    'voorschot.decide': (request) => {
      decideVoorschot(db, requireUser(), request);
      engine?.trigger();
      return {};
    },
    'slachtoffers.contact': ({ victimId, reason }) => readVictimContact(victimId, reason),
    'slachtoffers.preferences': (request) => {
      const victim = updatePreferences(db, requireUser(), request);
      engine?.trigger();
      return victim;
    },
    'slachtoffers.wishes': (request) => {
      const wish = recordWishes(db, requireUser(), request);
      engine?.trigger();
      return wish;
    },
    'slachtoffers.notify': (request) => {
      const notification = recordNotification(db, requireUser(), request);
      engine?.trigger();
      return notification;
    },
    'reviews.list': () => {
      return { reviews: listReviews(db) };
    },
    'reviews.drop': ({ commandId }) => {
      dropReview(db, commandId);
      return {};
    },
    'reviews.redo': ({ commandId }) => {
      redoReview(db, requireUser(), commandId);
      engine?.trigger();
      return {};
    },
    ...takenHandlers({ db, requireUser, today, changed: () => engine?.trigger() }),
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    invoke: (channel, payload) => {
      if (locked && !openWhileLocked.has(channel as string))
        return Promise.resolve(fail('locked', 'Het scherm is vergrendeld. Geef uw wachtwoord om verder te werken.'));
      const refused = isChannel(channel) ? refusedAccess(channelAccess[channel], currentUser()) : null;
      return refused ? Promise.resolve(refused) : dispatch(table, channel, payload, logger);
    },
    close: () => {
      engine?.stop();
      db.close();
      return Promise.resolve();
    },
  };
}
