import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { demoPassword } from '../../src/central/demo/demo-users';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import type { CommandType } from '../../src/shared/api/commands';
import { command as commandSchema } from '../../src/shared/api/commands';
import { claimDecisionSteps } from '../../src/shared/domain/escalatie';
import { SeededRandom } from '../../src/shared/demo/random';
import { todayInAmsterdam } from '../../src/shared/domain/amsterdam-clock';
import { defaultView } from '../../src/renderer/features/werkvoorraad/queue-slice';
import { tailoredRequest } from '../support/betalingsonmacht-request';
import { startTestCentral } from '../support/central';
import { startFaultProxy } from '../support/fault-proxy';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * Every kind of command, from five desktops of two teams that work on the same claims, tasks,
 * arrangements and victims at once, through a proxy that drops, duplicates, delays, truncates
 * and fails requests on a seeded schedule. Then the faults stop and everyone syncs. The checker:
 * - lost: every command a desktop saved has exactly one outcome on the server, and none is left
 *   in an outbox;
 * - duplicated: each command was applied at most once (one audit entry per command id — the
 *   entry is written in the transaction that applies it);
 * - converged: each desktop's cache equals a cache freshly pulled for the same user.
 * Conflicting edits are meant to happen (two workers take one task): they end as conflict or
 * rejected, in the worker's review list, never silently.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

interface Desktop {
  name: string;
  username: string;
  backend: Backend;
  dbPath: string;
  saved: Map<string, CommandType>;
}

type Rows<T> = { rows: T[] };
const allTypes = commandSchema.options.map((option) => option.shape.type.value);

async function value<T>(backend: Backend, channel: string, request: unknown = {}): Promise<T | undefined> {
  const result = await backend.invoke(channel, request);
  if (process.env.CHAOS_DEBUG && !result.ok && channel === 'escalaties.decide')
    console.log(channel, result.error.message);
  return result.ok ? (result.value as T) : undefined;
}

/** Short timeouts while the faults run (a stalled request must fail fast); the checker's fresh pull waits longer. */
function openDesktop(
  url: string,
  dir: string,
  name: string,
  centralTimeoutMs = 500,
): { backend: Backend; dbPath: string } {
  const dbPath = join(dir, `${name}.sqlite`);
  const backend = createBackend({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: 'chaos',
    centralUrl: url,
    centralTimeoutMs,
    localUser: null,
    sync: { intervalMs: 3_600_000, pageSize: 200, pushBatchSize: 10 },
  });
  cleanups.push(() => backend.close().catch(() => undefined));
  return { backend, dbPath };
}

/** What the desktop has saved so far: everything in its outbox and review list (read from its file). */
function collectSaved(desktop: Desktop): void {
  const db = new Database(desktop.dbPath);
  try {
    for (const table of ['outbox', 'command_reviews']) {
      const rows = db.raw.prepare(`SELECT command_id, type FROM ${table}`).all() as {
        command_id: string;
        type: CommandType;
      }[];
      for (const row of rows) desktop.saved.set(row.command_id, row.type);
    }
  } finally {
    db.close();
  }
}

type Action = (desktop: Desktop, random: SeededRandom) => Promise<unknown>;

