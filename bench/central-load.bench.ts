import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createIntakeSource } from '../src/central/intake/intake-service';
import { openPostgres } from '../src/central/db/sql-client';
import { SeededRandom } from '../src/shared/demo/random';
import { startEmbeddedPostgresql } from '../tests/support/embedded-postgresql';
import type { Measure } from './results';

/**
 * National scale on loopback: two API processes on one PostgreSQL database seeded with
 * `claims` claims (20 teams of 10 inning workers), 200 simulated desktops (each signs in, pulls
 * every 30 s and sends a command every 2 s on average: notes, taking and handing back tasks), and
 * the daily intake (25,000 new claims in batches of 250 and a payments file of 10,000 payments in
 * batches of 500)
 * while they work. Everything is measured in this run: a command's p99 under load against one
 * desktop alone, and during the intake against the same load without it.
 *
 * BENCH_DATABASE_URL names a PostgreSQL server (a superuser: the bench makes its own database);
 * without it, a throwaway PostgreSQL from the npm registry's binaries (fsync off).
 */
export async function benchCentralLoad(claims = 2_000_000, clients = 200): Promise<Measure[]> {
  const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgresql();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? embedded?.url ?? '';
  const ownerUrl = await freshDatabase(adminUrl, 'cjib_load');
  const nodes: ChildProcess[] = [];
  try {
    const first = await startNode(ownerUrl, nodes, true);
    const seedStarted = performance.now();
    const owner = await openPostgres(ownerUrl);
    await seedNationalScale(owner, claims);
    const intakeKey = await createIntakeSource(owner, 'bench-bron', 'Dagelijkse levering (bench)');
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const second = await startNode(ownerUrl, nodes, false);
    const urls = [first, second];
    log(`seeded ${claims} claims in ${seedSeconds.toFixed(0)} s; nodes ${urls.join(', ')}`);

    const desktops = await signIn(owner, urls, clients);
    await owner.close();

    const alone = await runAlone(desktops[0], 150);
    await runLoad(desktops, 10_000); // warm-up: connections, plans, the first pull of every desktop
    unavailable = 0;
    const load = await runLoad(desktops, 45_000);
    const intake = await runLoad(desktops, 0, () => runIntake(urls, intakeKey, 100, 250, 20, 500));
    const saturation = await runSaturation(desktops, 15_000);

    const p = (xs: number[], q: number) => percentile(xs, q);
    log(
      `load: ${load.commands.length} commands, ${load.pulls.length} pulls; intake ${intake.intakeSeconds.toFixed(1)} s; ${unavailable} answers 503 (sent again)`,
    );
    return [
      {
        name: 'central.load.command-p99',
        value: p(load.commands, 0.99),
        unit: 'ms',
        baseline: { name: 'one desktop alone, same servers', value: p(alone, 0.99), unit: 'ms' },
        ratio: p(load.commands, 0.99) / p(alone, 0.99),
        note: `${clients} desktops on 2 API nodes, PostgreSQL with ${claims} claims; ${(load.commands.length / 45).toFixed(0)} commands/s offered; p50 ${p(load.commands, 0.5).toFixed(1)} ms`,
      },
      {
        name: 'central.load.pull-p99',
        value: p(load.pulls, 0.99),
        unit: 'ms',
        baseline: { name: 'command p99 under the same load', value: p(load.commands, 0.99), unit: 'ms' },
        ratio: p(load.pulls, 0.99) / p(load.commands, 0.99),
        note: `${load.pulls.length} pulls (every 30 s per desktop); p50 ${p(load.pulls, 0.5).toFixed(1)} ms`,
      },
      {
        name: 'central.load.command-p99-during-intake',
        value: p(intake.commands, 0.99),
        unit: 'ms',
        baseline: { name: 'the same load without intake', value: p(load.commands, 0.99), unit: 'ms' },
        ratio: p(intake.commands, 0.99) / p(load.commands, 0.99),
        note: `25,000 claims + 10,000 payments taken in in ${intake.intakeSeconds.toFixed(1)} s (${(35_000 / intake.intakeSeconds).toFixed(0)} items/s) while ${clients} desktops worked; pull p99 ${p(intake.pulls, 0.99).toFixed(1)} ms`,
      },
      {
        name: 'central.load.commands-per-second',
        value: saturation.commandsPerSecond,
        unit: 'commands/s',
        baseline: { name: 'one desktop sending back to back', value: 1000 / mean(alone), unit: 'commands/s' },
        ratio: saturation.commandsPerSecond / (1000 / mean(alone)),
        note: `${clients} desktops sending back to back for 15 s; p99 ${p(saturation.commands, 0.99).toFixed(1)} ms`,
      },
    ];
  } finally {
    for (const node of nodes) node.kill('SIGTERM');
    await Promise.all(
      nodes.map((n) => new Promise((resolve) => (n.exitCode === null ? n.once('exit', resolve) : resolve(null)))),
    );
    await embedded?.stop();
  }
}

