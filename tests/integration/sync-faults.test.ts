import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { SeededRandom } from '../../src/shared/demo/random';
import { onPostgresql, startAnotherNode, startTestCentral } from '../support/central';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

interface Client {
  name: string;
  backend: Backend;
  teamId: string;
  saved: Set<string>;
}

async function call<T>(backend: Backend, channel: string, request: unknown = {}): Promise<T> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const users = [
  { username: 'sdevries', teamId: 'team-inning-leeuwarden' },
  { username: 'sdevries', teamId: 'team-inning-leeuwarden' }, // a second installation of the same worker
  { username: 'mpostma', teamId: 'team-inning-leeuwarden' },
  { username: 'jbakker', teamId: 'team-inning-zwolle' },
];

/**
 * Several clients add notes through the fault proxy for many rounds; then faults stop and every
 * client syncs to the end. Returns what the checker found wrong (empty = zero lost, zero duplicated,
 * client and server state identical).
 *
 * `twoNodes`: two API processes on the one PostgreSQL database behind the proxy, which spreads the
 * requests (and the copies of duplicated ones) over both; halfway, the second node is stopped and a
 * new one takes its place.
 */
async function runScenario(options: {
  seed: number;
  rounds: number;
  notesPerRound: number;
  deduplicate: boolean;
  twoNodes?: boolean;
}) {
  const server: CentralServer = await startTestCentral({
    seed: { persons: 60, claims: 240 },
    processor: { deduplicate: options.deduplicate },
  });
  cleanups.push(() => server.close());
  const nodes = [server];
  if (options.twoNodes) nodes.push(await startAnotherNode(server, { processor: { deduplicate: options.deduplicate } }));
  const proxy: FaultProxy = await startFaultProxy(
    nodes.map((n) => n.url),
    options.seed,
    700,
  );
  cleanups.push(() => proxy.close());
  cleanups.push(async () => {
    for (const node of nodes.slice(1)) await node.close().catch(() => undefined);
  });
  const random = new SeededRandom(options.seed);

  const clients: Client[] = [];
  for (const [index, user] of users.entries()) {
    const temp = makeTempDir('cjib-fault-');
    const backend = createBackend({
      dbPath: join(temp.dir, 'cache.sqlite'),
      migrationsDir: localMigrationsDir,
      appVersion: 'test',
      centralUrl: proxy.url,
      centralTimeoutMs: 500,
      localUser: null,
      sync: { intervalMs: 3_600_000, pageSize: 50, pushBatchSize: 25 },
    });
    cleanups.push(async () => {
      await backend.close();
      temp.cleanup();
    });
    // Before the faults: on a loaded 2-core machine a sign-in (scrypt) or the first sync can take
    // longer than the short timeout the faults need, so both are tried until they get through.
    await untilOk(() => backend.invoke('session.login', { username: user.username, password: 'Welkom-CJIB-2026' }));
    await untilOk(async () => {
      const status = await backend.invoke('sync.now', {});
      return status.ok && (status.value as { error: string | null }).error !== null
        ? { ok: false as const, error: { code: 'unavailable' as const, message: 'nog niet' } }
        : status;
    });
    clients.push({ name: `${user.username}#${index}`, backend, teamId: user.teamId, saved: new Set() });
  }

  proxy.setFaults({
    pass: 40,
    drop_request: 8,
    drop_response: 10,
    duplicate: 10,
    late_duplicate: 10,
    error_5xx: 8,
    stall: 4,
    truncate: 10,
    ...(options.twoNodes ? { parallel_duplicate: 12 } : {}),
  });
  for (let round = 0; round < options.rounds; round++) {
    if (options.twoNodes && round === Math.floor(options.rounds / 2)) {
      const stopped = nodes.pop();
      proxy.setTargets([server.url]);
      await stopped?.close();
      nodes.push(await startAnotherNode(server, { processor: { deduplicate: options.deduplicate } }));
      proxy.setTargets(nodes.map((n) => n.url));
    }
    for (const client of clients) {
      const page = await call<{ rows: { id: string }[] }>(client.backend, 'werkvoorraad.list', { limit: 50 });
      for (let n = 0; n < options.notesPerRound; n++) {
        const claim = random.pick(page.rows);
        const note = await call<{ id: string }>(client.backend, 'notes.add', {
          claimId: claim.id,
          text: `${client.name} r${round} n${n}`,
        });
        client.saved.add(note.id); // the UI would now say "opgeslagen"
      }
      await client.backend.invoke('sync.now', {}); // may fail: faults are on
    }
  }
  proxy.setFaults(null);
  await new Promise((resolve) => setTimeout(resolve, 600)); // let late duplicates land
  for (let pass = 0; pass < 2; pass++) {
    for (const client of clients) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const status = await call<{ pendingCommands: number; error: string | null }>(client.backend, 'sync.now');
        if (status.pendingCommands === 0 && status.error === null) break;
      }
    }
  }
  return {
    problems: await check(server, clients),
    faults: { ...proxy.counts },
    commands: clients.reduce((n, c) => n + c.saved.size, 0),
  };
}

