import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { demoPassword } from '../../src/central/demo/demo-users';
import { Database } from '../../src/main/db/connection';
import { loadMigrations, migrate } from '../../src/main/db/migrations';
import { addCaseNote } from '../../src/main/services/case-notes-service';
import { signIn } from '../../src/main/services/session-service';
import { CentralClient } from '../../src/main/sync/central-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { startTestCentral } from '../support/central';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * A loopback proxy in front of the real central that answers 503 while "down" (as the central does
 * while its database is away) and counts what reaches it: what a worker's saves cost a central that
 * is struggling.
 */
function faultyProxy(target: string): Promise<{ url: string; down: boolean; requests: number; server: Server }> {
  const state = { url: '', down: false, requests: 0, server: undefined as unknown as Server };
  const to = new URL(target);
  state.server = createServer((req, res) => {
    state.requests++;
    if (state.down) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { code: 'unavailable', message: 'De centrale database is even niet bereikbaar.' } }),
      );
      return;
    }
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
      resolve(state);
    }),
  );
}

const temp = makeTempDir();
let central: CentralServer;
beforeAll(async () => {
  central = await startTestCentral({ seed: { persons: 20, claims: 60 } });
});
afterAll(async () => {
  await central?.close();
  temp.cleanup();
});

describe('a desktop while the central answers 503', () => {
  it('keeps saving locally, sends nothing extra per save, and delivers everything once the central is back', async () => {
    const proxy = await faultyProxy(central.url);
    const db = new Database(join(temp.dir, `${randomUUID()}.sqlite`));
    migrate(db, loadMigrations(localMigrationsDir));
    const client = new CentralClient({ baseUrl: proxy.url });
    const user = await signIn(db, client, 'sdevries', demoPassword);
    const engine = new SyncEngine(db, client, { pageSize: 200, intervalMs: 60_000, maxBackoffMs: 1_500 });
    await engine.syncOnce();
    const claim = db.raw.prepare('SELECT id FROM claims LIMIT 1').pluck().get() as string;
    engine.start();
    try {
      proxy.down = true;
      await engine.syncOnce().catch(() => undefined); // the first failure starts the backoff
      const before = proxy.requests;
      // Twenty saves, 40 ms apart (a worker going through a list), each asking for a round as the backend does.
      for (let i = 0; i < 20; i++) {
        addCaseNote(db, user, { claimId: claim, text: `Notitie tijdens storing ${i}` });
        engine.trigger();
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      // Without backoff on saves every save was a push (about 20 requests); now only the backoff rounds go out.
      expect(proxy.requests - before).toBeLessThanOrEqual(2);
      proxy.down = false;
      await expect.poll(() => db.raw.prepare('SELECT count(*) FROM outbox').pluck().get(), { timeout: 10_000 }).toBe(0);
      const notes = await central.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM case_notes WHERE text LIKE 'Notitie tijdens storing %'",
      );
      expect(notes[0]?.n).toBe(20);
    } finally {
      engine.stop();
      db.close();
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  });
});
