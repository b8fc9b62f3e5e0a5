import type { SyncStatus } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { CaseNotesRepository } from '../db/repositories/case-notes-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';
import { TasksRepository } from '../db/repositories/tasks-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { applyChanges } from './apply-changes';
import { ChangedTags } from './changed-tags';
import { FeedWatcher } from './feed-watcher';
import type { ChangedTag } from '../../shared/ipc/events';
import { deferCacheIndexes, restoreDeferredIndexes } from './deferred-indexes';
import { CentralError, type CentralClient, type PulledPage } from './central-client';
import { revertOptimisticEffect, settleHeldRows } from './command-effects';
import { isStorageFull } from '../db/storage-full';
import { compareFeedCursors, isStartCursor, startCursor } from '../../shared/api/feed-cursor';

export interface SyncEngineOptions {
  pageSize?: number;
  pushBatchSize?: number;
  /** Pause between background rounds when nothing happens. */
  intervalMs?: number;
  /** Longest pause after repeated failures. */
  maxBackoffMs?: number;
  /** Listen to the central's "feed moved" stream and pull at once (default true). */
  watchFeed?: boolean;
  /** Where unexpected failures are reported (their kind, never row data). */
  logger?: { error(message: string, fields?: Record<string, unknown>): void };
  /** Told what the cache now holds differently, after each pull and push that changed rows. */
  onChanged?: (tags: ChangedTag[]) => void;
  /** Told each new sync state (connection, progress, waiting changes, last sync). */
  onStatus?: (status: SyncStatus) => void;
}

/**
 * Push, then pull, over and over; never loses a command the UI reported saved:
 * - push sends outbox entries in seq order; `applied` marks them, `rejected`/`conflict` move them
 *   to the review list and undo their optimistic effect, all in one local transaction;
 * - pull applies a page, clears outbox entries the server confirmed and stores the cursor in one
 *   local transaction, so a crash between pages loses nothing and repeats nothing.
 */
export class SyncEngine {
  private readonly outbox: OutboxRepository;
  private readonly state: SyncStateRepository;
  private readonly pageSize: number;
  private readonly pushBatchSize: number;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: NonNullable<SyncEngineOptions['logger']>;
  private connection: SyncStatus['connection'] = 'offline';
  private error: string | null = null;
  private progress: SyncStatus['progress'] = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = true;
  private readonly changed = new ChangedTags();
  private readonly watcher: FeedWatcher | null;
  private lastStatus = '';
  private readonly onChanged: NonNullable<SyncEngineOptions['onChanged']>;
  private readonly onStatus: NonNullable<SyncEngineOptions['onStatus']>;

  constructor(
    private readonly db: Database,
    private readonly client: CentralClient,
    options: SyncEngineOptions = {},
  ) {
    this.outbox = new OutboxRepository(db);
    this.state = new SyncStateRepository(db);
    this.pageSize = options.pageSize ?? 2000;
    this.pushBatchSize = options.pushBatchSize ?? 200;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.logger = options.logger ?? { error: () => undefined };
    this.onChanged = options.onChanged ?? (() => undefined);
    this.onStatus = options.onStatus ?? (() => undefined);
    // A colleague's change arrives within a second instead of at the next interval round.
    this.watcher = options.watchFeed === false ? null : new FeedWatcher(client, () => this.trigger());
  }

  /** Tells the listener the sync state if it moved since last told. */
  announceStatus(): void {
    const status = this.status();
    const text = JSON.stringify(status);
    if (text === this.lastStatus) return;
    this.lastStatus = text;
    this.onStatus(status);
  }

  private announceChanges(): void {
    if (!this.changed.empty) this.onChanged(this.changed.take());
  }

  status(): SyncStatus {
    return {
      connection: !this.client.user ? 'signed_out' : this.client.sessionExpired ? 'session_expired' : this.connection,
      pendingCommands: this.outbox.countPending(),
      lastSyncAt: this.state.get('last_sync_at') ?? null,
      progress: this.progress,
      error: this.error,
    };
  }

