import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

// One installation, two users of different teams: what the first one's work left in the cache
// must be gone — from the tables, the full-text indexes, the file's free pages and the WAL —
// before the second one sees the app, and never while the first has decisions still unsent.

const temp = makeTempDir('cjib-user-switch-');
let server: CentralServer;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 80, claims: 300 } });
});
afterAll(async () => {
  await server.close();
  temp.cleanup();
});

async function cacheOf(username: string) {
  const path = join(temp.dir, `${randomUUID()}.sqlite`);
  const db = new Database(path);
  migrate(db, loadMigrations(localMigrationsDir));
  const central = new CentralClient({ baseUrl: server.url });
  const user = await signIn(db, central, username, demoPassword);
  await new SyncEngine(db, central, { pageSize: 200 }).syncOnce();
  return { db, path, central, user };
}

const count = (db: Database, table: string) => db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).pluck().get();

/** The cache file and its write-ahead log as text, as anyone with the file could read them. */
function fileText(path: string): string {
  return [path, `${path}-wal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n');
}

describe('another user signing in on this installation', () => {
  it('leaves nothing of the previous user in the tables, the search indexes, the free pages or the WAL', async () => {
    const { db, path, central, user } = await cacheOf('sdevries');
    try {
      const claim = db.raw.prepare('SELECT id FROM claims LIMIT 1').pluck().get() as string;
      const noteText = `Notitie voor de wisproef ${randomUUID()}`;
      addCaseNote(db, user, { claimId: claim, text: noteText });
      await new SyncEngine(db, central, { pageSize: 200 }).syncOnce(); // the note is sent and acknowledged
      expect(count(db, 'outbox')).toBe(0);
      const names = db.raw.prepare('SELECT display_name FROM persons').pluck().all() as string[];
      const references = db.raw.prepare('SELECT reference FROM claims').pluck().all() as string[];
      expect(names.length).toBeGreaterThan(10);
      const traces = [noteText, ...names, ...references];
      expect(traces.filter((t) => fileText(path).includes(t)).length).toBeGreaterThan(10);

      const next = await signIn(db, central, 'jbakker', demoPassword);

      const tables = db.raw
        .prepare(
          `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
        .pluck()
        .all() as string[];
      expect(tables).toEqual(
        expect.arrayContaining(['persons', 'claims', 'claim_events', 'case_notes', 'tasks', 'outbox']),
      );
      const leftOver = tables.filter((t) => t !== 'sync_state' && count(db, t) !== 0);
      expect(leftOver).toEqual([]);
      const firstWord = (names[0] ?? '').split(' ')[0] ?? '';
      expect(
        db.raw.prepare('SELECT count(*) FROM persons_fts WHERE persons_fts MATCH ?').pluck().get(`"${firstWord}"`),
      ).toBe(0);
      expect(db.raw.prepare('SELECT key, value FROM sync_state').all()).toEqual([
        { key: 'owner_user_id', value: next.id },
      ]);
      expect(traces.filter((t) => fileText(path).includes(t))).toEqual([]);

      // The cache is the new user's own from here on.
      await new SyncEngine(db, central, { pageSize: 200 }).syncOnce();
      const theirs = db.raw.prepare('SELECT display_name FROM persons').pluck().all() as string[];
      expect(theirs.length).toBeGreaterThan(10);
      expect(theirs.filter((n) => names.includes(n) && n !== '')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses while the previous user has unsent decisions, and keeps their cache as it was', async () => {
    const { db, central, user } = await cacheOf('sdevries');
    try {
      const claim = db.raw.prepare('SELECT id FROM claims LIMIT 1').pluck().get() as string;
      addCaseNote(db, user, { claimId: claim, text: 'Nog niet verzonden' });
      const before = { claims: count(db, 'claims'), notes: count(db, 'case_notes'), outbox: count(db, 'outbox') };

      await expect(signIn(db, central, 'jbakker', demoPassword)).rejects.toMatchObject({ code: 'conflict' });

      expect({ claims: count(db, 'claims'), notes: count(db, 'case_notes'), outbox: count(db, 'outbox') }).toEqual(
        before,
      );
      expect(db.raw.prepare(`SELECT value FROM sync_state WHERE key = 'owner_user_id'`).pluck().get()).toBe(user.id);
      expect(central.user).toBeNull();
    } finally {
      db.close();
    }
  });

  it('waits for a round of the previous user still under way before the cache changes hands', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holdingFeed: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/sync/changes')) await held;
      return response;
    };
    const db = new Database(join(temp.dir, `${randomUUID()}.sqlite`));
    try {
      migrate(db, loadMigrations(localMigrationsDir));
      const central = new CentralClient({ baseUrl: server.url, fetch: holdingFeed });
      await signIn(db, central, 'sdevries', demoPassword);
      const engine = new SyncEngine(db, central, { pageSize: 200 });
      const round = engine.syncOnce();
      let halted = false;
      const halting = engine.halt().then(() => (halted = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(halted).toBe(false);
      release();
      await halting;
      await round;
      expect(count(db, 'claims')).toBeGreaterThan(0); // the round had landed before halt returned

      await signIn(db, central, 'jbakker', demoPassword);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(count(db, 'claims')).toBe(0);
    } finally {
      db.close();
    }
  });
});
