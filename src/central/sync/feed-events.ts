import type { SqlClient } from '../db/sql-client';

/** The PostgreSQL channel the changes table notifies on (migrations/central/0270_feed_notify.sql). */
export const feedChannel = 'feed_moved';

type Listener = { teams: ReadonlySet<string>; moved: () => void };

/**
 * Tells the desktops connected to this API node that their feed moved. Each node listens to the
 * database's notification (so a change made through any node reaches every node's desktops) and
 * passes it on to the streams of the teams it names; '' (heard again after a lost connection,
 * whatever happened meanwhile) goes to everyone. The desktop then pulls as usual: the event
 * carries no data, only the news.
 */
export class FeedEvents {
  private readonly listeners = new Set<Listener>();
  private stop: (() => Promise<void>) | null = null;

  async start(db: SqlClient): Promise<void> {
    this.stop = await db.listen(feedChannel, (payload) => this.moved(payload));
  }

  /** Registers a stream for the principal's feed teams; returns the unsubscribe. */
  subscribe(teams: readonly string[], moved: () => void): () => void {
    const listener = { teams: new Set(teams), moved };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get connected(): number {
    return this.listeners.size;
  }

  private moved(payload: string): void {
    const teams = payload ? payload.split(',') : null;
    for (const listener of this.listeners) {
      if (!teams || teams.some((team) => listener.teams.has(team))) listener.moved();
    }
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop?.();
    this.stop = null;
  }
}