const inningActions: Action[] = [
  async ({ backend }, random) => {
    const claims = await value<Rows<{ id: string }>>(backend, 'werkvoorraad.list', { limit: 30 });
    if (claims?.rows.length)
      await value(backend, 'notes.add', { claimId: random.pick(claims.rows).id, text: `chaos ${random.int(0, 1e6)}` });
  },
  async ({ backend }, random) => {
    const queue = await value<Rows<{ id: string }>>(backend, 'taken.queue', { queue: 'alle_open', limit: 15 });
    if (queue?.rows.length) await value(backend, 'taken.claim', { taskId: random.pick(queue.rows).id });
  },
  async ({ backend }, random) => {
    const mine = await value<Rows<{ id: string }>>(backend, 'taken.queue', { queue: 'mijn_werk', limit: 15 });
    if (!mine?.rows.length) return;
    const task = random.pick(mine.rows).id;
    await value(backend, random.int(0, 1) ? 'taken.release' : 'taken.complete', { taskId: task });
  },
  async ({ backend }, random) => {
    const claims = await value<Rows<{ id: string }>>(backend, 'werkvoorraad.list', { limit: 30 });
    if (!claims?.rows.length) return;
    const heavy = random.int(0, 1) === 1 && stage.heavyClaims.length > 0;
    await value(backend, 'escalaties.decide', {
      claimId: heavy ? random.pick(stage.heavyClaims) : random.pick(claims.rows).id,
      step: heavy ? 'gijzeling' : random.pick([...claimDecisionSteps]),
      facts: heavy
        ? { hasDrivingLicence: false, vehicle: 'geen', verhaalFailed: true }
        : {
            hasDrivingLicence: random.int(0, 1) === 1,
            vehicle: random.pick(['geen', 'eigen', 'van_derde']),
            verhaalFailed: true,
          },
      motivation: 'Chaosproef: besluit op de huidige stand.',
    });
  },
  async ({ backend }, random) => {
    const claims = await value<Rows<{ personId: string }>>(backend, 'werkvoorraad.list', { limit: 30 });
    // The persons of the staged heavy claims stay clear of betalingsonmacht, or no dwangmiddel is allowed.
    const persons = (claims?.rows ?? []).filter((row) => !stage.heavyPersons.includes(row.personId));
    if (!persons.length) return;
    const personId = random.pick(persons).personId;
    const person = await value<{ claims: { outstandingCents: number }[] }>(backend, 'betalingsonmacht.person', {
      personId,
    });
    const total = person?.claims.reduce((sum, c) => sum + c.outstandingCents, 0) ?? 0;
    if (total <= 0) return;
    await value(
      backend,
      'betalingsonmacht.decide',
      tailoredRequest(personId, total, { motivation: 'Chaosproef: weinig ruimte.' }),
    );
  },
  async ({ backend }, random) => {
    const views = await value<{ views: { id: string; ownerId?: string }[] }>(backend, 'views.list');
    if (views?.views.length && random.int(0, 2) === 0) {
      await value(backend, 'views.delete', { viewId: random.pick(views.views).id });
      return;
    }
    await value(backend, 'views.save', {
      name: `Chaos ${random.int(0, 1e6)}`,
      definition: { ...defaultView, queue: 'teamvoorraad' },
    });
  },
  async ({ backend }, random) => {
    // The pauzeknop on a running arrangement; two desktops may pause the same one at once.
    const running = await value<{ arrangements: { id: string; instalments: { dueDate: string }[] }[] }>(
      backend,
      'arrangements.list',
      { status: 'lopend' },
    );
    const today = todayInAmsterdam();
    const open = (running?.arrangements ?? []).filter((a) => a.instalments.some((i) => i.dueDate >= today));
    if (!open.length) return;
    const arrangement = random.pick(open);
    const upcoming = arrangement.instalments.filter((i) => i.dueDate >= today);
    await value(backend, 'betalingsonmacht.pause', {
      arrangementId: arrangement.id,
      from: random.pick(upcoming).dueDate,
      months: random.int(1, 2),
      reason: 'Chaosproef: tijdelijk minder inkomen.',
    });
  },
];

const leadActions: Action[] = [
  inningActions[1] as Action,
  async ({ backend }, random) => {
    const queue = await value<{ arrangements: { id: string }[] }>(backend, 'arrangements.list', {
      status: 'ter_goedkeuring',
    });
    if (queue?.arrangements.length) {
      const approve = random.int(0, 1) === 1;
      await value(backend, 'arrangements.decideApproval', {
        arrangementId: random.pick(queue.arrangements).id,
        approve,
        note: approve ? '' : 'Chaosproef: afgekeurd, onderbouwing ontbreekt.',
      });
    }
  },
  async ({ backend }, random) => {
    const queue = await value<{ decisions: { id: string }[] }>(backend, 'escalaties.list', {
      status: 'ter_goedkeuring',
    });
    if (queue?.decisions.length) {
      await value(backend, 'escalaties.decideApproval', {
        decisionId: random.pick(queue.decisions).id,
        approve: true,
        note: '',
      });
    }
  },
  async ({ backend }, random) => {
    const queue = await value<Rows<{ id: string }>>(backend, 'taken.queue', { queue: 'alle_open', limit: 20 });
    const members = ['u-sdevries', 'u-pvisser', 'u-ljansen'];
    if (queue?.rows.length) {
      await value(backend, 'taken.assign', {
        assignments: [random.pick(queue.rows), random.pick(queue.rows)].map((t) => ({
          taskId: t.id,
          assigneeId: random.pick(members),
        })),
      });
    }
  },
];

