import { generateDemoData, type DemoOptions } from '../../shared/demo/generator';
import { hashPassword } from '../auth/passwords';
import type { SqlClient } from '../db/sql-client';
import { caseTeamIds, demoPassword, demoTeams, demoUsers } from './demo-users';

const batchSize = 5000;

/**
 * Seeds an empty central store with demo teams, users, persons and claims (deterministic for a
 * seed). Does nothing when users already exist. Rows go in as batches through unnest(), which is
 * fast on both PGlite and PostgreSQL.
 */
export async function seedCentralDemo(
  db: SqlClient,
  options: DemoOptions,
): Promise<{ persons: number; claims: number }> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((existing[0]?.n ?? 0) > 0) return { persons: 0, claims: 0 };

  const data = generateDemoData(options);
  const hash = await hashPassword(demoPassword);
  const teamOfPerson = new Map(
    data.persons.map((p, i) => [p.id, caseTeamIds[i % caseTeamIds.length] ?? caseTeamIds[0]]),
  );

  await db.transaction(async (tx) => {
    for (const team of demoTeams) await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [team.id, team.name]);
    for (const user of demoUsers) {
      await tx.query(
        'INSERT INTO users (id, username, display_name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [user.id, user.username, user.displayName, user.role, user.teamId, hash],
      );
    }
    for (let i = 0; i < data.persons.length; i += batchSize) {
      const batch = data.persons.slice(i, i + batchSize);
      await tx.query(
        `INSERT INTO persons (id, team_id, bsn, display_name, birth_date, city, is_test_data, version)
         SELECT id, team_id, bsn, display_name, birth_date::date, city, true, nextval('change_version')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS t(id, team_id, bsn, display_name, birth_date, city)`,
        [
          batch.map((p) => p.id),
          batch.map((p) => teamOfPerson.get(p.id)),
          batch.map((p) => p.bsn),
          batch.map((p) => p.displayName),
          batch.map((p) => p.birthDate),
          batch.map((p) => p.city),
        ],
      );
    }
    for (let i = 0; i < data.claims.length; i += batchSize) {
      const batch = data.claims.slice(i, i + batchSize);
      await tx.query(
        `INSERT INTO claims (id, person_id, team_id, kind, phase, reference, original_cents, outstanding_cents,
                             administratiekosten_cents, due_date, version)
         SELECT id, person_id, team_id, kind, phase, reference, original_cents, outstanding_cents, administratiekosten_cents,
                due_date::date, nextval('change_version')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                     $9::text[], $10::bigint[])
           AS t(id, person_id, team_id, kind, phase, reference, original_cents, outstanding_cents, due_date, administratiekosten_cents)`,
        [
          batch.map((c) => c.id),
          batch.map((c) => c.personId),
          batch.map((c) => teamOfPerson.get(c.personId)),
          batch.map((c) => c.kind),
          batch.map((c) => c.phase),
          batch.map((c) => c.reference),
          batch.map((c) => c.originalCents),
          batch.map((c) => c.outstandingCents),
          batch.map((c) => c.dueDate),
          batch.map((c) => c.administratiekostenCents),
        ],
      );
    }
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'person', id, team_id, version FROM persons`,
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'claim', id, team_id, version FROM claims`,
    );
  });
  return { persons: data.persons.length, claims: data.claims.length };
}
