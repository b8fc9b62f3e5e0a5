import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeSource } from '../../src/central/intake/intake-service';
import { pdfPages } from '../support/pdf-text';
import { centsToEuroInput } from '../../src/renderer/features/betalingsonmacht/euro-input';
import { todayInAmsterdam } from '../../src/shared/domain/amsterdam-clock';
import { singleIncomeForCapacity } from '../../src/shared/domain/beslagvrije-voet.examples';
import { axeViolations, screenshotWhole, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let worker: AppUnderTest;
let lead: AppUnderTest;

beforeAll(async () => {
  worker = await startAppUnderTest();
  lead = await startAppUnderTest({ central: worker.central });
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => {
  await lead?.close();
  await worker?.close();
});

describe('betalingsonmacht end to end', () => {
  it('a worker grants a tailored arrangement, the team lead approves it, and the claims show it running', async () => {
    const [person] = await worker.central.db.query<{ id: string; total: number; claim_id: string }>(
      `SELECT p.id, sum(c.outstanding_cents + c.administratiekosten_cents)::bigint AS total, min(c.id) AS claim_id FROM persons p JOIN claims c ON c.person_id = p.id
       -- Betalingsregeling Rijk: CJIB's claims and those of CAK and DUO are arranged together.
       WHERE p.team_id = 'team-inning-leeuwarden'
         AND c.kind IN ('wahv','strafbeschikking','geldboetevonnis','schadevergoedingsmaatregel','cak','duo')
         AND c.phase NOT IN ('betaald', 'gestopt')
         AND NOT EXISTS (SELECT 1 FROM claims d WHERE d.person_id = p.id AND d.phase IN ('deurwaarder', 'dwangmiddel'))
       GROUP BY p.id HAVING sum(c.outstanding_cents) >= 50000 ORDER BY p.id LIMIT 1`,
    );
    if (!person) throw new Error('no demo person');
    const total = Number(person.total);
    const capacity = Math.floor(total / 32) + 1;

    // The worker opens the item and starts the assessment.
    const page = await worker.openApp();
    await page.goto(`${worker.host.origin}/werkvoorraad/${person.claim_id}`);
    await page.getByRole('link', { name: 'Betalingsonmacht beoordelen' }).click();
    await page.getByRole('heading', { level: 1, name: /Beoordeling betalingsonmacht/ }).waitFor();

    // Bad input: an inline message in Dutch, and no figures computed from it.
    await page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').fill('twaalfhonderd');
    await page.getByText("Vul een bedrag in euro's in, bijvoorbeeld 1.250,00.").waitFor();
    expect(await page.getByTestId('bvv').count()).toBe(0);

    // Today's norms (the demo's set for this half-year), and the BVV the law gives that income.
    const income = singleIncomeForCapacity(todayInAmsterdam(), capacity);
    await page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').fill(centsToEuroInput(income));
    await expect(page.getByTestId('bvv').textContent()).resolves.toContain(centsToEuroInput(income - capacity));
    await expect(page.getByTestId('capacity').textContent()).resolves.toContain(centsToEuroInput(capacity));
    await page.getByLabel('Loonstroken of uitkeringsspecificaties — ontbreekt').check();
    await page.getByLabel('Persoonlijke betalingsregeling').check();
    await page.getByLabel('Termijnbedrag per maand').fill(centsToEuroInput(capacity));
    await page.getByLabel('Motivering').fill('Loonstroken tonen weinig ruimte; standaardtermijn te hoog.');
    await page.getByText('Dit besluit gaat ter goedkeuring naar de teamleider.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/betalingsonmacht-beoordeling.png`);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Besluit vastgelegd' });
    await saved.waitFor();
    // The button is disabled now (a decision waits): focus went to the result, not to the page.
    await expect(saved.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    const stored = await worker.central.db.query<{ id: string; status: string }>(
      'SELECT id, status FROM arrangements WHERE person_id = $1',
      [person.id],
    );
    expect(stored.map((r) => r.status)).toEqual(['ter_goedkeuring']);

    // The team lead approves it from the four-eyes queue.
    const leadPage = await lead.openApp({ username: 'mpostma', password: 'Welkom-CJIB-2026' });
    await leadPage.getByRole('link', { name: 'Teamoverzicht' }).click();
    const item = leadPage.getByRole('article');
    await item.first().waitFor();
    expect(await axeViolations(leadPage)).toEqual([]);
    await screenshotWhole(leadPage, `${screenshotDir}/teamoverzicht-goedkeuren.png`);
    await item.first().getByRole('button', { name: 'Goedkeuren' }).click();
    await item.first().getByRole('button', { name: 'Ja, goedkeuren' }).click();
    await leadPage.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await leadPage.getByText('Er wachten geen besluiten op goedkeuring.').waitFor();
    await expect
      .poll(
        async () =>
          (
            await worker.central.db.query<{ status: string }>('SELECT status FROM arrangements WHERE person_id = $1', [
              person.id,
            ])
          )[0]?.status,
      )
      .toBe('lopend');

    // Back at the worker: the arrangement runs and the claims show it.
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Lopend').first().waitFor();
    const rows = await page
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) =>
        // The second cell holds the kind with the phase on a line of its own.
        trs.map((tr) => ({
          kind: tr.children[1]?.firstChild?.textContent ?? '',
          phase: tr.children[1]?.querySelector('.table-subline')?.textContent ?? '',
        })),
      );
    const cjibRows = rows.filter((r) =>
      ['Wahv-beschikking', 'Strafbeschikking', 'Geldboetevonnis', 'Schadevergoedingsmaatregel'].includes(r.kind),
    );
    expect(cjibRows.length).toBeGreaterThan(0);
    expect(cjibRows.every((r) => ['Betalingsregeling', 'Betaald', 'Gestopt'].includes(r.phase))).toBe(true);
    await screenshotWhole(page, `${screenshotDir}/betalingsonmacht-lopend.png`);

    // The decision letter, read back as a PDF reader does: what the Awb asks of it.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Besluitbrief (PDF)' }).first().click();
    const pages = await pdfPages(readFileSync((await (await download).path()) ?? ''));
    const [address] = await worker.central.db.query<{ street_address: string; postcode: string; city: string }>(
      'SELECT street_address, postcode, city FROM persons WHERE id = $1',
      [person.id],
    );
    const text = pages.join('\n');
    expect(text).toContain(`${address?.street_address}`);
    expect(text).toContain(`${address?.postcode} ${address?.city}`);
    expect(text).toMatch(/Rekeningnummer \(IBAN\): NL\d\d/);
    expect(text).toMatch(/Betalingskenmerk: BR[0-9A-F]{10}/);
    expect(text).toMatch(/bezwaar maken\. Doe dit binnen 6 weken/);
    expect(pages.at(-1)).toMatch(new RegExp(`Ons kenmerk [0-9A-F]{8} · pagina ${pages.length} van ${pages.length}`));
  });

  it('grants one Betalingsregeling Rijk over claims at CJIB, CAK and DUO delivered by the partners', async () => {
    const [person] = await worker.central.db.query<{ id: string; bsn: string; display_name: string; city: string }>(
      `SELECT p.id, p.bsn, p.display_name, p.city FROM persons p
       WHERE p.team_id = 'team-inning-leeuwarden'
         AND EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id AND c.kind = 'wahv' AND c.outstanding_cents > 0)
         AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id
                         AND (c.kind NOT IN ('wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel')
                              OR c.phase IN ('deurwaarder', 'dwangmiddel', 'regeling')))
         AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = p.id)
       ORDER BY p.id DESC LIMIT 1`,
    );
    if (!person) throw new Error('no demo person with only CJIB claims');
    // CAK and DUO each deliver a claim for this person, with their own key.
    for (const [partner, kind, cents] of [
      ['CAK', 'cak', 41_250],
      ['DUO', 'duo', 87_533],
    ] as const) {
      const key = await createIntakeSource(worker.central.db, kind, partner, [kind]);
      const response = await fetch(`${worker.central.url}/api/v1/intake/claims`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          batchId: randomUUID(),
          claims: [
            {
              reference: `${partner}-E2E-1`,
              kind,
              person: { bsn: person.bsn, displayName: person.display_name, birthDate: '1980-01-01', city: person.city },
              originalCents: cents,
              dueDate: '2027-01-31',
            },
          ],
        }),
      });
      expect(response.status).toBe(200);
    }
    const owed = await worker.central.db.query<{ kind: string; owed: number }>(
      `SELECT CASE WHEN kind IN ('cak', 'duo') THEN upper(kind) ELSE 'CJIB' END AS kind,
              sum(outstanding_cents + administratiekosten_cents)::bigint AS owed
       FROM claims WHERE person_id = $1 AND phase NOT IN ('betaald', 'gestopt') AND outstanding_cents > 0
       GROUP BY 1 ORDER BY 1`,
      [person.id],
    );
    const owedBy = Object.fromEntries(owed.map((o) => [o.kind, Number(o.owed)]));
    const total = (owedBy.CJIB ?? 0) + (owedBy.CAK ?? 0) + (owedBy.DUO ?? 0);
    expect(owedBy.CAK).toBe(41_250);
    expect(owedBy.DUO).toBe(87_533);

    const page = await worker.openApp();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();
    await page.goto(`${worker.host.origin}/betalingsonmacht/${person.id}`);
    await page.getByRole('heading', { level: 1, name: /Beoordeling betalingsonmacht/ }).waitFor();
    await page.getByText('CAK-E2E-1').waitFor();
    // Income well above the BVV: the standard arrangement fits, over all three creditors at once.
    await page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').fill('3.500,00');
    await page.getByLabel('Standaardbetalingsregeling').check();
    await page.getByLabel('Motivering').fill('Eén regeling voor CJIB, CAK en DUO samen.');
    const schedule = page.getByRole('table', { name: 'Betaalschema' });
    await schedule.waitFor();
    expect(await schedule.locator('thead th').allTextContents()).toEqual([
      'Termijn',
      'Datum',
      'CJIB',
      'CAK',
      'DUO',
      'Bedrag',
    ]);
    const euros = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
    const footer = (await schedule.locator('tfoot td').allTextContents()).map(euros);
    expect(footer).toEqual([owedBy.CJIB, 41_250, 87_533, total]);
    for (const row of await schedule.locator('tbody tr').all()) {
      const cells = (await row.locator('td').allTextContents()).slice(2).map(euros);
      expect((cells[0] ?? 0) + (cells[1] ?? 0) + (cells[2] ?? 0)).toBe(cells[3]);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/betalingsregeling-rijk.png`);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Besluit vastgelegd' }).waitFor();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByText('Alles verzonden').waitFor();

    // The server ran the rules again on its own state: one arrangement over all three, running.
    const [stored] = await worker.central.db.query<{
      status: string;
      total: number;
      creditors: { creditor: string; owedCents: number }[];
    }>('SELECT status, total_cents::bigint AS total, creditors FROM arrangements WHERE person_id = $1', [person.id]);
    expect({ status: stored?.status, total: Number(stored?.total) }).toEqual({ status: 'lopend', total });
    // What each creditor was owed on the day, kept for the letter and the division of every instalment.
    expect(stored?.creditors).toEqual([
      { creditor: 'CJIB', owedCents: owedBy.CJIB },
      { creditor: 'CAK', owedCents: 41_250 },
      { creditor: 'DUO', owedCents: 87_533 },
    ]);
    const phases = await worker.central.db.query<{ reference: string; phase: string }>(
      `SELECT reference, phase FROM claims WHERE person_id = $1 AND reference LIKE '%-E2E-1' ORDER BY reference`,
      [person.id],
    );
    expect(phases).toEqual([
      { reference: 'CAK-E2E-1', phase: 'regeling' },
      { reference: 'DUO-E2E-1', phase: 'regeling' },
    ]);
    await page.close();
  });

  it('keeps an interrupted assessment as a draft, also after a reload', async () => {
    const [person] = await worker.central.db.query<{ id: string }>(
      `SELECT id FROM persons WHERE team_id = 'team-inning-leeuwarden'
         AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = persons.id) ORDER BY id DESC LIMIT 1`,
    );
    const page = await worker.openApp();
    await page.goto(`${worker.host.origin}/betalingsonmacht/${person?.id}`);
    await page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').fill('1.500,00');
    await page.getByLabel('Motivering').fill('Half ingevuld, wordt morgen afgemaakt.');
    await page.getByText('Concept bewaard').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Beoordeling betalingsonmacht/ }).waitFor();
    expect(await page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').inputValue()).toBe('1.500,00');
    expect(await page.getByLabel('Motivering').inputValue()).toBe('Half ingevuld, wordt morgen afgemaakt.');
    const saved = await worker.central.db.query('SELECT 1 FROM arrangements WHERE person_id = $1', [person?.id]);
    expect(saved).toEqual([]); // a draft is local and is not a decision
    await page.close();
  });
});