/** Tries a call until it succeeds (at most 20 times, a moment apart); the last failure is thrown. */
async function untilOk(attempt: () => Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i++) {
    const result = await attempt();
    if (result.ok) return;
    last = result.error?.message ?? '';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up after 20 tries: ${last}`);
}

async function check(server: CentralServer, clients: Client[]): Promise<string[]> {
  const problems: string[] = [];
  const serverNotes = await server.db.query<{ id: string; team_id: string }>('SELECT id, team_id FROM case_notes');
  const serverIds = new Set(serverNotes.map((n) => n.id));
  const commandRows = await server.db.query<{ command_id: string; status: string }>(
    'SELECT command_id, status FROM commands',
  );
  const perCommand = new Map<string, number>();
  for (const row of commandRows) perCommand.set(row.command_id, (perCommand.get(row.command_id) ?? 0) + 1);
  for (const [id, count] of perCommand) if (count !== 1) problems.push(`command ${id} recorded ${count} times`);
  for (const row of commandRows)
    if (row.status !== 'applied') problems.push(`command ${row.command_id} ended ${row.status}`);

  const allSaved = new Set(clients.flatMap((c) => [...c.saved]));
  for (const id of allSaved) if (!serverIds.has(id)) problems.push(`saved note ${id} lost`);
  for (const id of serverIds) if (!allSaved.has(id)) problems.push(`server note ${id} was never saved by a client`);
  if (commandRows.length !== allSaved.size)
    problems.push(`${commandRows.length} commands applied for ${allSaved.size} saved notes`);

  for (const client of clients) {
    const status = await call<{ pendingCommands: number }>(client.backend, 'sync.status');
    if (status.pendingCommands) problems.push(`${client.name}: ${status.pendingCommands} commands still pending`);
    const reviews = await call<{ reviews: { outcome: string; reason: string }[] }>(client.backend, 'reviews.list');
    for (const r of reviews.reviews) problems.push(`${client.name}: command in review (${r.outcome}: ${r.reason})`);
    const teamNotes = serverNotes
      .filter((n) => n.team_id === client.teamId)
      .map((n) => n.id)
      .sort();
    const localNotes: string[] = [];
    const page = await call<{ rows: { id: string }[] }>(client.backend, 'werkvoorraad.list', { limit: 200 });
    for (const row of page.rows) {
      const notes = await call<{ notes: { id: string; pending: boolean }[] }>(client.backend, 'notes.list', {
        claimId: row.id,
      });
      for (const n of notes.notes) localNotes.push(n.id);
    }
    localNotes.sort();
    if (JSON.stringify(localNotes) !== JSON.stringify(teamNotes)) {
      problems.push(
        `${client.name}: local notes (${localNotes.length}) differ from the server's team notes (${teamNotes.length})`,
      );
    }
  }
  return problems;
}

describe('sync under injected faults', () => {
  it('loses and duplicates nothing over thousands of commands from several clients, and ends identical', async () => {
    const result = await runScenario({ seed: 1129, rounds: 25, notesPerRound: 20, deduplicate: true });
    console.log(`fault run: ${result.commands} commands, faults ${JSON.stringify(result.faults)}`);
    expect(result.commands).toBeGreaterThanOrEqual(2000);
    expect(Object.values(result.faults).reduce((a, b) => a + b, 0) - result.faults.pass).toBeGreaterThan(50);
    expect(result.problems).toEqual([]);
  }, 240_000);

  it.runIf(onPostgresql)(
    'loses and duplicates nothing with two API nodes on one database, one of them replaced halfway',
    async () => {
      const result = await runScenario({
        seed: 2203,
        rounds: 16,
        notesPerRound: 16,
        deduplicate: true,
        twoNodes: true,
      });
      console.log(`two-node fault run: ${result.commands} commands, faults ${JSON.stringify(result.faults)}`);
      expect(result.commands).toBeGreaterThanOrEqual(1000);
      expect(result.faults.parallel_duplicate).toBeGreaterThan(10);
      expect(result.problems).toEqual([]);
    },
    240_000,
  );

  it.runIf(onPostgresql)(
    'with two nodes, the checker fails when deduplication is switched off',
    async () => {
      const result = await runScenario({ seed: 11, rounds: 4, notesPerRound: 10, deduplicate: false, twoNodes: true });
      expect(result.problems.length).toBeGreaterThan(0);
    },
    120_000,
  );

  it('the checker fails when the server’s deduplication is switched off', async () => {
    const result = await runScenario({ seed: 7, rounds: 6, notesPerRound: 10, deduplicate: false });
    console.log(
      `checker without deduplication: ${result.problems.length} problems, e.g. ${result.problems.slice(0, 2).join('; ')}`,
    );
    expect(result.problems.length).toBeGreaterThan(0);
  }, 120_000);
});
