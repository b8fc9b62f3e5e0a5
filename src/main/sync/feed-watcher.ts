import { readServerSentEvents } from '../../shared/sse/read-server-sent-events';
import type { CentralClient } from './central-client';

const retryMs = [1_000, 2_000, 5_000, 15_000, 30_000];

/**
 * Keeps the central's "your feed moved" stream open and calls `moved` for each event, and once
 * each time the stream (re)opens (what moved while it was closed is unknown). A stream that fails
 * is opened again with a growing pause; meanwhile the engine's interval pull keeps the cache fresh.
 */
export class FeedWatcher {
  private stop: AbortController | null = null;
  private open = false;

  constructor(
    private readonly client: Pick<CentralClient, 'feedEvents'>,
    private readonly moved: () => void,
  ) {}

  /** Whether the stream is open now (the engine may then wait longer between its own rounds). */
  get listening(): boolean {
    return this.open;
  }

  start(): void {
    if (this.stop) return;
    const stop = new AbortController();
    this.stop = stop;
    void this.run(stop.signal);
  }

  close(): void {
    this.stop?.abort();
    this.stop = null;
    this.open = false;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const body = await this.client.feedEvents(signal);
        this.open = true;
        failures = 0;
        this.moved();
        await readServerSentEvents(body, (name) => {
          if (name === 'moved') this.moved();
        });
      } catch {
        failures++;
      }
      this.open = false;
      if (signal.aborted) return;
      const wait = retryMs[Math.min(failures, retryMs.length - 1)];
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
    }
  }
}
