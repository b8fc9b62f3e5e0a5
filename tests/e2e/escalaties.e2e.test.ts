import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCents } from '../../src/shared/format';
import {
  axeViolations,
  screenshotWhole,
  startAppUnderTest,
  syncNow,
  type AppUnderTest,
} from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let worker: AppUnderTest;
let lead: AppUnderTest;
const used: string[] = [];

beforeAll(async () => {
  worker = await startAppUnderTest({ viaProxy: true });
  lead = await startAppUnderTest({ central: worker.central });
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await lead?.close();
  await worker?.close();
});

/** A Leeuwarden Wahv claim of a person without decisions, moved to `phase` on the server. */
async function prepareClaim(phase: string): Promise<{ id: string; personId: string }> {
  const db = worker.central.db;
  const [row] = await db.query<{ id: string; person_id: string }>(
    `SELECT c.id, c.person_id FROM claims c WHERE c.team_id = 'team-inning-leeuwarden' AND c.kind = 'wahv' AND c.outstanding_cents > 0
       AND NOT (c.person_id = ANY($1)) AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = c.person_id)
     ORDER BY c.id LIMIT 1`,
    [used],
  );
  if (!row) throw new Error('no claim');
  used.push(row.person_id);
  await db.query(
    `UPDATE claims SET phase = $2, due_date = current_date - 30, version = nextval('change_version') WHERE id = $1`,
    [row.id, phase],
  );
  await db.query(
    `UPDATE changes SET version = (SELECT version FROM claims WHERE id = $1) WHERE entity = 'claim' AND entity_id = $1`,
    [row.id],
  );
  return { id: row.id, personId: row.person_id };
}

/** The team lead opens Teamoverzicht, approves the decision named `name` by keyboard (g) and syncs. */
async function approveOnTeamoverzicht(name: RegExp, screenshot?: string) {
  const leadPage = await lead.openApp({ username: 'mpostma', password: 'Welkom-CJIB-2026' });
  await syncNow(leadPage);
  await leadPage.getByRole('link', { name: 'Teamoverzicht' }).click();
  const item = leadPage.getByRole('article', { name });
  await item.waitFor();
  if (screenshot) await screenshotWhole(leadPage, screenshot);
  await item.focus();
  await leadPage.keyboard.press('g');
  await leadPage.keyboard.press('Enter'); // the confirmation has focus
  await item.waitFor({ state: 'detached' });
  await leadPage.getByRole('button', { name: 'Nu synchroniseren' }).click();
  return leadPage;
}