/** One of the victim worker's open notification tasks, at random (none when the queue is empty). */
async function someVictimTask(backend: Backend, random: SeededRandom) {
  const tasks = await value<{ tasks: { victimId: string; eventId: string }[] }>(backend, 'slachtoffers.tasks');
  return tasks?.tasks.length ? random.pick(tasks.tasks) : undefined;
}

const victimActions: Action[] = [
  async ({ backend }, random) => {
    const task = await someVictimTask(backend, random);
    if (!task) return;
    const { victimId, eventId } = task;
    await value(backend, 'slachtoffers.notify', {
      victimId,
      eventId,
      channel: 'telefoon',
      content: 'Chaosproef: slachtoffer gebeld over het verlof.',
      // Today: never before the event was reported, never in the future (the server checks both).
      notifiedOn: todayInAmsterdam(),
    });
  },
  async ({ backend }, random) => {
    const task = await someVictimTask(backend, random);
    if (!task) return;
    const { victimId, eventId } = task;
    await value(backend, 'slachtoffers.wishes', {
      victimId,
      eventId,
      contactverbod: true,
      gebiedsverbod: random.int(0, 1) === 1,
      zoneDescription: 'Binnenstad en het station',
      remarks: 'Chaosproef.',
    });
  },
  async ({ backend }, random) => {
    const task = await someVictimTask(backend, random);
    if (!task) return;
    await value(backend, 'slachtoffers.preferences', {
      victimId: task.victimId,
      optedIn: true,
      wantsInformation: random.int(0, 1) === 1,
      preferredChannel: random.pick(['brief', 'telefoon', 'email']),
      representative: null,
    });
  },
  async ({ backend }, random) => {
    if (!stage.dueVictims.length) return;
    const victim = await value<{ compensation: { id: string } | null }>(backend, 'slachtoffers.victim', {
      victimId: random.pick(stage.dueVictims),
    });
    if (victim?.compensation)
      await value(backend, 'slachtoffers.proposeVoorschot', { compensationId: victim.compensation.id });
  },
];

const victimLeadActions: Action[] = [
  async ({ backend }, random) => {
    const approvals = await value<{ payments: { id: string; status: string }[] }>(backend, 'voorschot.approvals');
    const open = approvals?.payments.filter((p) => p.status === 'ter_goedkeuring') ?? [];
    if (open.length)
      await value(backend, 'voorschot.decide', { paymentId: random.pick(open).id, approve: true, note: '' });
  },
];

const cast: { username: string; actions: Action[] }[] = [
  { username: 'sdevries', actions: inningActions },
  { username: 'pvisser', actions: inningActions },
  { username: 'mpostma', actions: [...leadActions, ...inningActions] },
  { username: 'famrani', actions: victimActions },
  { username: 'wdekker', actions: victimLeadActions },
];

/** Claims and victims the cast works on together, prepared on the server before anyone syncs. */
const stage = { heavyClaims: [] as string[], heavyPersons: [] as string[], dueVictims: [] as string[] };

/** Bumps an entity's version so the change feed carries it again (a back-office change). */
async function republish(server: CentralServer, entity: string, table: string, ids: string[]): Promise<void> {
  await server.db.query(`UPDATE ${table} SET version = nextval('change_version') WHERE id = ANY($1)`, [ids]);
  await server.db.query(
    `UPDATE changes SET version = t.version FROM ${table} t WHERE changes.entity = $1 AND changes.entity_id = t.id AND t.id = ANY($2)`,
    [entity, ids],
  );
}

/**
 * The demo data has few claims where a heavy step is allowed and few compensations due for a
 * voorschot: make some, so every command type (team-lead approvals included) comes up.
 */
