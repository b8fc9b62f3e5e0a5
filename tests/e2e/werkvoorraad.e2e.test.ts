import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const password = 'Welkom-CJIB-2026';

beforeAll(async () => {
  worker = await startAppUnderTest();
  lead = await startAppUnderTest({ central: worker.central });
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await lead?.close();
  await worker?.close();
});

const grid = (page: Page) => page.locator('#queue-grid');
const rowCount = async (page: Page) => Number(await grid(page).getAttribute('aria-rowcount')) - 1;
const activeIndex = async (page: Page) =>
  page.evaluate(() => {
    const grid = document.getElementById('queue-grid');
    return Number(
      document.getElementById(grid?.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-rowindex'),
    );
  });

/** Tabs (keyboard only) until the element matching `predicate` has focus. */
async function tabTo(page: Page, predicate: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`no focus reached ${predicate}`);
}

async function showQueue(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  await grid(page).locator('[aria-rowindex="2"]').waitFor();
  await page.locator('#queue-grid[aria-busy="false"]').waitFor();
}

describe('werkvoorraad end to end', () => {
  it('triages five tasks by keyboard alone: move, claim, open and finish', async () => {
    const page = await worker.openApp();
    await syncNow(page);
    const open = async (assignee: string) =>
      (
        await worker.central.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM tasks WHERE team_id = 'team-inning-leeuwarden' AND status = 'open' AND ${assignee}`,
        )
      )[0]?.n ?? 0;
    const mineBefore = await open(`assignee_id = 'u-sdevries'`);
    const teamBefore = await open('assignee_id IS NULL');
    // To the Teamvoorraad tab and into the grid, with Tab and Enter only.
    await tabTo(page, `document.activeElement?.textContent?.startsWith('Teamvoorraad')`);
    await page.keyboard.press('Enter');
    await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(teamBefore);
    await tabTo(page, `document.activeElement?.id === 'queue-grid'`);
    expect(await activeIndex(page)).toBe(2);

    const claimed: string[] = [];
    for (const moves of ['', 'j', 'jj', 'k', '']) {
      for (const key of moves) await page.keyboard.press(key);
      const person = await page
        .locator(`#${await grid(page).getAttribute('aria-activedescendant')} [role="gridcell"]`)
        .first()
        .textContent();
      await page.keyboard.press('c');
      await page
        .getByRole('status')
        .filter({ hasText: `Taak opgepakt: ${person}.` })
        .waitFor();
      claimed.push(person ?? '');
      // The claimed task leaves the Teamvoorraad before the next key.
      await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(teamBefore - claimed.length);
    }
    await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(teamBefore - 5);
    await screenshotWhole(page, `${screenshotDir}/werkvoorraad-teamvoorraad.png`);

    // Mijn werk now has the five; the shortcut overview opens with ? and closes with Escape.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-search');
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, `document.activeElement?.textContent?.startsWith('Mijn werk')`);
    await page.keyboard.press('Enter');
    await expect.poll(() => rowCount(page), { timeout: 20_000 }).toBe(mineBefore + 5);
    await tabTo(page, `document.activeElement?.id === 'queue-grid'`);
    await page.keyboard.press('?');
    await page.getByRole('heading', { name: 'Sneltoetsen in de werkvoorraad' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/werkvoorraad-sneltoetsen.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Sneltoetsen in de werkvoorraad' }).waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-grid');

    // Finish the first, then open the next with Enter.
    const first = await page.locator('#queue-grid [aria-rowindex="2"] [role="gridcell"]').first().textContent();
    await page.keyboard.press('d');
    await page
      .getByRole('status')
      .filter({ hasText: `Taak afgerond: ${first}.` })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/(betalingsonmacht|escalaties|werkvoorraad)\/[\w-]+$/);

    await syncNow(page);
    const onServer = await worker.central.db.query<{ status: string; n: number }>(
      `SELECT t.status, count(*)::int AS n FROM tasks t JOIN persons p ON p.id = t.person_id
       WHERE t.assignee_id = 'u-sdevries' AND p.display_name = ANY($1) GROUP BY t.status ORDER BY t.status`,
      [claimed],
    );
    expect(onServer.find((r) => r.status === 'afgerond')?.n).toBeGreaterThanOrEqual(1);
    expect(onServer.reduce((sum, r) => sum + r.n, 0)).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('shows the selected task beside the list on a wide screen, follows j/k, resizes, and opens as a page when narrow', async () => {
    const page = await worker.openApp();
    await page.setViewportSize({ width: 1366, height: 768 });
    const preview = page.getByRole('complementary', { name: 'Details van de selectie' });
    await preview.waitFor();
    await grid(page).focus();
    const personAt = async () =>
      page
        .locator(`#${await grid(page).getAttribute('aria-activedescendant')} [role="gridcell"]`)
        .first()
        .textContent();
    const first = await personAt();
    await expect.poll(() => preview.getByRole('heading', { level: 2 }).textContent()).toBe(first);
    await page.keyboard.press('j');
    const second = await personAt();
    await expect.poll(() => preview.getByRole('heading', { level: 2 }).textContent()).toBe(second);
    // Focus stayed in the list; the claim's facts are in the pane.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-grid');
    await preview.getByRole('definition').first().waitFor();
    // Beside the pane the grid fits without sideways scrolling.
    expect(await grid(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

    const splitter = page.getByRole('separator', { name: 'Breedte van het detailpaneel' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(before + 64);
    // Folding the filters gives their height to the grid.
    const gridTop = () =>
      grid(page).evaluate((el) => el.getBoundingClientRect().top + (document.getElementById('inhoud')?.scrollTop ?? 0));
    const topBefore = await gridTop();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect.poll(gridTop).toBeLessThan(topBefore - 40);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/werkvoorraad-naast-detail.png` });

    // Narrower than 1280 px: no pane; Enter opens the task, Back returns to the same row.
    await page.setViewportSize({ width: 1100, height: 768 });
    await preview.waitFor({ state: 'detached' });
    await grid(page).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/(betalingsonmacht|escalaties|werkvoorraad)\/[\w-]+$/);
    await page.goBack();
    await grid(page).waitFor();
    expect(await activeIndex(page)).toBe(3); // the second row (aria-rowindex counts the header)
    await page.close();
  });

  it('shares a saved view from one worker with the team lead', async () => {
    const page = await worker.openApp();
    await showQueue(page, /Alle open taken/);
    await page.getByLabel('Taak').selectOption('escalatie');
    await page.getByRole('button', { name: 'Weergave bewaren' }).click();
    await page.getByLabel('Naam van de weergave').fill('Volgende stappen van het team');
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Weergave “Volgende stappen van het team” bewaard' }).waitFor();
    await syncNow(page);
    await page.close();

    const leadPage = await lead.openApp({ username: 'mpostma', password });
    await syncNow(leadPage);
    await leadPage.getByLabel('Weergave').selectOption({ label: 'Volgende stappen van het team (van Sanne de Vries)' });
    await expect.poll(() => leadPage.getByLabel('Taak').inputValue()).toBe('escalatie');
    await leadPage.locator('#queue-grid[aria-busy="false"] [aria-rowindex="2"]').waitFor();
    const kinds = await leadPage.locator('#queue-grid [role="row"] [role="gridcell"]:nth-child(2)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k.startsWith('Volgende stap'))).toBe(true);
    await leadPage.close();
  });

  it('lets a team lead reassign in bulk; one task finished meanwhile is reported, the rest undone', async () => {
    const page = await lead.openApp({ username: 'mpostma', password });
    await showQueue(page, /Teamvoorraad/);
    await grid(page).focus();
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      picked.push((await grid(page).getAttribute('aria-activedescendant')) ?? '');
      await page.keyboard.press('x');
      await page.keyboard.press('j');
    }
    const taskIds = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.getAttribute('aria-selected')),
      picked,
    );
    expect(taskIds).toEqual(['true', 'true', 'true']);
    const names = await Promise.all(picked.map((id) => page.locator(`#${id} [role="gridcell"]`).first().textContent()));
    const ids = await Promise.all(picked.map((id) => page.locator(`#${id}`).getAttribute('data-key')));
    await page.keyboard.press('a');
    await page.getByRole('heading', { name: 'Taken herverdelen' }).waitFor();
    await page.getByLabel('Toewijzen aan').selectOption({ label: 'Pieter Visser' });
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const preview = page.getByRole('list', { name: 'Voorbeeld' });
    await preview.waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual(
      names.map((n) => `${n} gaat van — niemand — naar Pieter Visser`),
    );
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/werkvoorraad-herverdelen-voorbeeld.png`);

    // Meanwhile Lotte finishes the second task; the lead's app hears of it before running.
    const second = { id: ids[1] };
    await lead.central.db.query(
      `UPDATE tasks SET status = 'afgerond', completed_on = current_date, completed_by = 'u-ljansen',
         assignee_id = 'u-ljansen', version = nextval('change_version') WHERE id = $1`,
      [second?.id],
    );
    await lead.central.db.query(
      `INSERT INTO changes (entity, entity_id, team_id, version)
       SELECT 'task', id, team_id, version FROM tasks WHERE id = $1
       ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version`,
      [second?.id],
    );
    await syncNow(page);
    await expect.poll(() => page.locator(`#queue-grid [data-key="${ids[1]}"]`).count(), { timeout: 20_000 }).toBe(0);

    await page.getByRole('button', { name: 'Herverdelen', exact: true }).click();
    const report = page.getByRole('status').filter({ hasText: '2 taken herverdeeld, 1 niet.' });
    await report.waitFor();
    await expect(report.getByRole('listitem').allTextContents()).resolves.toEqual([
      `${names[1]}: Deze taak is inmiddels afgerond.`,
    ]);
    await screenshotWhole(page, `${screenshotDir}/werkvoorraad-herverdelen-verslag.png`);
    await syncNow(page);
    const moved = await lead.central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE assignee_id = 'u-pvisser' AND status = 'open' AND id = ANY($1)`,
      [[ids[0], ids[2]]],
    );
    expect(moved[0]?.n).toBe(2);

    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByText('Herverdeling ongedaan gemaakt (2 taken).').waitFor();
    await syncNow(page);
    const back = await lead.central.db.query<{ assignee_id: string | null }>(
      'SELECT assignee_id FROM tasks WHERE id = ANY($1)',
      [[ids[0], ids[2]]],
    );
    expect(back).toEqual([{ assignee_id: null }, { assignee_id: null }]);
    await page.close();
  });

  it('shows a person with their partner claims, and the dashboard as charts and tables', async () => {
    const [person] = await lead.central.db.query<{ id: string; display_name: string }>(
      `SELECT p.id, p.display_name FROM persons p
       WHERE p.team_id = 'team-inning-leeuwarden'
         AND EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id AND c.kind IN ('cak', 'duo')
                                                 AND c.outstanding_cents > 0)
         AND EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id AND c.kind = 'wahv' AND c.outstanding_cents > 0)
         -- open to a standard arrangement: no bailiff, no coercive measure, no broken arrangement
         AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id AND c.phase IN ('deurwaarder', 'dwangmiddel'))
         AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = p.id AND a.honoured_exactly = false)
       ORDER BY p.id LIMIT 1`,
    );
    const page = await lead.openApp({ username: 'mpostma', password });
    await page.goto(`${lead.host.origin}/personen/${person?.id}`);
    await page.getByRole('heading', { level: 1, name: `Persoon: ${person?.display_name}` }).waitFor();
    const partner = page.getByRole('table', { name: /Vorderingen van partners/ });
    await partner.waitFor();
    expect(await partner.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('partner-total').textContent()).toMatch(/^€\s[\d.]+,\d{2}$/);
    // One Betalingsregeling Rijk over CJIB and the partners that take part: the first instalment
    // divided over them adds up to the instalment.
    const rijk = page.getByRole('table', { name: /Verdeling over de schuldeisers/ });
    const creditorRows = await rijk.locator('tbody tr th').allTextContents();
    expect(creditorRows[0]).toBe('CJIB');
    expect(creditorRows.every((c) => ['CJIB', 'CAK', 'DUO'].includes(c))).toBe(true);
    const euros = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
    const firstInstalments = await rijk.locator('tbody tr td:nth-child(4)').allTextContents();
    const first = (await page.getByTestId('rijk-first-instalment').textContent()) ?? '';
    expect(first).toMatch(/^€\s[\d.]+,\d{2}$/);
    expect(creditorRows.length).toBeGreaterThanOrEqual(2);
    expect(firstInstalments.reduce((sum, text) => sum + euros(text), 0)).toBeCloseTo(euros(first), 2);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/persoon.png`);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard van het team' }).waitFor();
    expect(await page.getByRole('img', { name: /Grafiek/ }).count()).toBe(4);
    const throughput = page.getByTestId('throughput-table');
    expect(await throughput.locator('tbody tr').count()).toBe(4); // three workers and the missed row
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/dashboard.png`);

    await page.getByRole('button', { name: /Meldingen/ }).click();
    await page.locator('#notifications-panel').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/meldingen.png` });
    await page.close();
  });
});
