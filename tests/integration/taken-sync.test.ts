import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import type { AssignmentOutcome, CommandReview, SavedView, TaskRow } from '../../src/shared/ipc/contract';
import { startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

const fleet = desktopFleet('cjib-taken-');
let server: CentralServer;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 80, claims: 300 } });
});
afterAll(async () => {
  await fleet.close();
  await server.close();
});

const queue = (backend: Parameters<typeof call>[0], request: Record<string, unknown>) =>
  call<{ rows: TaskRow[]; total: number }>(backend, 'taken.queue', { limit: 200, ...request });

async function serverTask(id: string) {
  const rows = await server.db.query<{ assignee_id: string | null; status: string }>(
    'SELECT assignee_id, status FROM tasks WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('taken through the central API', () => {
  it('syncs the team’s tasks and members, and never another team’s', async () => {
    const sanne = await fleet.open(server, 'sdevries');
    const joost = await fleet.open(server, 'jbakker');
    const leeuwarden = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE team_id = 'team-inning-leeuwarden' AND status = 'open'`,
    );
    expect((await queue(sanne, { queue: 'alle_open' })).total).toBe(leeuwarden[0]?.n);
    const members = await call<{ members: { id: string }[] }>(sanne, 'team.members');
    expect(members.members.map((m) => m.id).sort()).toEqual(['u-ljansen', 'u-mpostma', 'u-pvisser', 'u-sdevries']);
    const counts = await call<{ mijnWerk: number; teamvoorraad: number; terBeoordeling: number; conflicten: number }>(
      sanne,
      'taken.counts',
    );
    expect(counts).toEqual({
      mijnWerk: (await queue(sanne, { queue: 'mijn_werk' })).total,
      teamvoorraad: (await queue(sanne, { queue: 'teamvoorraad' })).total,
      terBeoordeling: 0, // not a team lead
      conflicten: 0,
    });
    const joostIds = new Set((await queue(joost, { queue: 'alle_open' })).rows.map((r) => r.id));
    expect((await queue(sanne, { queue: 'alle_open' })).rows.some((r) => joostIds.has(r.id))).toBe(false);
  });

  it('lets one of two workers take the same task; the other gets a conflict to review', async () => {
    const sanne = await fleet.open(server, 'sdevries');
    const pieter = await fleet.open(server, 'pvisser', { stale: true });
    const task = (await queue(sanne, { queue: 'teamvoorraad' })).rows[0];
    if (!task) throw new Error('no unassigned task');
    // Sanne takes it and her command reaches the server; Pieter's app has not pulled since, so he
    // takes it too (each claim starts a background round at once: their order is fixed here).
    await call(sanne, 'taken.claim', { taskId: task.id });
    await call(sanne, 'sync.now');
    await call(pieter, 'taken.claim', { taskId: task.id });
    await call(pieter, 'sync.now');
    expect(await serverTask(task.id)).toEqual({ assignee_id: 'u-sdevries', status: 'open' });
    const reviews = await call<{ reviews: CommandReview[] }>(pieter, 'reviews.list');
    expect(reviews.reviews.map((r) => [r.outcome, r.reason])).toContainEqual([
      'conflict',
      'Deze taak is al opgepakt door Sanne de Vries.',
    ]);
    const afterPull = (await queue(pieter, { queue: 'alle_open' })).rows.find((r) => r.id === task.id);
    expect(afterPull?.assigneeName).toBe('Sanne de Vries');

    await call(sanne, 'taken.complete', { taskId: task.id });
    await call(sanne, 'sync.now');
    expect(await serverTask(task.id)).toEqual({ assignee_id: 'u-sdevries', status: 'afgerond' });
  });

  it('reassigns in bulk as a team lead, reports the item done meanwhile, and undoes the rest', async () => {
    const lead = await fleet.open(server, 'mpostma');
    const lotte = await fleet.open(server, 'ljansen');
    const picked = (await queue(lead, { queue: 'teamvoorraad' })).rows.slice(0, 4);
    expect(picked).toHaveLength(4);
    const preview = await call<{ outcomes: AssignmentOutcome[] }>(lead, 'taken.assignPreview', {
      taskIds: picked.map((t) => t.id),
      assigneeId: 'u-pvisser',
    });
    expect(preview.outcomes.every((o) => o.ok)).toBe(true);
    // Meanwhile Lotte takes one and finishes it, and the lead's app learns of it.
    const done = picked[2];
    if (!done) throw new Error('no third task');
    await call(lotte, 'taken.claim', { taskId: done.id });
    await call(lotte, 'taken.complete', { taskId: done.id });
    await call(lotte, 'sync.now');
    await call(lead, 'sync.now');

    const result = await call<{ outcomes: AssignmentOutcome[] }>(lead, 'taken.assign', {
      assignments: picked.map((t) => ({ taskId: t.id, assigneeId: 'u-pvisser' })),
    });
    expect(result.outcomes.map((o) => o.ok)).toEqual([true, true, false, true]);
    expect(result.outcomes[2]?.reason).toBe('Deze taak is inmiddels afgerond.');
    await call(lead, 'sync.now');
    for (const task of [picked[0], picked[1], picked[3]]) {
      expect((await serverTask(task?.id ?? ''))?.assignee_id).toBe('u-pvisser');
    }

    const undo = await call<{ outcomes: AssignmentOutcome[] }>(lead, 'taken.assign', {
      assignments: result.outcomes
        .filter((o) => o.ok)
        .map((o) => ({ taskId: o.taskId, assigneeId: o.previousAssigneeId })),
    });
    expect(undo.outcomes.every((o) => o.ok)).toBe(true);
    await call(lead, 'sync.now');
    for (const task of [picked[0], picked[1], picked[3]]) {
      expect((await serverTask(task?.id ?? ''))?.assignee_id).toBeNull();
    }
  });

  it('refuses bulk assignment by a worker before anything is queued', async () => {
    const sanne = await fleet.open(server, 'sdevries');
    const task = (await queue(sanne, { queue: 'teamvoorraad' })).rows[0];
    await expect(
      call(sanne, 'taken.assign', { assignments: [{ taskId: task?.id, assigneeId: 'u-pvisser' }] }),
    ).rejects.toThrow(/forbidden: Alleen een teamleider/);
  });

  it('shares a saved view with the team through the server', async () => {
    const sanne = await fleet.open(server, 'sdevries');
    const lead = await fleet.open(server, 'mpostma');
    const definition = {
      queue: 'alle_open',
      sort: 'outstanding',
      direction: 'desc',
      taskKind: 'escalatie',
      claimKind: 'wahv',
      phase: null,
      search: '',
    };
    const saved = await call<SavedView>(sanne, 'views.save', { name: 'Wahv-escalaties, hoogste eerst', definition });
    expect(saved.pending).toBe(true);
    await call(sanne, 'sync.now');
    await call(lead, 'sync.now');
    const seen = await call<{ views: SavedView[] }>(lead, 'views.list');
    expect(seen.views.find((v) => v.id === saved.id)).toMatchObject({
      name: 'Wahv-escalaties, hoogste eerst',
      ownerName: 'Sanne de Vries',
      definition,
      pending: false,
    });
    await expect(call(lead, 'views.save', { viewId: saved.id, name: 'Overschreven', definition })).rejects.toThrow(
      /Alleen wie de weergave maakte/,
    );
    // The team lead may tidy up the team's views.
    await call(lead, 'views.delete', { viewId: saved.id });
    await call(lead, 'sync.now');
    await call(sanne, 'sync.now');
    expect((await call<{ views: SavedView[] }>(sanne, 'views.list')).views.some((v) => v.id === saved.id)).toBe(false);
  });
});
