import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { formatCents } from '../../src/shared/format';
import type { CommandReview, ResponseOf } from '../../src/shared/ipc/contract';
import { startTestCentral } from '../support/central';
import { call, desktopFleet } from '../support/desktop';

const fleet = desktopFleet('cjib-voorschot-');
let server: CentralServer;

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 200, claims: 900 } });
});
afterAll(async () => {
  await fleet.close();
  await server.close();
});

type VictimCase = ResponseOf<'slachtoffers.victim'>;

/** A victim whose maatregel has a voorschot due today, made so on the server. */
async function dueCompensation(): Promise<{ victimId: string; compensationId: string }> {
  const [row] = await server.db.query<{ id: string; victim_id: string }>(
    `SELECT c.id, c.victim_id FROM victim_compensations c JOIN victims v ON v.id = c.victim_id
     WHERE v.is_natural_person AND v.offence_category = 'vermogen'
       AND NOT EXISTS (SELECT 1 FROM voorschot_payments p WHERE p.compensation_id = c.id)
     ORDER BY c.id LIMIT 1`,
  );
  if (!row) throw new Error('no compensation in the demo data');
  await server.db.query(
    `UPDATE victim_compensations SET judgment_final_on = current_date - 400, ordered_cents = 900000,
       collected_cents = 100000, paid_out_cents = 100000, schadefonds_cents = 0, version = nextval('change_version')
     WHERE id = $1`,
    [row.id],
  );
  await server.db.query(
    `UPDATE changes SET version = (SELECT version FROM victim_compensations WHERE id = $1)
     WHERE entity = 'victim_compensation' AND entity_id = $1`,
    [row.id],
  );
  return { victimId: row.victim_id, compensationId: row.id };
}

describe('voorschot on a schadevergoedingsmaatregel', () => {
  it('is proposed by the victim worker, approved by the team lead, and paid out on the server', async () => {
    const { victimId, compensationId } = await dueCompensation();
    const fatima = await fleet.open(server, 'famrani');
    const seen = await call<VictimCase>(fatima, 'slachtoffers.victim', { victimId });
    expect(seen.compensation).toMatchObject({ orderedCents: 900000, collectedCents: 100000 });
    // € 9.000 − € 1.000 received = € 8.000, capped at € 5.000 for a property offence.
    expect(seen.voorschot).toMatchObject({ eligible: true, advanceCents: 500000, capApplied: true });

    const proposed = await call<{ id: string; pending: boolean }>(fatima, 'slachtoffers.proposeVoorschot', {
      compensationId,
    });
    expect(proposed.pending).toBe(true);
    await expect(call(fatima, 'slachtoffers.proposeVoorschot', { compensationId })).rejects.toThrow(/al een voorschot/);
    await call(fatima, 'sync.now');

    const wendy = await fleet.open(server, 'wdekker');
    const approvals = await call<ResponseOf<'voorschot.approvals'>>(wendy, 'voorschot.approvals');
    expect(approvals.payments.map((p) => [p.id, p.amountCents])).toContainEqual([proposed.id, 500000]);
    // Contact data never reaches the team lead's cache or answers.
    const [contact] = await server.db.query<{ house_number: string }>(
      'SELECT house_number FROM victim_contacts WHERE victim_id = $1',
      [victimId],
    );
    expect(JSON.stringify(approvals)).not.toContain(contact?.house_number);

    await call(wendy, 'voorschot.decide', { paymentId: proposed.id, approve: true, note: '' });
    await call(wendy, 'sync.now');
    const [paid] = await server.db.query<{ paid_out_cents: number; status: string }>(
      `SELECT c.paid_out_cents::int AS paid_out_cents, p.status FROM voorschot_payments p
       JOIN victim_compensations c ON c.id = p.compensation_id WHERE p.id = $1`,
      [proposed.id],
    );
    expect(paid).toEqual({ paid_out_cents: 600000, status: 'goedgekeurd' });

    await call(fatima, 'sync.now');
    const after = await call<VictimCase>(fatima, 'slachtoffers.victim', { victimId });
    expect(after.compensation?.paidOutCents).toBe(600000);
    expect(after.payments[0]).toMatchObject({ status: 'goedgekeurd', approvedBy: 'Wendy Dekker', pending: false });
  });

  it('becomes a conflict when the figures changed on the server since the worker looked', async () => {
    const { victimId, compensationId } = await dueCompensation();
    const fatima = await fleet.open(server, 'famrani');
    const seen = await call<VictimCase>(fatima, 'slachtoffers.victim', { victimId });
    expect(seen.voorschot?.advanceCents).toBe(500000);
    await call(fatima, 'slachtoffers.proposeVoorschot', { compensationId });
    // The offender paid a large part meanwhile: the advance is now smaller.
    await server.db.query('UPDATE victim_compensations SET collected_cents = 700000 WHERE id = $1', [compensationId]);
    await call(fatima, 'sync.now');
    const reviews = await call<{ reviews: CommandReview[] }>(fatima, 'reviews.list');
    expect(reviews.reviews.map((r) => [r.outcome, r.reason])).toContainEqual([
      'conflict',
      `Het voorschot is nu ${formatCents(200000)} in plaats van ${formatCents(500000)}: de bedragen zijn intussen gewijzigd.`,
    ]);
    expect((await call<VictimCase>(fatima, 'slachtoffers.victim', { victimId })).payments).toEqual([]);
  });

  it('refuses a voorschot before eight months, and shows an inning team lead no victims', async () => {
    const { victimId, compensationId } = await dueCompensation();
    await server.db.query(
      `UPDATE victim_compensations SET judgment_final_on = current_date - 100, version = nextval('change_version') WHERE id = $1`,
      [compensationId],
    );
    await server.db.query(
      `UPDATE changes SET version = (SELECT version FROM victim_compensations WHERE id = $1)
       WHERE entity = 'victim_compensation' AND entity_id = $1`,
      [compensationId],
    );
    const fatima = await fleet.open(server, 'famrani');
    const seen = await call<VictimCase>(fatima, 'slachtoffers.victim', { victimId });
    expect(seen.voorschot?.eligible).toBe(false);
    await expect(call(fatima, 'slachtoffers.proposeVoorschot', { compensationId })).rejects.toThrow(
      /Nog geen voorschot: pas vanaf/,
    );
    // The inning team lead has no victims at all in its cache.
    const marieke = await fleet.open(server, 'mpostma');
    expect((await call<ResponseOf<'voorschot.approvals'>>(marieke, 'voorschot.approvals')).payments).toEqual([]);
  });
});
