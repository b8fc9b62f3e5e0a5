import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import type { BackendEvent } from '../../src/shared/ipc/events';
import { startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

/**
 * The backend tells the screens what a sync changed (per claim) and each new sync state, so the
 * renderer needs no polling: two real desktops on one real central.
 */
let central: CentralServer;
const fleet = desktopFleet('cjib-events-');
beforeAll(async () => {
  central = await startTestCentral({ seed: { persons: 60, claims: 200 } });
});
afterAll(async () => {
  await fleet.close();
  await central?.close();
});

describe('backend events', () => {
  it('a colleague’s note reaches the other desktop as a change of that claim, with the new sync state', async () => {
    const worker = await fleet.open(central, 'sdevries');
    const colleague = await fleet.open(central, 'pvisser');
    const claimId = (await call<{ rows: { id: string }[] }>(worker, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
    expect(claimId).toBeDefined();
    const events: BackendEvent[] = [];
    const unsubscribe = worker.subscribe((event) => events.push(event));

    // Made by the colleague on the same team (sent at once), then pulled by the worker.
    await call(colleague, 'notes.add', { claimId, text: 'Gebeld met de debiteur' });
    await call(colleague, 'sync.now');
    await call(worker, 'sync.now');

    const changed = events.filter((e) => e.type === 'changed').flatMap((e) => e.tags);
    expect(changed).toContainEqual({ type: 'Notes' });
    const statuses = events.filter((e) => e.type === 'syncStatus');
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.at(-1)?.status).toMatchObject({ connection: 'online', pendingCommands: 0 });

    // A local decision announces the change that now waits, before any round has run.
    events.length = 0;
    await call(worker, 'notes.add', { claimId, text: 'Eigen notitie' });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'syncStatus', status: expect.objectContaining({ pendingCommands: 1 }) }),
    );

    // A claim changed on the server: that claim and the claim lists, not every claim.
    await call(worker, 'sync.now'); // the own note goes out first (a push refetches every kind)
    events.length = 0;
    await central.db.query(
      `UPDATE claims SET outstanding_cents = outstanding_cents + 100, version = nextval('change_version') WHERE id = $1`,
      [claimId],
    );
    await central.db.query(
      `UPDATE changes SET version = (SELECT version FROM claims WHERE id = $1) WHERE entity = 'claim' AND entity_id = $1`,
      [claimId],
    );
    await call(worker, 'sync.now');
    const claimTags = events.filter((e) => e.type === 'changed').flatMap((e) => e.tags);
    expect(claimTags).toEqual([
      { type: 'Claims', id: 'LIST' },
      { type: 'Claims', id: claimId },
    ]);
    unsubscribe();
  });
});
