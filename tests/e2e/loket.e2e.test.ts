import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeSource } from '../../src/central/intake/intake-service';
import { loketResult, type LoketRequestInput } from '../../src/shared/api/loket';
import {
  axeViolations,
  screenshotWhole,
  startAppUnderTest,
  syncNow,
  type AppUnderTest,
} from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let worker: AppUnderTest;
let loketKey: string;

beforeAll(async () => {
  worker = await startAppUnderTest();
  loketKey = await createIntakeSource(worker.central.db, 'digitaal-loket', 'Digitaal Loket', [], {
    submitsRequests: true,
  });
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => worker?.close());

/** Demo persons of the worker's team a standard arrangement is open to: CJIB claims only, nothing running. */
async function eligiblePersons(): Promise<{ id: string; bsn: string; display_name: string }[]> {
  return worker.central.db.query(
    `SELECT p.id, p.bsn, p.display_name FROM persons p JOIN claims c ON c.person_id = p.id
     WHERE p.team_id = 'team-inning-leeuwarden' AND c.phase NOT IN ('betaald', 'gestopt')
       AND NOT EXISTS (SELECT 1 FROM claims d WHERE d.person_id = p.id
                       AND (d.kind NOT IN ('wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel')
                            OR d.phase IN ('deurwaarder', 'dwangmiddel', 'regeling')))
       AND NOT EXISTS (SELECT 1 FROM arrangements a WHERE a.person_id = p.id)
     GROUP BY p.id HAVING sum(c.outstanding_cents) >= 20000 ORDER BY p.id LIMIT 2`,
  );
}

async function submit(body: LoketRequestInput) {
  const response = await fetch(`${worker.central.url}/api/v1/loket/betalingsregeling`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${loketKey}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return loketResult.parse(await response.json());
}

const declared = {
  livingSituation: 'alleenstaande_ouder',
  ageGroup: '21_tot_pgl',
  incomeGroup: 'volledige_toeslagen',
  netIncomeMonthlyCents: 168_250,
  otherIncomeMonthlyCents: 0,
  holidayAllowance: { paid: 'maandelijks', amountCents: 0 },
  residentOfNetherlands: true,
} as const;

describe('Digitaal Loket end to end', () => {
  it('a standard request is granted by the system at once; a tailored one reaches the worker with the form filled in and the documents to open', async () => {
    const [granted, tailored] = await eligiblePersons();
    if (!granted || !tailored) throw new Error('not enough demo persons for the Loket');

    const automatic = await submit({
      requestId: randomUUID(),
      submittedAt: new Date().toISOString(),
      bsn: granted.bsn,
      kind: 'standaard',
      declared,
    });
    expect(automatic.outcome).toBe('automatisch_toegekend');

    // A photo of a payslip, made as a real JPEG by the browser, and a PDF of the rent contract.
    const page = await worker.openApp();
    const jpegBase64 = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 200;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 320, 200);
      context.fillStyle = '#154273';
      context.font = '20px sans-serif';
      context.fillText('Loonstrook november', 20, 50);
      context.fillText('Netto: 1.682,50', 20, 100);
      return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
    });
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('Huurovereenkomst');
    const pdfBase64 = Buffer.from(await pdf.save()).toString('base64');
    const request = await submit({
      requestId: randomUUID(),
      submittedAt: new Date().toISOString(),
      bsn: tailored.bsn,
      kind: 'maatwerk',
      declared,
      explanation: 'Sinds de scheiding zorg ik alleen voor twee kinderen; de standaardtermijn lukt niet.',
      documents: [
        { fileName: 'loonstrook november.jpg', mediaType: 'image/jpeg', contentBase64: jpegBase64 },
        { fileName: 'huurcontract.pdf', mediaType: 'application/pdf', contentBase64: pdfBase64 },
      ],
    });
    expect(request.outcome).toBe('in_behandeling');

    await syncNow(page);
    // The system's decision, in the person's case as any other.
    await page.goto(`${worker.host.origin}/betalingsonmacht/${granted.id}`);
    await page.getByText(/Systeem \(Digitaal Loket\)/).waitFor();
    expect(await page.getByRole('heading', { name: 'Aanvraag via het Digitaal Loket' }).count()).toBe(0);

    // Later the person calls: no income for a month. The pauzeknop moves the rest of the plan.
    await page.getByRole('button', { name: 'Aflossingspauze (pauzeknop)' }).click();
    await page.getByLabel('Duur').selectOption('2');
    await page.getByLabel('Reden (wat de persoon vertelde)').fill('Baan kwijt, uitkering nog niet rond.');
    await page.getByText(/De termijnen vanaf deze schuiven 2 maand\(en\) op/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/pauzeknop.png`);
    await page.getByRole('button', { name: 'Pauze vastleggen' }).click();
    await page.getByText(/Aflossingspauze van 2 maand\(en\) vanaf/).waitFor();
    await syncNow(page);
    await expect
      .poll(async () =>
        (
          await worker.central.db.query<{ months: number }>(
            'SELECT months FROM arrangement_pauses WHERE arrangement_id = $1',
            [automatic.arrangement?.id],
          )
        ).map((p) => p.months),
      )
      .toEqual([2]);

    // The tailored request: its task in the team's queue, the form filled with the declaration.
    await page.goto(`${worker.host.origin}/betalingsonmacht/${tailored.id}`);
    await page.getByRole('heading', { name: 'Aanvraag via het Digitaal Loket' }).waitFor();
    await page.getByText(/Sinds de scheiding zorg ik alleen/).waitFor();
    await expect(page.getByLabel('Netto inkomen per maand (zonder vakantiegeld)').inputValue()).resolves.toBe(
      '1.682,50',
    );
    await expect(page.getByLabel('Leefsituatie').inputValue()).resolves.toBe('alleenstaande_ouder');

    await page.getByRole('button', { name: 'Open loonstrook november.jpg' }).click();
    const picture = page.getByRole('img', { name: /loonstrook november\.jpg/ });
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Open huurcontract.pdf' }).click();
    expect((await download).suggestedFilename()).toBe('huurcontract.pdf');
    expect(
      await worker.central.db.query(`SELECT 1 FROM audit_log WHERE entity = 'loket_document' AND entity_id LIKE $1`, [
        `${request.requestId}/%`,
      ]),
    ).toHaveLength(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/loket-aanvraag.png`);

    // The person page lists the person's Loket requests with what became of them.
    await page.goto(`${worker.host.origin}/personen/${tailored.id}`);
    const requests = page.getByRole('table').filter({ hasText: 'Ingediend' });
    await requests.waitFor();
    expect(await requests.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/Regeling op maat\s+Naar een medewerker[\s\S]*\s2$/),
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/persoon-loket.png`);
    await page.goto(`${worker.host.origin}/personen/${granted.id}`);
    await page.getByRole('cell', { name: 'Automatisch toegekend' }).waitFor();
    await page.close();
  });
});
