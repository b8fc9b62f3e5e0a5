import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../support/central';
import { axeViolations, screenshotWhole, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => app?.close());

async function openFirstClaim(page: Page, row = 0): Promise<string> {
  await page.getByRole('link', { name: 'Vorderingen', exact: true }).click();
  const link = page.locator('#claims-grid [role="row"][data-key]').nth(row).getByRole('link');
  await link.click();
  await page.getByRole('heading', { level: 2, name: 'Notities' }).waitFor();
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

describe('notes through the outbox, end to end', () => {
  it('saves a note at once, shows it as not yet sent, and the server gets it exactly once', async () => {
    const page = await app.openApp();
    const claimId = await openFirstClaim(page);
    await page.getByLabel('Nieuwe notitie').fill('Debiteur telefonisch bereikt; stuurt loonstroken.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await page.getByText('Debiteur telefonisch bereikt; stuurt loonstroken.').waitFor();

    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    const rows = await app.central.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM case_notes WHERE claim_id = $1 AND text = $2',
      [claimId, 'Debiteur telefonisch bereikt; stuurt loonstroken.'],
    );
    expect(rows[0]?.n).toBe(1);
    await page.getByText('nog niet verzonden').waitFor({ state: 'detached' });
    // The claim's history starts with its beschikking, for the original amount.
    const history = page.getByRole('table', { name: 'Verloop' }).locator('tbody tr');
    await history.first().waitFor();
    const original = await page
      .locator('dt', { hasText: 'Oorspronkelijk bedrag' })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    await expect(history.first().locator('td').allTextContents()).resolves.toEqual([
      expect.any(String),
      'Beschikking',
      `+${original}`,
      'Beschikking of vonnis',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/vordering.png`);
    await page.close();
  });

  it('refuses an empty note inline, in Dutch, and saves nothing', async () => {
    const page = await app.openApp();
    await openFirstClaim(page, 1);
    const before = await page.locator('.note').count();
    await page.getByLabel('Nieuwe notitie').fill('   ');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect(page.locator('.field__error').textContent()).resolves.toBe('Een notitie mag niet leeg zijn.');
    expect(await page.getByLabel('Nieuwe notitie').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.note').count()).toBe(before);
    await page.close();
  });

  it('shows a decision the server refused beside the server’s state, and lets the worker drop it', async () => {
    const page = await app.openApp();
    const claimId = await openFirstClaim(page, 2);
    // Meanwhile the claim moved to another team on the server: the note will be refused.
    await app.central.db.query(`UPDATE claims SET team_id = 'team-inning-zwolle' WHERE id = $1`, [claimId]);
    await page.getByLabel('Nieuwe notitie').fill('Afspraak gemaakt');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByRole('link', { name: 'Conflicten' }).click();
    const review = page.getByRole('article');
    await review.first().waitFor();
    expect(await review.count()).toBe(1);
    await expect(review.getByText('Deze vordering bestaat niet of hoort niet bij uw team.').count()).resolves.toBe(1);
    await expect(review.getByRole('heading', { name: 'Uw beslissing' }).count()).resolves.toBe(1);
    await expect(review.getByRole('heading', { name: 'Huidige stand op de server' }).count()).resolves.toBe(1);
    await expect(review.getByText('Afspraak gemaakt').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/conflicten-met-beslissing.png`);

    await review.getByRole('button', { name: 'Laten vervallen' }).click();
    await page.getByText('Er zijn geen conflicten.').waitFor();
    const onServer = await app.central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Afspraak gemaakt'`,
    );
    expect(onServer[0]?.n).toBe(0);
    await page.close();
  });

  it('a session that runs out keeps the worker at work; the note waits and goes out after the password', async () => {
    const page = await app.openApp();
    await openFirstClaim(page, 3);
    for (const table of ['sessions', 'refresh_tokens'])
      await app.central.db.query(
        `UPDATE ${table} SET expires_at = now() - interval '1 second' WHERE user_id = 'u-sdevries'`,
      );
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    const notice = page.getByRole('region', { name: 'Uw sessie is verlopen' });
    await notice.waitFor();
    await page.getByLabel('Nieuwe notitie').fill('Na het verlopen van de sessie genoteerd');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText('nog niet verzonden').first().waitFor();
    await expect(notice.getByText(/1 wijziging|wijzigingen wachten/).count()).resolves.toBeGreaterThan(0);
    await notice.getByRole('button', { name: 'Opnieuw aanmelden' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${screenshotDir}/sessie-verlopen.png` });
    await page.setViewportSize({ width: 683, height: 384 }); // 1366×768 at 200 %
    await page.screenshot({ path: `${screenshotDir}/sessie-verlopen-200.png` });
    await page.setViewportSize({ width: 1366, height: 768 });

    await notice.getByLabel('Wachtwoord').fill(demoLogin.password);
    await notice.getByRole('button', { name: 'Aanmelden en versturen' }).click();
    await page.getByText('U bent weer aangemeld. Wat wachtte wordt nu verstuurd.').waitFor();
    await page.getByText('Alles verzonden').waitFor();
    const onServer = await app.central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Na het verlopen van de sessie genoteerd'`,
    );
    expect(onServer[0]?.n).toBe(1);
    await page.close();
  });
});