describe('escalation end to end', () => {
  it('a double click on "Stap vastleggen" records one step, and the advice moves on', async () => {
    const claim = await prepareClaim('tweede_aanmaning');
    const page = await worker.openApp();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/escalaties/${claim.id}`);
    await page.getByRole('heading', { level: 1, name: /Escalatie:/ }).waitFor();
    await expect(page.getByTestId('recommended').textContent()).resolves.toBe('Aanbevolen: Verhaal zonder dwangbevel');
    await page.getByLabel('Motivering').fill('Twee aanmaningen onbetaald; loonbeslag.');
    await page.getByRole('button', { name: 'Stap vastleggen' }).dblclick();
    const saved = page.getByRole('status').filter({ hasText: 'Vastgelegd' });
    await saved.waitFor();
    await expect(saved.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    const stored = await worker.central.db.query<{ step: string }>(
      'SELECT step FROM escalation_decisions WHERE claim_id = $1',
      [claim.id],
    );
    expect(stored).toEqual([{ step: 'verhaal_zonder_dwangbevel' }]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Escalatie:/ }).waitFor();
    await expect(page.getByTestId('recommended').textContent()).resolves.not.toBe(
      'Aanbevolen: Verhaal zonder dwangbevel',
    );
  });

  it('a worker proposes gijzeling, the team lead approves it, and both see the new state', async () => {
    const claim = await prepareClaim('deurwaarder');
    const page = await worker.openApp();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/escalaties/${claim.id}`);
    await page.getByRole('heading', { level: 1, name: /Escalatie:/ }).waitFor();
    await page.getByLabel('Verhaal is (deels) mislukt').check();
    await expect(page.getByTestId('recommended').textContent()).resolves.toBe('Aanbevolen: Verhaal zonder dwangbevel');
    await page.getByRole('radio', { name: /^Gijzeling/ }).check();
    await page.getByLabel('Motivering').fill('Verhaal mislukt; geen rijbewijs of voertuig bekend.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/escalatie-voorstel.png`);
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Vastgelegd' }).waitFor();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();

    const leadPage = await approveOnTeamoverzicht(/Gijzeling/, `${screenshotDir}/teamoverzicht-escalatie.png`);
    await expect
      .poll(
        async () =>
          (
            await worker.central.db.query<{ status: string }>(
              'SELECT status FROM escalation_decisions WHERE claim_id = $1',
              [claim.id],
            )
          )[0]?.status,
      )
      .toBe('vastgelegd');

    await leadPage.goto(`${lead.host.origin}/escalaties/${claim.id}`);
    await leadPage.getByText('Vastgelegd').first().waitFor();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Vastgelegd').first().waitFor();
    await page.getByText('Dwangmiddel').first().waitFor();
    await screenshotWhole(page, `${screenshotDir}/escalatie-vastgelegd.png`);
  });

  it('a verhoging is waived on the team lead’s approval and leaves the claim’s history as a deduction', async () => {
    const [row] = await worker.central.db.query<{ claim_id: string; person_id: string; amount: number; owed: number }>(
      `SELECT c.id AS claim_id, c.person_id, e.amount_cents::int AS amount, c.outstanding_cents::int AS owed
       FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE c.team_id = 'team-inning-leeuwarden' AND c.phase = 'eerste_aanmaning' AND e.kind = 'eerste_aanmaning'
         AND e.amount_cents > 0
         AND c.outstanding_cents >= e.amount_cents AND NOT (c.person_id = ANY($1))
         AND NOT EXISTS (SELECT 1 FROM claim_events t WHERE t.claim_id = c.id AND t.kind = 'tweede_aanmaning')
         AND NOT EXISTS (SELECT 1 FROM escalation_decisions d WHERE d.claim_id = c.id)
       ORDER BY c.id LIMIT 1`,
      [used],
    );
    if (!row) throw new Error('no claim with a verhoging');
    used.push(row.person_id);
    const page = await worker.openApp();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/escalaties/${row.claim_id}`);
    await page.getByRole('heading', { level: 1, name: /Escalatie:/ }).waitFor();
    await page.getByText('Verhoging kwijtschelden', { exact: true }).click();
    await page.getByLabel('Reden voor kwijtschelding').fill('Aanmaning ging naar een oud adres.');
    await page.getByRole('button', { name: 'Ter goedkeuring voorleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Voorgelegd aan de teamleider.' }).waitFor();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();

    await approveOnTeamoverzicht(/Verhoging kwijtschelden/);
    await expect
      .poll(
        async () =>
          (
            await worker.central.db.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM claim_events WHERE claim_id = $1 AND kind = 'verhoging_kwijtgescholden'`,
              [row.claim_id],
            )
          )[0]?.n,
      )
      .toBe(1);

    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/werkvoorraad/${row.claim_id}`);
    const history = page.getByRole('table', { name: 'Verloop' });
    const waived = history.locator('tbody tr', { hasText: 'Verhoging kwijtgescholden' });
    await waived.waitFor();
    await expect(waived.locator('td').nth(2).textContent()).resolves.toBe(`−${formatCents(row.amount)}`);
    const owed = page.locator('dt', { hasText: 'Openstaand' }).locator('xpath=following-sibling::dd[1]');
    await expect(owed.textContent()).resolves.toBe(formatCents(row.owed - row.amount));
    await screenshotWhole(page, `${screenshotDir}/vordering-kwijtgescholden.png`);
  });

  it('a decision made offline is refused when it syncs, because an arrangement arrived meanwhile, and the conflict is shown', async () => {
    const claim = await prepareClaim('tweede_aanmaning');
    const page = await worker.openApp();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/escalaties/${claim.id}`);
    worker.setOffline(true);
    await page.getByRole('radio', { name: /^Verhaal zonder dwangbevel/ }).check();
    await page.getByLabel('Motivering').fill('Loonbeslag via de werkgever.');
    await page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Vastgelegd' }).waitFor();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Offline').first().waitFor();
    await page.getByText('1 wijziging wacht').waitFor();

    // While this decision waits in the outbox, an arrangement starts on the server.
    const db = worker.central.db;
    const arrangementId = randomUUID();
    await db.query(
      `INSERT INTO arrangements (id, person_id, team_id, kind, status, total_cents, motivation, decided_by, decided_at, bvv_input, assessment, version)
       VALUES ($1, $2, 'team-inning-leeuwarden', 'standaard', 'lopend', 1000, 'Standaardregeling aangevraagd', 'u-mpostma', now(), '{}', $3, nextval('change_version'))`,
      [
        arrangementId,
        claim.personId,
        JSON.stringify({
          bvvCents: null,
          afloscapaciteitCents: 0,
          monthlyIncomeCents: 0,
          parameterSets: [],
          trace: [],
        }),
      ],
    );
    await db.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'arrangement', id, team_id, version FROM arrangements WHERE id = $1`,
      [arrangementId],
    );
    await db.query(`UPDATE claims SET phase = 'regeling', version = nextval('change_version') WHERE id = $1`, [
      claim.id,
    ]);

    worker.setOffline(false);
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.getByRole('link', { name: 'Conflicten' }).click();
    const review = page.getByRole('article');
    await review.first().waitFor();
    expect(await review.count()).toBe(1);
    await expect(review.locator('.review__reason').textContent()).resolves.toMatch(
      /Conflict.*gewijzigd sinds uw beoordeling.*betalingsregeling/,
    );
    await expect(review.getByText('Invorderingsstap', { exact: true }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/conflict-escalatie.png`);
    const stored = await db.query('SELECT 1 FROM escalation_decisions WHERE claim_id = $1', [claim.id]);
    expect(stored).toEqual([]);
  });

  it('is a worklist: counts per advised step, a step filter, sort, the keyboard, and back to the same row', async () => {
    const page = await worker.openApp();
    await page.getByRole('link', { name: 'Escalaties' }).click();
    const grid = page.getByRole('grid', { name: /^Escalaties: / });
    await grid.locator('[role="row"][data-key]').first().waitFor();
    const tabs = page.getByRole('navigation', { name: 'Geadviseerde stap' }).getByRole('button');
    const all = Number((await tabs.first().locator('.count-badge').textContent())?.replace(/\D/g, ''));
    expect(all).toBeGreaterThan(0);
    // The first step with claims: its count is what the grid then lists, and every row advises it.
    const step = tabs.nth(1);
    const stepName = (await step.textContent())?.replace(/[\d.]+$/, '').trim() ?? '';
    const stepCount = Number((await step.locator('.count-badge').textContent())?.replace(/\D/g, ''));
    await step.click();
    await expect.poll(() => grid.getAttribute('aria-label')).toBe(`Escalaties: ${stepCount} vorderingen`);
    const adviceCells = grid.locator('[role="row"][data-key] [role="gridcell"]:nth-child(7)');
    await adviceCells.first().waitFor();
    expect(new Set(await adviceCells.allTextContents())).toEqual(new Set([stepName]));

    // Sorted on the amount, highest first (a second click turns the order).
    await page.getByRole('button', { name: /^Openstaand/ }).click();
    await page.getByRole('button', { name: /^Openstaand/ }).click();
    await expect
      .poll(() => grid.locator('[role="columnheader"][aria-sort="descending"]').textContent())
      .toMatch(/^Openstaand/);
    const amounts = await grid.locator('[role="row"][data-key] [role="gridcell"]:nth-child(5)').allTextContents();
    const cents = amounts.map((a) => Number(a.replace(/\D/g, '')));
    expect(cents).toEqual([...cents].sort((a, b) => b - a));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/escalaties-werklijst.png` });

    // j moves, Enter opens, Back returns to the same row.
    await grid.focus();
    await page.keyboard.press('j');
    const second = await grid.locator('[role="row"].vgrid__row--active').getAttribute('data-key');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/escalaties/${second}`);
    await page.goBack();
    await page.getByText(`Regel 2 van ${stepCount}`).waitFor();
    expect(await grid.locator('[role="row"].vgrid__row--active').getAttribute('data-key')).toBe(second);
    await page.close();
  });

  it('one step for a selection of claims: preview, then record, with the failures reported', async () => {
    const page = await worker.openApp();
    await page.getByRole('link', { name: 'Escalaties' }).click();
    const boxes = page.getByRole('checkbox', { name: /Selecteer vordering/ });
    await boxes.first().waitFor();
    for (let i = 0; i < 4; i++) await boxes.nth(i).check();
    await page.getByRole('heading', { name: 'Eén stap voor 4 geselecteerde vorderingen' }).waitFor();
    await page.getByLabel('Stap', { exact: true }).selectOption('eerste_aanmaning');
    await page.getByLabel('Motivering').fill('Betaaltermijn verstreken zonder betaling.');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    const preview = page.getByRole('table', { name: /Voorbeeld/ });
    await preview.waitFor();
    const rows = await preview.locator('tbody tr').count();
    expect(rows).toBe(4);
    const passing = await preview.locator('tbody tr', { hasText: /^.*Kan(?! niet)/ }).count();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/escalatie-selectie.png`);
    if (passing > 0) {
      await page.getByRole('button', { name: `Vastleggen voor ${passing} vorderingen` }).click();
      await page.getByText(`${passing} vastgelegd, ${4 - passing} niet gelukt.`).waitFor();
    }
  });
});