export const log = (line: string) => process.stderr.write(`[central-load] ${line}\n`);

export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Both nodes seal and open the signing keys with one master key. */
const masterKey = randomBytes(32).toString('base64');

export function startNode(ownerUrl: string, nodes: ChildProcess[], demo: boolean): Promise<string> {
  const root = join(import.meta.dirname, '..');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/central/cli.ts'),
      '--memory',
      '--sign-ins-per-minute',
      '100000',
      ...(demo ? ['--demo', '--persons', '200', '--claims', '400'] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: ownerUrl, CENTRAL_MASTER_KEY: masterKey },
    },
  );
  nodes.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout ?? process.stdin }).on('line', (line) => {
      if (line.startsWith('CENTRAL_API_LISTENING ')) resolve(line.slice('CENTRAL_API_LISTENING '.length));
    });
    child.on('exit', (code) => reject(new Error(`central exited (${code})`)));
  });
}

const teams = 20;
const workersPerTeam = 10;

/** Persons, claims, tasks and their feed rows in set-based SQL; payloads are built on first read. */
export async function seedNationalScale(db: Awaited<ReturnType<typeof openPostgres>>, claims: number): Promise<void> {
  const persons = Math.round(claims * 0.35);
  const [demo] = await db.query<{ password_hash: string }>(
    `SELECT password_hash FROM users WHERE username = 'sdevries'`,
  );
  const team = (expr: string) => `'team-load-' || lpad(((${expr}) % ${teams} + 1)::text, 2, '0')`;
  await db.query(
    `INSERT INTO teams (id, name) SELECT 'team-load-' || lpad(t::text, 2, '0'), 'Inning regio ' || t FROM generate_series(1, ${teams}) t`,
  );
  await db.query(
    `INSERT INTO users (id, username, display_name, role, team_id, password_hash)
     SELECT 'u-load-' || t || '-' || w, 'load' || t || 'w' || w, 'Medewerker ' || t || '.' || w, 'medewerker_inning',
            'team-load-' || lpad(t::text, 2, '0'), $1
     FROM generate_series(1, ${teams}) t, generate_series(1, ${workersPerTeam}) w`,
    [demo?.password_hash],
  );
  await db.query(
    `INSERT INTO persons (id, team_id, bsn, display_name, birth_date, city, version)
     SELECT 'lp-' || n, ${team('n')}, lpad((200000000 + n)::text, 9, '0'), 'Persoon ' || n, date '1960-01-01' + n % 15000,
            'Utrecht', nextval('change_version')
     FROM generate_series(1, ${persons}) n`,
  );
  await db.query(
    `INSERT INTO claims (id, person_id, team_id, kind, phase, reference, original_cents, outstanding_cents, due_date, version)
     SELECT 'lc-' || n, 'lp-' || (n % ${persons} + 1), ${team(`n % ${persons} + 1`)}, 'wahv', 'eerste_aanmaning', 'LD-' || n,
            10000 + n % 50000, 10000 + n % 50000, date '2026-06-01' + n % 180, nextval('change_version')
     FROM generate_series(1, ${claims}) n`,
  );
  const tasks = teams * workersPerTeam * 20;
  await db.query(
    `INSERT INTO tasks (id, team_id, person_id, claim_id, kind, created_on, due_date, version)
     SELECT 'lt-' || n, ${team(`n % ${persons} + 1`)}, 'lp-' || (n % ${persons} + 1), 'lc-' || n, 'correspondentie',
            current_date, current_date + 14, nextval('change_version')
     FROM generate_series(1, ${tasks}) n`,
  );
  for (const [entity, table, prefix] of [
    ['person', 'persons', 'lp-'],
    ['claim', 'claims', 'lc-'],
    ['task', 'tasks', 'lt-'],
  ] as const) {
    await db.query(
      `INSERT INTO changes (entity, entity_id, team_id, version)
       SELECT '${entity}', id, team_id, version FROM ${table} WHERE id LIKE '${prefix}%'`,
    );
  }
  await db.query('VACUUM ANALYZE');
}

