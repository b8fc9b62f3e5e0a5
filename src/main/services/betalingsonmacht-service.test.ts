import { afterEach, describe, expect, it } from 'vitest';
import { tailoredRequest } from '../../../tests/support/betalingsonmacht-request';
import { createInMemoryCjib } from '../../../tests/support/real-backend';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

describe('betalingsonmacht decisions on the desktop', () => {
  it('refuses a second decision while the first waits for approval, offline and at once, with nothing saved', async () => {
    cjib = createInMemoryCjib();
    const list = await cjib.invoke('werkvoorraad.list', { limit: 200 } as never);
    const rows = list.ok ? (list.value as { rows: { personId: string; outstandingCents: number }[] }).rows : [];
    const person = rows.find((r) => r.outstandingCents > 10_000);
    if (!person) throw new Error('no claim to decide on');
    const overview = async () => {
      const result = await cjib.invoke('betalingsonmacht.person', { personId: person.personId } as never);
      return result.ok ? (result.value as { claims: { outstandingCents: number }[]; arrangements: unknown[] }) : null;
    };
    const total = (await overview())?.claims.reduce((sum, c) => sum + c.outstandingCents, 0) ?? 0;
    const first = await cjib.invoke('betalingsonmacht.decide', tailoredRequest(person.personId, total) as never);
    expect(first).toMatchObject({ ok: true, value: { status: 'ter_goedkeuring' } });

    const second = await cjib.invoke('betalingsonmacht.decide', tailoredRequest(person.personId, total) as never);
    expect(second).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Voor deze persoon loopt al een regeling of wacht al een besluit op goedkeuring.',
      },
    });
    expect((await overview())?.arrangements).toHaveLength(1);
  });
});
