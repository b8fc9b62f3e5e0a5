import { randomUUID } from 'node:crypto';
import type { Database } from '../connection';
import { sql } from '../sql';
import { startCursor, type FeedCursor } from '../../../shared/api/feed-cursor';

export type SyncStateKey = 'client_id' | 'next_seq' | 'cursor' | 'last_sync_at' | 'owner_user_id' | 'deferred_indexes';

export class SyncStateRepository {
  constructor(private readonly db: Database) {}

  get(key: SyncStateKey): string | undefined {
    return this.db.get<{ value: string }>(sql`SELECT value FROM sync_state WHERE key = ${key}`)?.value;
  }

  set(key: SyncStateKey, value: string): void {
    this.db.run(sql`INSERT INTO sync_state (key, value) VALUES (${key}, ${value})
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }

  remove(key: SyncStateKey): void {
    this.db.run(sql`DELETE FROM sync_state WHERE key = ${key}`);
  }

  /** This installation's id towards the central API, made once. */
  clientId(): string {
    const existing = this.get('client_id');
    if (existing) return existing;
    const id = randomUUID();
    this.set('client_id', id);
    return id;
  }

  /** Where the next pull of the change feed starts (src/shared/api/feed-cursor.ts). */
  cursor(): FeedCursor {
    return this.get('cursor') ?? startCursor;
  }

  /** Takes the next command seq; call inside the transaction that writes the outbox entry. */
  takeSeq(): number {
    const seq = Number(this.get('next_seq') ?? 1);
    this.set('next_seq', String(seq + 1));
    return seq;
  }
}