export interface Desktop {
  url: string;
  token: string;
  clientId: string;
  seq: number;
  cursor: string;
  claimIds: string[];
  taskIds: string[];
  claimed: Set<string>;
  random: SeededRandom;
}

/** Signs every simulated desktop in (on alternating nodes) and starts its cursor at the feed's end. */
export async function signIn(
  db: Awaited<ReturnType<typeof openPostgres>>,
  urls: string[],
  count: number,
): Promise<Desktop[]> {
  const [end] = await db.query<{ cursor: string }>(
    `SELECT max(tx)::text || '.' || max(version) AS cursor FROM changes`,
  );
  const desktops: Desktop[] = [];
  for (let i = 0; i < count; i++) {
    const t = (i % teams) + 1;
    const w = Math.floor(i / teams) + 1;
    const teamId = `team-load-${String(t).padStart(2, '0')}`;
    const url = urls[i % urls.length] ?? '';
    const answer = await post(url, '/api/v1/auth/login', { username: `load${t}w${w}`, password: 'Welkom-CJIB-2026' });
    const claimIds = (
      await db.query<{ id: string }>(`SELECT id FROM claims WHERE team_id = $1 ORDER BY id LIMIT 50 OFFSET $2`, [
        teamId,
        w * 50,
      ])
    ).map((r) => r.id);
    const taskIds = (
      await db.query<{ id: string }>(`SELECT id FROM tasks WHERE team_id = $1 ORDER BY id LIMIT 20 OFFSET $2`, [
        teamId,
        (w - 1) * 20,
      ])
    ).map((r) => r.id);
    desktops.push({
      url,
      token: String(answer.body.accessToken),
      clientId: randomUUID(),
      seq: 1,
      cursor: end?.cursor ?? '0',
      claimIds,
      taskIds,
      claimed: new Set(),
      random: new SeededRandom(1000 + i),
    });
  }
  return desktops;
}

export async function post(url: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

/** One command of the mix (70 % notes, 30 % taking or handing back a task); its round trip in ms. */
async function sendCommand(desktop: Desktop): Promise<number> {
  const { random } = desktop;
  const base = { commandId: randomUUID(), seq: desktop.seq++, issuedAt: new Date().toISOString(), baseVersion: null };
  let command: Record<string, unknown>;
  if (random.next() < 0.7 || desktop.taskIds.length === 0) {
    command = {
      ...base,
      type: 'AddCaseNote',
      payload: {
        noteId: randomUUID(),
        claimId: random.pick(desktop.claimIds),
        text: 'Gebeld; betaalt eind van de maand.',
      },
    };
  } else {
    const taskId = random.pick(desktop.taskIds);
    const release = desktop.claimed.has(taskId);
    if (release) desktop.claimed.delete(taskId);
    else desktop.claimed.add(taskId);
    command = { ...base, type: release ? 'ReleaseTask' : 'ClaimTask', payload: { taskId } };
  }
  const started = performance.now();
  let answer = await tryPost(desktop, command);
  // A 503 is what the desktop's outbox answers by sending the same command again a little later.
  while (answer === 'unavailable') {
    unavailable++;
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await tryPost(desktop, command);
  }
  const ms = performance.now() - started;
  const outcome = (answer.body.outcomes as { status: string }[] | undefined)?.[0]?.status;
  if (outcome !== 'applied') throw new Error(`command not applied: ${JSON.stringify(answer.body)}`);
  return ms;
}

let unavailable = 0;

async function tryPost(desktop: Desktop, command: Record<string, unknown>) {
  try {
    const body = { clientId: desktop.clientId, commands: [command] };
    return await post(desktop.url, '/api/v1/sync/commands', body, desktop.token);
  } catch (error) {
    if (String(error).includes(' 503 ')) return 'unavailable' as const;
    throw error;
  }
}

async function pull(desktop: Desktop): Promise<number> {
  const started = performance.now();
  for (;;) {
    const query = new URLSearchParams({
      clientId: desktop.clientId,
      cursor: desktop.cursor,
      limit: '1000',
      count: '0',
    });
    const response = await fetch(`${desktop.url}/api/v1/sync/changes?${query}`, {
      headers: { authorization: `Bearer ${desktop.token}` },
    });
    const page = (await response.json()) as { nextCursor: string; hasMore: boolean };
    if (!response.ok) throw new Error(`pull: ${response.status}`);
    desktop.cursor = page.nextCursor;
    if (!page.hasMore) return performance.now() - started;
  }
}

async function runAlone(desktop: Desktop | undefined, count: number): Promise<number[]> {
  if (!desktop) throw new Error('no desktop');
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await sendCommand(desktop));
  return times.slice(20); // the first ones warm up connections and plans
}

