import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import { startTestCentral, demoLogin } from '../support/central';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

const temp = makeTempDir('cjib-kill-');
afterAll(() => temp.cleanup());

/** Starts the client, lets it save `stopAfter` notes while syncing, then SIGKILLs it. */
function runAndKill(centralUrl: string, dbPath: string, stopAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../fixtures/sync-client-to-kill.ts'), centralUrl, dbPath],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const saved: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('saved ')) saved.push(line.slice(6));
      if (saved.length >= stopAfter && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(saved) : reject(new Error(`client exited without being killed (${signal})`)),
    );
    child.on('error', reject);
  });
}

describe('a client killed with SIGKILL in the middle of a sync', () => {
  it('loses nothing it reported saved, keeps an intact database, and delivers everything exactly once', async () => {
    const server = await startTestCentral();
    const dbPath = join(temp.dir, 'cache.sqlite');
    const saved: string[] = [];
    for (const stopAfter of [37, 81, 5]) saved.push(...(await runAndKill(server.url, dbPath, stopAfter)));

    const db = new Database(dbPath);
    expect(db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    const local = new Set((db.raw.prepare('SELECT id FROM case_notes').all() as { id: string }[]).map((r) => r.id));
    db.close();
    for (const id of saved) expect(local.has(id), `note ${id} reported saved but missing locally`).toBe(true);

    const backend = createBackend({
      dbPath,
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      centralUrl: server.url,
      localUser: null,
    });
    await backend.invoke('session.login', demoLogin);
    const status = await backend.invoke('sync.now', {});
    expect(status).toMatchObject({ ok: true, value: { pendingCommands: 0, error: null } });
    await backend.close();

    const onServer = await server.db.query<{ id: string }>(`SELECT id FROM case_notes WHERE text LIKE 'Kill-test %'`);
    const serverIds = new Set(onServer.map((r) => r.id));
    for (const id of saved) expect(serverIds.has(id), `note ${id} never reached the server`).toBe(true);
    const commands = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM commands');
    expect(commands[0]?.n).toBe(onServer.length); // each command applied once
    await server.close();
  }, 120_000);
});