async function prepareStage(server: CentralServer): Promise<void> {
  const claims = await server.db.query<{ id: string; person_id: string }>(
    `SELECT c.id, c.person_id FROM claims c WHERE c.team_id = 'team-inning-leeuwarden' AND c.kind = 'wahv' AND c.outstanding_cents > 0
       AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = c.person_id) ORDER BY c.id LIMIT 12`,
  );
  stage.heavyClaims = claims.map((c) => c.id);
  stage.heavyPersons = claims.map((c) => c.person_id);
  await server.db.query(`UPDATE claims SET phase = 'deurwaarder', due_date = current_date - 30 WHERE id = ANY($1)`, [
    stage.heavyClaims,
  ]);
  await republish(server, 'claim', 'claims', stage.heavyClaims);
  const compensations = await server.db.query<{ id: string; victim_id: string }>(
    `SELECT c.id, c.victim_id FROM victim_compensations c JOIN victims v ON v.id = c.victim_id
     WHERE v.is_natural_person AND v.offence_category = 'vermogen' ORDER BY c.id LIMIT 8`,
  );
  stage.dueVictims = compensations.map((c) => c.victim_id);
  await server.db.query(
    `UPDATE victim_compensations SET judgment_final_on = current_date - 400, ordered_cents = 900000,
       collected_cents = 100000, paid_out_cents = 100000, schadefonds_cents = 0 WHERE id = ANY($1)`,
    [compensations.map((c) => c.id)],
  );
  await republish(
    server,
    'victim_compensation',
    'victim_compensations',
    compensations.map((c) => c.id),
  );
}

async function runChaos(options: { seed: number; rounds: number; actionsPerRound: number; deduplicate: boolean }) {
  const server = await startTestCentral({
    seed: { persons: 80, claims: 260 },
    processor: { deduplicate: options.deduplicate },
  });
  cleanups.push(() => server.close());
  await prepareStage(server);
  const proxy = await startFaultProxy(server.url, options.seed, 700);
  cleanups.push(() => proxy.close());
  const temp = makeTempDir('cjib-chaos-');
  cleanups.push(() => temp.cleanup());
  const random = new SeededRandom(options.seed);

  const desktops: Desktop[] = [];
  for (const [index, member] of cast.entries()) {
    const name = `${member.username}-${index}`;
    const { backend, dbPath } = openDesktop(proxy.url, temp.dir, name);
    // The password check may take longer than the short timeout on a loaded machine: try again, before any fault.
    let session: unknown;
    for (let attempt = 0; attempt < 5 && !session; attempt++)
      session = await value(backend, 'session.login', { username: member.username, password: demoPassword });
    if (!session) throw new Error(`${member.username} could not sign in before the faults started`);
    await value(backend, 'sync.now');
    desktops.push({ name, username: member.username, backend, dbPath, saved: new Map() });
  }

  proxy.setFaults({
    pass: 45,
    drop_request: 8,
    drop_response: 10,
    duplicate: 10,
    late_duplicate: 10,
    error_5xx: 7,
    stall: 3,
    truncate: 7,
  });
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, desktop] of desktops.entries()) {
      const actions = cast[index]?.actions ?? [];
      for (let n = 0; n < options.actionsPerRound; n++) {
        await random.pick(actions)(desktop, random);
        collectSaved(desktop);
      }
      await desktop.backend.invoke('sync.now', {}); // may fail: faults are on
    }
  }
  proxy.setFaults(null);
  await new Promise((resolve) => setTimeout(resolve, 600)); // late duplicates land
  for (let pass = 0; pass < 3; pass++) {
    for (const desktop of desktops) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const status = await value<{ pendingCommands: number; error: string | null }>(desktop.backend, 'sync.now');
        collectSaved(desktop);
        if (status && status.pendingCommands === 0 && status.error === null) break;
      }
    }
  }
  const problems = await check(server, desktops, proxy.url, temp.dir);
  const types = new Map<CommandType, number>();
  for (const desktop of desktops)
    for (const type of desktop.saved.values()) types.set(type, (types.get(type) ?? 0) + 1);
  const outcomes = await server.db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM commands GROUP BY status ORDER BY status',
  );
  return { problems, types, faults: { ...proxy.counts }, outcomes };
}

const comparedTables = [
  'arrangements',
  'case_notes',
  'claim_events',
  'claims',
  'detention_events',
  'escalation_decisions',
  'persons',
  'saved_views',
  'tasks',
  'team_members',
  'victim_compensations',
  'victim_notifications',
  'victim_wishes',
  'victims',
  'voorschot_payments',
];