/**
 * Every desktop works for `durationMs` (or, with `alongside`, for as long as that runs): a command
 * every 2 s on average, a pull every 30 s from a random start.
 */
export async function runLoad(desktops: Desktop[], durationMs: number, alongside?: () => Promise<number>) {
  const commands: number[] = [];
  const pulls: number[] = [];
  let running = true;
  const started = performance.now();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const work = desktops.map(async (desktop) => {
    let nextPull = performance.now() + desktop.random.next() * 30_000;
    while (running) {
      await sleep(-Math.log(1 - desktop.random.next()) * 2000);
      if (!running) break;
      commands.push(await sendCommand(desktop));
      if (performance.now() >= nextPull) {
        pulls.push(await pull(desktop));
        nextPull += 30_000;
      }
    }
  });
  let intakeSeconds = 0;
  if (alongside) {
    await sleep(2000);
    const t = performance.now();
    await alongside();
    intakeSeconds = (performance.now() - t) / 1000;
  } else {
    await sleep(durationMs);
  }
  running = false;
  await Promise.all(work);
  return { commands, pulls, intakeSeconds, seconds: (performance.now() - started) / 1000 };
}

async function runSaturation(desktops: Desktop[], durationMs: number) {
  const commands: number[] = [];
  const deadline = performance.now() + durationMs;
  await Promise.all(
    desktops.map(async (desktop) => {
      while (performance.now() < deadline) commands.push(await sendCommand(desktop));
    }),
  );
  return { commands, commandsPerSecond: commands.length / (durationMs / 1000) };
}

/** The day's delivery: claim batches, then the payments file, on alternating nodes. */
async function runIntake(
  urls: string[],
  key: string,
  claimBatches: number,
  claimsPerBatch: number,
  paymentBatches: number,
  paymentsPerBatch: number,
): Promise<number> {
  const random = new SeededRandom(77);
  for (let b = 0; b < claimBatches; b++) {
    const claims = Array.from({ length: claimsPerBatch }, (_, i) => {
      const n = b * claimsPerBatch + i;
      return {
        reference: `DL-2026-${n}`,
        kind: 'wahv',
        person: {
          bsn: String(300_000_000 + random.int(0, 20_000)),
          displayName: `Nieuwe persoon ${n}`,
          birthDate: '1985-03-01',
          city: 'Amersfoort',
        },
        originalCents: 4_500 + (n % 20_000),
        dueDate: '2027-01-31',
      };
    });
    await post(urls[b % urls.length] ?? '', '/api/v1/intake/claims', { batchId: randomUUID(), claims }, key);
  }
  for (let b = 0; b < paymentBatches; b++) {
    const payments = Array.from({ length: paymentsPerBatch }, (_, i) => ({
      paymentId: `BNK-${b}-${i}`,
      claimReference: `LD-${random.int(1, 1_000_000)}`,
      amountCents: 2_500,
      paidOn: '2026-12-02',
    }));
    await post(urls[b % urls.length] ?? '', '/api/v1/intake/payments', { batchId: randomUUID(), payments }, key);
  }
  return claimBatches * claimsPerBatch + paymentBatches * paymentsPerBatch;
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
