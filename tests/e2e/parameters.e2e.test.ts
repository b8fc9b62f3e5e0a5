import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normPeriodStart } from '../../src/shared/demo/demo-parameter-sets';
import { todayInAmsterdam } from '../../src/shared/domain/amsterdam-clock';
import { demoPassword } from '../../src/central/demo/demo-users';
import { axeViolations, screenshotWhole, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let beheer: AppUnderTest;
let worker: AppUnderTest;

beforeAll(async () => {
  beheer = await startAppUnderTest();
  worker = await startAppUnderTest({ central: beheer.central });
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await worker?.close();
  await beheer?.close();
});

async function signInAsBeheerder(page: Page, username: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(demoPassword);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('link', { name: 'Parameters' }).click();
  await page.getByRole('heading', { level: 1, name: 'Parameters' }).waitFor();
}

describe('parameter sets end to end', () => {
  it('one beheerder proposes corrected norms, a second approves them, and a worker’s assessment uses them after the next sync', async () => {
    const periodStart = normPeriodStart(todayInAmsterdam());

    // A central whose beheerders have not entered this half-year's norms yet: the worker's first
    // sync brings none, so the assessment rests on the 2025 norms and says so.
    const [kept] = await worker.central.db.query<{ sets: string }>(
      'SELECT json_agg(s)::text AS sets FROM parameter_sets s',
    );
    await worker.central.db.query('DELETE FROM parameter_sets');
    // The feed keeps each change's built JSON; without it the pull builds it again, and finds no set.
    await worker.central.db.query(
      "UPDATE changes SET payload = NULL, payload_version = NULL WHERE entity = 'parameter_set'",
    );
    const [person] = await worker.central.db.query<{ claim_id: string }>(
      `SELECT min(c.id) AS claim_id FROM persons p JOIN claims c ON c.person_id = p.id
       WHERE p.team_id = 'team-inning-leeuwarden' AND c.phase NOT IN ('betaald', 'gestopt')
       GROUP BY p.id ORDER BY p.id LIMIT 1`,
    );
    if (!person) throw new Error('no demo person');
    const work = await worker.openApp();
    const openAssessment = async () => {
      await work.goto(`${worker.host.origin}/werkvoorraad/${person.claim_id}`);
      await work.getByRole('link', { name: 'Betalingsonmacht beoordelen' }).click();
      await work.getByRole('heading', { level: 1, name: /Beoordeling betalingsonmacht/ }).waitFor();
      await work.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').fill('1500,00');
    };
    await work.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await work.getByText('Alles verzonden').waitFor();
    await openAssessment();
    // Today's date uses the newest norms there are (1 January 2026, € 1.401,50), flagged as outdated.
    await expect(work.getByTestId('bvv').textContent()).resolves.toMatch(/1\.331,43/); // 95 % of € 1.401,50
    await work.getByTestId('norms-outdated').waitFor();
    await work.getByLabel('Standaardbetalingsregeling').check();
    await work.getByLabel('Motivering').fill('Stukken ontvangen, inkomen beoordeeld.');
    await work.getByText('Dit besluit gaat ter goedkeuring naar de teamleider.').waitFor();
    await work.getByText('Regels die zijn toegepast').click();
    await work.getByText(/er is nog geen nieuwere parameterset vastgesteld/).waitFor();
    // The trace names where the norm comes from, and links the law the BVV rests on.
    await work.getByText(/Norm: SZW Normenbrief bijstandsnormen per 1 januari 2026/).waitFor();
    expect(
      await work
        .getByRole('link', { name: /art\. 475da Wetboek van Burgerlijke Rechtsvordering/ })
        .first()
        .getAttribute('href'),
    ).toMatch(/^https:\/\/wetten\.overheid\.nl\/jci1\.3:c:BWBR0001827&artikel=475da$/);
    expect(await axeViolations(work)).toEqual([]);
    await screenshotWhole(work, `${screenshotDir}/normen-verouderd.png`);
    await worker.central.db.query(
      'INSERT INTO parameter_sets SELECT * FROM json_populate_recordset(null::parameter_sets, $1::json)',
      [kept?.sets],
    );

    // Henk Kok proposes the corrected norm for the current half-year.
    const page = await beheer.openPage();
    await signInAsBeheerder(page, 'hkok');
    await page.getByRole('button', { name: 'Nieuwe set voorstellen' }).click();
    await page.getByLabel('Geldig vanaf').fill(periodStart);
    const norm = page.getByLabel('Waarde van bijstandsnormen.alleenstaand_21_pgl');
    await expect(norm.inputValue()).resolves.toBe('140150'); // prefilled from the set in force that day
    await norm.fill('140000');
    await page.getByLabel('Bron van bijstandsnormen.alleenstaand_21_pgl').fill('Circulaire SZW (e2e)');
    await page.getByLabel('Status van bijstandsnormen.alleenstaand_21_pgl').selectOption('confirmed');
    // Bad input first: a value that is no number is named, nothing is sent.
    await page.getByLabel('Waarde van normPercentage').fill('vijfennegentig');
    await page.getByLabel('Toelichting voor de tweede beheerder').fill('Bijstandsnorm alleenstaande gecorrigeerd.');
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    await page.getByText('De waarde van normPercentage is geen geldig getal of geen geldige lijst.').waitFor();
    await page.getByLabel('Waarde van normPercentage').fill('95');
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    const pending = page.getByRole('article');
    await pending.getByText('U stelde deze set voor; een andere functioneel beheerder beslist erover.').waitFor();
    expect(await pending.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);

    // Sanne Bakker sees what the set changes and approves it.
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await signInAsBeheerder(page, 'sbakker');
    const card = page.getByRole('article');
    const row = card.getByRole('row', { name: /bijstandsnormen\.alleenstaand_21_pgl/ });
    await expect(row.textContent()).resolves.toMatch(/140150 \(niet bevestigd\).*140000 \(bevestigd\)/);
    expect(await card.getByRole('row').count()).toBe(2); // header and the one changed norm
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/parameters-goedkeuren.png`);
    await card.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText('Er wacht geen voorstel op een beslissing.').waitFor();
    const stored = await beheer.central.db.query<{ status: string; proposed_by: string; decided_by: string }>(
      "SELECT status, proposed_by, decided_by FROM parameter_sets WHERE reason LIKE 'Bijstandsnorm alleenstaande%'",
    );
    expect(stored).toEqual([{ status: 'goedgekeurd', proposed_by: 'u-hkok', decided_by: 'u-sbakker' }]);

    // The worker's next sync brings the set; the same assessment now uses 95 % of € 1.400,00.
    await work.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await work.getByText('Alles verzonden').waitFor();
    await openAssessment();
    await expect(work.getByTestId('bvv').textContent()).resolves.toMatch(/1\.330,00/);
    expect(await work.getByTestId('norms-outdated').count()).toBe(0);
  });
});
