import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText, plainSpaces } from '../../../tests/support/pdf-text';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { testVictim } from '../../../tests/support/victim-fixture';
import type { VictimContact } from '../../shared/api/victims';
import { formatCents } from '../../shared/format';
import type { SessionUser } from '../../shared/ipc/contract';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { aanmaningLetter, victimLetter } from './letters-service';

const temp = makeTempDir();
const db = new Database(join(temp.dir, 'letters.sqlite'));
migrate(db, loadMigrations(localMigrationsDir));
afterAll(() => {
  db.close();
  temp.cleanup();
});

new PersonsRepository(db).upsertMany([
  {
    id: 'p1',
    bsn: '999999990',
    displayName: 'Jan Jansen',
    birthDate: '1980-01-01',
    city: 'Zwolle',
    streetAddress: 'Stationsweg 4',
    postcode: '8011 CZ',
    version: 1,
  },
]);
new ClaimsRepository(db).upsertMany([
  {
    id: 'c1',
    personId: 'p1',
    kind: 'wahv',
    phase: 'tweede_aanmaning',
    reference: '1234567890123456',
    originalCents: 30000,
    outstandingCents: 90000,
    administratiekostenCents: 900,
    dueDate: '2026-06-01',
    version: 1,
  },
]);
new ClaimEventsRepository(db).upsertMany([
  {
    id: 'e0',
    claimId: 'c1',
    kind: 'beschikking',
    occurredOn: '2026-04-06',
    amountCents: 0,
    description: '',
    version: 1,
  },
  {
    id: 'e1',
    claimId: 'c1',
    kind: 'eerste_aanmaning',
    occurredOn: '2026-06-15',
    amountCents: 15000,
    description: '',
    version: 1,
  },
  {
    id: 'e2',
    claimId: 'c1',
    kind: 'tweede_aanmaning',
    occurredOn: '2026-07-20',
    amountCents: 45000,
    description: '',
    version: 1,
  },
]);

describe('letters from templates', () => {
  it('rebuilds each aanmaning with the amounts owed when it went out (Wahv: € 300 → € 450 → € 900)', async () => {
    // Lines run together: where a paragraph wraps depends on the typeface, not on the rules.
    const first = (await pdfText(Buffer.from((await aanmaningLetter(db, 'e1')).pdfBase64, 'base64'))).replaceAll(
      '\n',
      ' ',
    );
    expect(first).toContain('Onderwerp: Eerste aanmaning');
    expect(first).toContain('Jan Jansen');
    expect(first).toContain(plainSpaces(`verhoogd met ${formatCents(15000)}`));
    expect(first).toContain(plainSpaces(`U moet nu ${formatCents(45000)} betalen.`));
    const second = await aanmaningLetter(db, 'e2');
    expect(second.text).toContain(
      `opnieuw verhoogd, met ${formatCents(45000)}. U moet nu ${formatCents(90000)} betalen.`,
    );
    expect(second.fileName).toBe('tweede-aanmaning-1234567890123456.pdf');
    await expect(aanmaningLetter(db, 'e0')).rejects.toThrow(/Deze aanmaning staat niet/);
  });

  it('sends a victim’s letter to the domicilie address when there is one, reading it once with a reason', async () => {
    const victims = new VictimsRepository(db);
    victims.upsertVictims([testVictim()]);
    victims.upsertEvents([
      {
        id: 'ev1',
        offenderPersonId: 'p1',
        kind: 'langdurend_reintegratieverlof',
        eventDate: '2026-12-14',
        reportedOn: '2026-11-29',
        version: 1,
      },
    ]);
    const contact: VictimContact = {
      victimId: 'v1',
      street: 'Lindelaan',
      houseNumber: '12-SLO1234',
      postalCode: '8011 AB',
      city: 'Zwolle',
      phone: null,
      email: null,
      domicilieAddress: 'Postbus 123, Zwolle',
      mailTo: 'Postbus 123, Zwolle',
    };
    const reads: string[] = [];
    const worker: SessionUser = { id: 'u', displayName: 'F', role: 'medewerker_slachtofferinformatie', teamName: 'S' };
    const letter = await victimLetter(
      db,
      worker,
      (victimId, reason) => {
        reads.push(`${victimId}: ${reason}`);
        return Promise.resolve(contact);
      },
      { victimId: 'v1', eventId: 'ev1' },
      '2026-11-29',
    );
    const text = await pdfText(Buffer.from(letter.pdfBase64, 'base64'));
    expect(text).toContain('Postbus 123');
    expect(text).not.toContain('Lindelaan');
    expect(text).toContain('Beste Els de Boer,');
    expect(letter.text).toContain('langdurend re-integratieverlof krijgt. Dit begint op 14-12-2026.');
    expect(letter.text).not.toContain('Postbus'); // what is recorded as told carries no address
    expect(reads).toEqual(['v1: Brief aan slachtoffer: langdurend re-integratieverlof']);
    const inning: SessionUser = { ...worker, role: 'medewerker_inning' };
    await expect(
      victimLetter(db, inning, () => Promise.resolve(contact), { victimId: 'v1', eventId: 'ev1' }, '2026-11-29'),
    ).rejects.toThrow(/^Alleen medewerkers slachtofferinformatie werken met gegevens van slachtoffers\./);
  });
});