function cacheDump(dbPath: string): Record<string, string[]> {
  const db = new Database(dbPath);
  try {
    return Object.fromEntries(
      comparedTables.map((table) => [
        table,
        (db.raw.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
          .map(({ pending: _pending, ...row }) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

async function check(server: CentralServer, desktops: Desktop[], url: string, dir: string): Promise<string[]> {
  const problems: string[] = [];
  const recorded = await server.db.query<{ command_id: string; n: number }>(
    'SELECT command_id, count(*)::int AS n FROM commands GROUP BY command_id',
  );
  const recordedCount = new Map(recorded.map((r) => [r.command_id, r.n]));
  const applies = await server.db.query<{ entity_id: string; n: number }>(
    `SELECT entity_id, count(*)::int AS n FROM audit_log WHERE entity = 'command' GROUP BY entity_id`,
  );
  for (const { entity_id, n } of applies) if (n > 1) problems.push(`command ${entity_id} applied ${n} times`);

  for (const desktop of desktops) {
    for (const [commandId, type] of desktop.saved) {
      const n = recordedCount.get(commandId) ?? 0;
      if (n !== 1) problems.push(`${desktop.name}: ${type} ${commandId} has ${n} outcomes on the server`);
    }
    const status = await value<{ pendingCommands: number }>(desktop.backend, 'sync.status');
    if (status?.pendingCommands) problems.push(`${desktop.name}: ${status.pendingCommands} commands still pending`);
    const reviews = await value<{ reviews: { reason: string }[] }>(desktop.backend, 'reviews.list');
    for (const review of reviews?.reviews ?? [])
      if (/kon deze opdracht niet verwerken|ongeldig/.test(review.reason))
        problems.push(`${desktop.name}: ${review.reason}`);

    // Converged: the desktop's cache is what a fresh pull for the same user gives.
    const fresh = openDesktop(url, dir, `${desktop.name}-fresh`, 10_000);
    if (!(await value(fresh.backend, 'session.login', { username: desktop.username, password: demoPassword })))
      problems.push(`${desktop.name}: the checker could not sign in for a fresh pull`);
    await value(fresh.backend, 'sync.now');
    await fresh.backend.close();
    const mine = cacheDump(desktop.dbPath);
    const truth = cacheDump(fresh.dbPath);
    if (!truth.claims?.length && !truth.victims?.length) problems.push(`${desktop.name}: the fresh cache is empty`);
    for (const table of comparedTables) {
      const a = new Set(mine[table]);
      const b = new Set(truth[table]);
      const onlyMine = [...a].filter((row) => !b.has(row));
      const onlyServer = [...b].filter((row) => !a.has(row));
      if (onlyMine.length || onlyServer.length)
        problems.push(
          `${desktop.name}: ${table} differs (${onlyMine.length} stale, ${onlyServer.length} missing), ` +
            `e.g. mine ${onlyMine[0] ?? '-'} against the server's ${onlyServer[0] ?? '-'}`,
        );
    }
  }
  return problems;
}

describe('chaos over every command type', () => {
  it('loses nothing, applies nothing twice and converges, with conflicting edits by five desktops', async () => {
    const result = await runChaos({ seed: 20261203, rounds: 20, actionsPerRound: 10, deduplicate: true });
    const commands = [...result.types.values()].reduce((a, b) => a + b, 0);
    console.log(
      `chaos: ${commands} commands of ${result.types.size} types ${JSON.stringify(Object.fromEntries(result.types))}; ` +
        `outcomes ${JSON.stringify(result.outcomes)}; faults ${JSON.stringify(result.faults)}`,
    );
    expect([...result.types.keys()].sort()).toEqual([...allTypes].sort());
    // How many come about depends on timing (a stalled sync leaves less to act on): ~380 here.
    expect(commands).toBeGreaterThanOrEqual(250);
    expect(result.outcomes.map((o) => o.status)).toEqual(expect.arrayContaining(['applied', 'conflict']));
    expect(result.problems, result.problems.join('\n')).toEqual([]);
  }, 300_000);

  it('the checker finds the damage when the server’s deduplication is off', async () => {
    const result = await runChaos({ seed: 11, rounds: 4, actionsPerRound: 6, deduplicate: false });
    console.log(
      `chaos without deduplication: ${result.problems.length} problems, e.g. ${result.problems.slice(0, 3).join('; ')}`,
    );
    expect(result.problems.length).toBeGreaterThan(0);
  }, 200_000);
});