  /** One push-and-pull round; concurrent calls share the round in progress (and queue one more). */
  syncOnce(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.rerun = false;
          await this.push();
          await this.pull();
        } while (this.rerun);
        this.connection = 'online';
        this.error = null;
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.noteFailure(error);
        throw error;
      } finally {
        this.running = null;
        this.announceChanges();
        this.announceStatus();
      }
    })();
    return this.running;
  }

  /** Starts background rounds: now, then every interval, with backoff while failing. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
    this.watcher?.start();
    this.announceStatus();
  }

  /**
   * Ask for a round soon, e.g. right after a decision was saved locally. While the central is
   * failing the backoff round already waits to send it: a save must not hammer a server that is
   * down (the decision is safe in the outbox meanwhile).
   */
  trigger(): void {
    this.announceStatus(); // one more change waits
    if (!this.stopped && this.failures === 0) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops background rounds and waits for the one in progress, e.g. before the cache changes hands. */
  async halt(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
  }

  async push(): Promise<void> {
    const clientId = this.state.clientId();
    for (;;) {
      const entries = this.outbox.pending(this.pushBatchSize);
      if (entries.length === 0) return;
      try {
        this.db.transaction(() => this.outbox.countAttempt(entries.map((e) => e.commandId)));
      } catch (error) {
        // The count is for diagnosis only: on a full disk the decisions still go out (the server
        // knows each command id, so one sent again later is not applied twice).
        if (!isStorageFull(error)) throw error;
      }
      const response = await this.client.push(
        clientId,
        entries.map((e) => e.command),
      );
      this.connection = 'online'; // it answered, even if what follows cannot be written (full disk)
      const byId = new Map(entries.map((e) => [e.commandId, e]));
      let progressed = false;
      this.db.transaction(() => {
        for (const outcome of response.outcomes) {
          const entry = byId.get(outcome.commandId);
          if (!entry) continue; // not ours: a hostile or confused answer changes nothing
          if (outcome.status === 'applied') {
            this.outbox.markApplied(entry.commandId);
          } else if (outcome.status === 'rejected' || outcome.status === 'conflict') {
            revertOptimisticEffect(this.db, entry.command);
            this.outbox.moveToReview(entry, outcome.status, outcome.reason ?? 'Geen reden opgegeven.', null);
          } else continue;
          settleHeldRows(this.db, entry.command);
          progressed = true;
        }
      });
      // Rows lose their "not sent yet" mark, or go back to the server's version: any kind of row.
      if (progressed) this.changed.addAll();
      if (!progressed) {
        throw new CentralError(
          'server',
          'De centrale API verwerkte geen enkele opdracht; er wordt later opnieuw geprobeerd.',
        );
      }
    }
  }

  async pull(): Promise<void> {
    const clientId = this.state.clientId();
    const initial = isStartCursor(this.state.cursor()) && new ClaimsRepository(this.db).count() === 0;
    if (initial) {
      deferCacheIndexes(this.db);
      // One checkpoint at the end instead of one every 1000 pages: pages written again and again
      // during the sync are copied into the database file once.
      this.db.setAutoCheckpoint(0);
    }
    let cursor = this.state.cursor();
    // Only the first page counts what remains: that total carries the progress bar for the run.
    let next: Promise<PulledPage> | null = this.client.pull(clientId, cursor, this.pageSize, true);
    let total = 0;
    try {
      let done = 0;
      while (next) {
        const pulled = await next;
        next = null;
        this.connection = 'online'; // the central API answered: no "offline" during a long first sync
        // The server works on the next page while this one is read, validated and written.
        if (pulled.head.hasMore) next = this.client.pull(clientId, pulled.head.nextCursor, this.pageSize, false);
        const page = await pulled.page;
        if (compareFeedCursors(page.nextCursor, cursor) < 0)
          throw new CentralError('bad_response', 'De centrale API stuurde een cursor terug in de tijd.');
        if (pulled.head.nextCursor !== page.nextCursor || pulled.head.hasMore !== page.hasMore)
          throw new CentralError('bad_response', 'De centrale API gaf tegenstrijdige cursors. Er is niets gewijzigd.');
        if (done === 0) total = page.remaining;
        this.db.transactionWithoutSync(() => {
          applyChanges(this.db, page.changes);
          this.outbox.clearAcknowledged(page.lastProcessedSeq);
          this.state.set('cursor', page.nextCursor);
          this.state.set('last_sync_at', new Date().toISOString());
        });
        cursor = page.nextCursor;
        done += page.changes.length;
        this.changed.add(page.changes);
        this.progress = page.hasMore ? { done, total: Math.max(total, done) } : null;
        this.announceStatus();
      }
    } finally {
      void next?.catch(() => undefined); // a prefetched page nobody will read
      this.progress = null;
      try {
        restoreDeferredIndexes(this.db);
        if (initial) {
          this.db.refreshPlannerStatistics();
          this.db.checkpoint();
        }
      } finally {
        // Also when the disk filled up halfway: automatic checkpoints again, or the log only grows.
        if (initial) this.db.setAutoCheckpoint(1000);
      }
    }
  }

  /**
   * "Cache opnieuw opbouwen": drop the synced cache and pull everything again. The outbox and the
   * optimistic rows it owns are kept, so no unsent decision is lost.
   */
  async rebuild(): Promise<void> {
    await this.running?.catch(() => undefined);
    this.db.transaction(() => {
      this.db.raw.exec(`DELETE FROM claims; DELETE FROM persons; DELETE FROM claim_events; DELETE FROM team_members;
                        DELETE FROM tasks WHERE pending = 0; DELETE FROM saved_views WHERE pending = 0;`);
      new CaseNotesRepository(this.db).removeSynced();
      new ArrangementsRepository(this.db).removeSynced();
      new EscalationsRepository(this.db).removeSynced();
      new VictimsRepository(this.db).removeSynced();
      new CompensationRepository(this.db).removeSynced();
      new TasksRepository(this.db).forgetHeldRows();
      this.state.set('cursor', startCursor);
    });
    this.changed.addAll(); // rows gone that the pull may not bring back
    await this.syncOnce();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncOnce()
        .catch(() => undefined)
        .finally(() => {
          if (this.stopped) return;
          const backoff = this.failures
            ? Math.min(this.maxBackoffMs, 1000 * 2 ** Math.min(this.failures, 6))
            : this.intervalMs;
          this.schedule(backoff);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  private noteFailure(error: unknown): void {
    if (error instanceof CentralError) {
      this.connection = error.kind === 'offline' || error.kind === 'server' ? 'offline' : this.connection;
      this.error = error.message;
    } else if (isStorageFull(error)) {
      this.error =
        'De schijf van deze computer is vol: nieuwe gegevens van de centrale API kunnen niet worden bewaard. Maak ruimte vrij of bel de servicedesk; uw eigen wijzigingen blijven bewaard.';
      this.logger.error('sync failed', { error: 'storage_full' });
    } else {
      this.error = 'Synchroniseren mislukte door een interne fout; er wordt later opnieuw geprobeerd.';
      // SQLite's messages on writes name tables, columns and constraints, not values; other errors'
      // messages may carry data, so only their kind is logged.
      const sqlite = error instanceof Error && error.name === 'SqliteError';
      this.logger.error('sync failed', {
        error: error instanceof Error ? error.name : typeof error,
        ...(sqlite ? { code: (error as { code?: unknown }).code, detail: error.message } : {}),
      });
    }
  }
}
