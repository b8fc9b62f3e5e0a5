import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationDeadline } from '../../src/shared/domain/slachtoffer';
import { formatCents, formatDate } from '../../src/shared/format';
import {
  axeViolations,
  screenshotWhole,
  signInOnPage,
  startAppUnderTest,
  syncNow,
  type AppUnderTest,
} from './support/app-under-test';

const screenshotDir = '.test-results/screenshots';
let app: AppUnderTest;

beforeAll(async () => {
  app = await startAppUnderTest();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(async () => app?.close());

/** A page of the app signed in as `username`, signing out whoever was signed in on this desktop. */
async function signInAs(username: string) {
  const page = await app.openPage();
  await signInOnPage(page, username);
  return page;
}

describe('slachtofferinformatie end to end', () => {
  it('a verlof event arrives, the task shows its deadline, the worker reads the contact with a reason and records the notification', async () => {
    const db = app.central.db;
    const [victim] = await db.query<{ id: string; display_name: string; offender_person_id: string }>(
      `SELECT id, display_name, offender_person_id FROM victims WHERE opted_in AND wants_information ORDER BY id LIMIT 1`,
    );
    if (!victim) throw new Error('no demo victim');
    const today = new Date().toISOString().slice(0, 10);
    // Beyond the seeded events (at most 30 days ahead), so this one is the only event on its date.
    const eventDate = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    const eventId = randomUUID();
    // The prison reports a long re-integration leave for the offender.
    await db.query(
      `INSERT INTO detention_events (id, offender_person_id, kind, event_date, reported_on, version)
       VALUES ($1, $2, 'langdurend_reintegratieverlof', $3, $4, nextval('change_version'))`,
      [eventId, victim.offender_person_id, eventDate, today],
    );
    await db.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'detention_event', id, 'team-slachtofferinformatie', version FROM detention_events WHERE id = $1`,
      [eventId],
    );
    const expected = notificationDeadline({
      kind: 'langdurend_reintegratieverlof',
      eventDate,
      reportedOn: today,
    }).deadline;

    const page = await app.openPage();
    await page.getByLabel('Gebruikersnaam').fill('famrani');
    await page.getByLabel('Wachtwoord').fill('Welkom-CJIB-2026');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('link', { name: 'Slachtofferinformatie' }).click();
    const row = page
      .getByRole('row')
      .filter({ hasText: victim.display_name })
      .filter({ hasText: formatDate(eventDate) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(formatDate(expected));
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/slachtoffers-taken.png`);

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Slachtoffer: ${victim.display_name}` }).waitFor();
    // Contact data stays hidden without a reason.
    await page.getByRole('button', { name: 'Contactgegevens tonen' }).click();
    await page.getByText('Geef een reden om de contactgegevens in te zien.').waitFor();
    await page.getByLabel('Reden van inzage').fill('Bericht over verlof versturen');
    await page.getByRole('button', { name: 'Contactgegevens tonen' }).click();
    await page.getByText('Post naar').waitFor();
    const audit = await db.query<{ actor_id: string; reason: string }>(
      `SELECT actor_id, reason FROM audit_log WHERE entity = 'victim_contact' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [victim.id],
    );
    expect(audit[0]).toEqual({ actor_id: 'u-famrani', reason: 'Bericht over verlof versturen' });

    const item = page.getByRole('listitem').filter({ hasText: formatDate(eventDate) });
    // A letter from the template: the PDF downloads and its text becomes what the victim was told.
    await item.getByLabel('Kanaal').selectOption('brief');
    const download = page.waitForEvent('download');
    await item.getByRole('button', { name: 'Brief maken (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^brief-slachtoffer-[0-9A-F]{8}-\d{4}-\d{2}-\d{2}\.pdf$/);
    await expect
      .poll(() => item.getByLabel('Wat is het slachtoffer verteld').inputValue())
      .toContain(`Beste ${victim.display_name},`);
    const letterAudit = await db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE entity = 'victim_contact' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [victim.id],
    );
    expect(letterAudit[0]?.reason).toBe('Brief aan slachtoffer: langdurend re-integratieverlof');
    await screenshotWhole(page, `${screenshotDir}/slachtoffer-brief.png`);
    await item
      .getByLabel('Wat is het slachtoffer verteld')
      .fill('Slachtoffer gebeld over het verlof; wil een contactverbod.');
    await item.getByRole('button', { name: 'Vastleggen' }).click();
    // Saved: the form gives way to the recorded notification once the screen reloads its data.
    await item.getByText(/Geïnformeerd op/).waitFor();
    // The victim's protection wishes, with the warning that a zone can give away where they live.
    await item.getByText('Wensenformulier').click();
    await item.getByLabel('Gebiedsverbod gewenst').check();
    await item.getByText(/een gebiedsverbod kan verraden waar het slachtoffer woont/).waitFor();
    await item.getByLabel('Beschrijving van de zone(s)').fill('Binnenstad en winkelcentrum');
    await item.getByRole('button', { name: 'Wensen vastleggen en doorsturen aan het OM' }).click();
    await item.getByText(/doorgestuurd aan het OM/).waitFor();
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/slachtoffer.png`);
    await page.getByRole('button', { name: 'Verbergen' }).click();
    await page.getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect
      .poll(
        async () =>
          (
            await db.query<{ late: boolean }>(
              'SELECT late FROM victim_notifications WHERE victim_id = $1 AND event_id = $2',
              [victim.id, eventId],
            )
          ).length,
      )
      .toBe(1);
    const auditCreate = await db.query(
      `SELECT 1 FROM audit_log WHERE entity = 'victim_notification' AND actor_id = 'u-famrani'`,
    );
    expect(auditCreate.length).toBeGreaterThan(0);
  });

  it('proposes the voorschot on an unpaid maatregel, and the victim team lead approves it by keyboard', async () => {
    const db = app.central.db;
    const [row] = await db.query<{ id: string; victim_id: string; display_name: string }>(
      `SELECT c.id, c.victim_id, v.display_name FROM victim_compensations c JOIN victims v ON v.id = c.victim_id
       WHERE v.is_natural_person AND v.offence_category = 'geweld' ORDER BY c.id LIMIT 1`,
    );
    if (!row) throw new Error('no compensation');
    // Judgment final 10 months ago, € 7.500 ordered, € 500 collected: € 7.000 due, no cap for violence.
    await db.query(
      `UPDATE victim_compensations SET judgment_final_on = current_date - 300, ordered_cents = 750000, collected_cents = 50000,
         paid_out_cents = 50000, schadefonds_cents = 0, version = nextval('change_version') WHERE id = $1`,
      [row.id],
    );
    await db.query(
      `UPDATE changes SET version = (SELECT version FROM victim_compensations WHERE id = $1)
       WHERE entity = 'victim_compensation' AND entity_id = $1`,
      [row.id],
    );
    const page = await signInAs('famrani');
    await page.getByRole('heading', { level: 1, name: 'Slachtofferinformatie' }).waitFor();
    await syncNow(page);
    await page.goto(`${app.host.origin}/slachtofferinformatie/${row.victim_id}`);
    const propose = page.getByRole('button', { name: `Voorschot van ${formatCents(700000)} voorstellen` });
    await propose.click();
    await page.getByRole('status').filter({ hasText: 'Voorgesteld ter goedkeuring' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/slachtoffer-voorschot.png`);
    await syncNow(page);
    await page.close();

    // Same desktop, another person: the cache is emptied for the new user before their sync.
    const lead = await signInAs('wdekker');
    await lead.getByText('Wendy Dekker').waitFor();
    await lead.getByRole('link', { name: 'Teamoverzicht' }).click();
    const card = lead.getByRole('article', { name: `Voorschot voor ${row.display_name}` });
    await card.waitFor();
    await screenshotWhole(lead, `${screenshotDir}/teamoverzicht-voorschot.png`);
    await card.focus();
    // One key never approves: g asks, Escape takes it back with nothing sent, Enter confirms.
    await lead.keyboard.press('g');
    const confirm = card.getByRole('group', { name: /goedkeuren\? Dit besluit gaat daarna in/ });
    await confirm.waitFor();
    expect(await axeViolations(lead)).toEqual([]);
    await screenshotWhole(lead, `${screenshotDir}/teamoverzicht-bevestigen.png`);
    await lead.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect(card.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    expect(await card.count()).toBe(1); // still waiting: nothing was decided
    await lead.keyboard.press('g');
    await lead.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    await lead
      .getByRole('status')
      .filter({ hasText: `Goedgekeurd: Voorschot voor ${row.display_name}.` })
      .waitFor();
    await syncNow(lead);
    const [paid] = await db.query<{ paid_out_cents: number }>(
      'SELECT paid_out_cents::int AS paid_out_cents FROM victim_compensations WHERE id = $1',
      [row.id],
    );
    expect(paid?.paid_out_cents).toBe(750000);
    await lead.close();
  });

  it('a functional administrator finds the contact read, with who and why, in the audit log', async () => {
    const page = await signInAs('hkok');
    await page.getByRole('link', { name: 'Auditlog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByLabel('Gegevens').selectOption('victim_contact');
    const row = page.getByRole('row', { name: /Bericht over verlof versturen/ }).first();
    await row.waitFor();
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('Fatima Amrani');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Ingezien');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWhole(page, `${screenshotDir}/auditlog.png`);
    // A log longer than a page (50 rows): older entries, then back to the newest.
    await app.central.db.query(
      `INSERT INTO audit_log (actor_id, action, entity, reason)
       SELECT 'u-sdevries', 'read', 'change_feed', 'synchronisatie werkvoorraad' FROM generate_series(1, 60)`,
    );
    await page.getByLabel('Gegevens').selectOption('change_feed');
    const newest = page.getByRole('button', { name: 'Nieuwste' });
    await expect(newest.isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Oudere regels' }).click();
    await expect.poll(() => newest.isEnabled()).toBe(true);
    await expect(page.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await newest.click();
    await expect.poll(() => newest.isDisabled()).toBe(true);
    // The administrator's own look is in the log as well.
    const looks = await app.central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'u-hkok' AND entity = 'audit_log'`,
    );
    expect(looks[0]?.n).toBeGreaterThan(0);
    await page.close();
  });
});
