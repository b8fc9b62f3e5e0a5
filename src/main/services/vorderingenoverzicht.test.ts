import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, plainSpaces } from '../../../tests/support/pdf-text';
import { localMigrationsDir, makeTempDir } from '../../../tests/support/temp-dir';
import { formatCents } from '../../shared/format';
import type { SessionUser } from '../../shared/ipc/contract';
import { Database } from '../db/connection';
import { loadMigrations, migrate } from '../db/migrations';
import { sql } from '../db/sql';
import { recordDecision } from './betalingsonmacht-service';
import { seedDemoCacheIfEmpty, seedDemoParameterSets } from './demo-seed-service';
import { ParameterSetsRepository } from '../db/repositories/parameter-sets-repository';
import { installApprovedParameterSets } from '../../shared/domain/parameters/registry';
import { tailoredRequest } from '../../../tests/support/betalingsonmacht-request';
import { vorderingenoverzicht } from './vorderingenoverzicht';

const temp = makeTempDir();
let db: Database;
const worker: SessionUser = { id: 'demo-inning-1', displayName: 'Sanne', role: 'medewerker_inning', teamName: 'T' };
const today = '2026-12-04';

beforeAll(() => {
  db = new Database(join(temp.dir, 'overzicht.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  seedDemoCacheIfEmpty(db, { seed: 7, persons: 120, claims: 600 }, undefined, '2026-11-29');
  // The norms of this half-year, as the backend installs them at start.
  seedDemoParameterSets(db, today);
  installApprovedParameterSets(new ParameterSetsRepository(db).approved());
});
afterAll(() => {
  installApprovedParameterSets([]);
  db.close();
  temp.cleanup();
});

const text = async (personId: string) =>
  plainSpaces(
    await pdfText(Buffer.from((await vorderingenoverzicht(db, worker, personId, today)).pdfBase64, 'base64')),
  );

describe('vorderingenoverzicht', () => {
  it('lists every open claim at every creditor with what is left, the total, and who does not take part yet', async () => {
    const [person] = db.all<{ person_id: string }>(sql`
      SELECT person_id FROM claims GROUP BY person_id
      HAVING sum(kind IN ('uwv', 'rvo') AND outstanding_cents > 0) > 0 AND sum(kind = 'wahv' AND outstanding_cents > 0) > 0
      ORDER BY person_id LIMIT 1`);
    if (!person) throw new Error('no demo person with claims at UWV or RVO');
    const claims = db.all<{ reference: string; kind: string; outstanding_cents: number }>(
      sql`SELECT reference, kind, outstanding_cents FROM claims WHERE person_id = ${person.person_id} AND outstanding_cents > 0
          AND phase NOT IN ('betaald', 'gestopt')`,
    );
    const overview = await text(person.person_id);
    for (const claim of claims) {
      const creditor = ['cak', 'duo', 'uwv', 'rvo'].includes(claim.kind) ? claim.kind.toUpperCase() : 'CJIB';
      expect(overview).toContain(`${creditor} ${claim.reference}`);
      expect(overview).toContain(plainSpaces(formatCents(claim.outstanding_cents)));
    }
    // What is paid or no longer collected is not listed as still to pay.
    const done = db.all<{ reference: string }>(
      sql`SELECT reference FROM claims WHERE person_id = ${person.person_id} AND phase IN ('betaald', 'gestopt')`,
    );
    for (const claim of done) expect(overview).not.toContain(claim.reference);
    const total = claims.reduce((sum, c) => sum + c.outstanding_cents, 0);
    expect(overview).toMatch(new RegExp(`Totaal\\s+${plainSpaces(formatCents(total)).replace('.', '\\.')}`));
    expect(overview.replace(/\s+/g, ' ')).toMatch(
      /(UWV|RVO|UWV en RVO) doe[nt] nog niet mee aan de Betalingsregeling Rijk/,
    );
    expect(overview).toContain('Wat gebeurt er hierna?');
  });

  it('names a running arrangement and whether it is kept to', async () => {
    const [person] = db.all<{ person_id: string }>(sql`
      SELECT person_id FROM claims GROUP BY person_id
      HAVING sum(phase IN ('deurwaarder', 'dwangmiddel')) = 0 AND sum(outstanding_cents) > 20000
      ORDER BY person_id LIMIT 1`);
    if (!person) throw new Error('no demo person open to a standard arrangement');
    const arrangement = recordDecision(db, worker, tailoredRequest(person.person_id, 100_000, { kind: 'standaard' }));
    expect(arrangement.status).toBe('lopend');
    // Paragraphs wrap: compare the running text.
    const overview = (await text(person.person_id)).replace(/\s+/g, ' ');
    expect(overview).toContain(
      `U heeft een betalingsregeling voor ${plainSpaces(formatCents(arrangement.totalCents))}`,
    );
    expect(overview).toMatch(/U betaalt op tijd\.|U loopt € [\d.]+,\d{2} achter met de termijnen\./);
  });

  it('is for the roles that work with claims only', async () => {
    const [person] = db.all<{ id: string }>(sql`SELECT id FROM persons LIMIT 1`);
    await expect(
      vorderingenoverzicht(db, { ...worker, role: 'medewerker_slachtofferinformatie' }, person?.id ?? '', today),
    ).rejects.toThrow(/^Alleen medewerkers inning en teamleiders werken aan vorderingen\./);
  });
});
