import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { startTestCentral } from '../support/central';
import { apiToken, pushCommands } from '../support/central-api';

/**
 * A team lead works offline on her picture of the queue; meanwhile a colleague picks a task up.
 * Her release or completion, sent later, must not undo the colleague's move in silence: it is a
 * conflict (shown in Conflicten), and the task stays where the colleague put it.
 */
let server: CentralServer;
beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 40, claims: 120 } });
});
afterAll(async () => server?.close());

async function openTasks(count: number): Promise<string[]> {
  const rows = await server.db.query<{ id: string }>(
    `SELECT id FROM tasks WHERE team_id = 'team-inning-leeuwarden' AND status = 'open' AND assignee_id IS NULL
     ORDER BY id LIMIT $1`,
    [count],
  );
  return rows.map((r) => r.id);
}

const taskRow = async (id: string) =>
  (
    await server.db.query<{ status: string; assignee_id: string | null }>(
      'SELECT status, assignee_id FROM tasks WHERE id = $1',
      [id],
    )
  )[0];

describe('stale task moves', () => {
  it('refuses a release and a completion made on an older picture, and applies them on a current one', async () => {
    const [a, b, c] = await openTasks(3);
    if (!a || !b || !c) throw new Error('not enough open tasks');
    const lead = await apiToken(server, 'mpostma');
    const worker = await apiToken(server, 'sdevries');
    // The lead saw a and b free; the worker picks both up before the lead's commands arrive.
    expect(
      (
        await pushCommands(server, worker, [
          { type: 'ClaimTask', payload: { taskId: a } },
          { type: 'ClaimTask', payload: { taskId: b } },
        ])
      ).map((o) => o.status),
    ).toEqual(['applied', 'applied']);
    const stale = await pushCommands(server, lead, [
      { type: 'CompleteTask', payload: { taskId: a, completedOn: '2026-12-07', expectedAssigneeId: null } },
      { type: 'ReleaseTask', payload: { taskId: b, expectedAssigneeId: null } },
    ]);
    expect(stale).toMatchObject([
      { status: 'conflict', reason: expect.stringMatching(/intussen opgepakt door Sanne de Vries/) },
      { status: 'conflict', reason: expect.stringMatching(/intussen opgepakt door Sanne de Vries/) },
    ]);
    expect(await taskRow(a)).toEqual({ status: 'open', assignee_id: 'u-sdevries' });
    expect(await taskRow(b)).toEqual({ status: 'open', assignee_id: 'u-sdevries' });
    // On a current picture the same moves apply.
    expect(
      (
        await pushCommands(server, lead, [
          { type: 'ReleaseTask', payload: { taskId: b, expectedAssigneeId: 'u-sdevries' } },
          { type: 'CompleteTask', payload: { taskId: c, completedOn: '2026-12-07', expectedAssigneeId: null } },
        ])
      ).map((o) => o.status),
    ).toEqual(['applied', 'applied']);
    expect(await taskRow(b)).toEqual({ status: 'open', assignee_id: null });
    expect((await taskRow(c))?.status).toBe('afgerond');
  });
});
