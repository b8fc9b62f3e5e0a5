import { generateDemoData, type DemoOptions } from '../../shared/demo/generator';
import { hashPassword } from '../auth/passwords';
import type { SqlClient } from '../db/sql-client';
import { withStartupLock } from '../db/startup-lock';
import { materializeChangePayloads } from '../sync/change-feed';
import { generateDemoTasks } from '../../shared/demo/tasks';
import { generateDemoVictims } from '../../shared/demo/victims';
import type { Queryable } from '../db/sql-client';
import { currentDemoBvvSet, demoParameterSetReason } from '../../shared/demo/demo-parameter-sets';
import { everyoneTeam } from '../scope';
import { caseTeamIds, demoPassword, demoTeams, demoUsers, victimTeamId } from './demo-users';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';

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
  const data = generateDemoData(options);
  const hash = await hashPassword(demoPassword);
  const teamOfPerson = new Map(
    data.persons.map((p, i) => [p.id, caseTeamIds[i % caseTeamIds.length] ?? caseTeamIds[0]]),
  );

  // Under the startup lock: of several nodes starting on an empty store at once, one seeds.
  const seeded = await withStartupLock(db, async (tx) => {
    const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if ((existing[0]?.n ?? 0) > 0) return false;
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
        `INSERT INTO persons (id, team_id, bsn, display_name, birth_date, city, street_address, postcode, is_test_data, version)
         SELECT id, team_id, bsn, display_name, birth_date::date, city, street_address, postcode, true, nextval('change_version')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS t(id, team_id, bsn, display_name, birth_date, city, street_address, postcode)`,
        [
          batch.map((p) => p.id),
          batch.map((p) => teamOfPerson.get(p.id)),
          batch.map((p) => p.bsn),
          batch.map((p) => p.displayName),
          batch.map((p) => p.birthDate),
          batch.map((p) => p.city),
          batch.map((p) => p.streetAddress),
          batch.map((p) => p.postcode),
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
    for (let i = 0; i < data.events.length; i += batchSize) {
      const batch = data.events.slice(i, i + batchSize);
      await tx.query(
        `INSERT INTO claim_events (id, claim_id, team_id, kind, occurred_on, amount_cents, description, version)
         SELECT e.id, e.claim_id, c.team_id, e.kind, e.occurred_on::date, e.amount_cents, e.description, nextval('change_version')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
           AS e(id, claim_id, kind, occurred_on, amount_cents, description)
         JOIN claims c ON c.id = e.claim_id`,
        [
          batch.map((e) => e.id),
          batch.map((e) => e.claimId),
          batch.map((e) => e.kind),
          batch.map((e) => e.occurredOn),
          batch.map((e) => e.amountCents),
          batch.map((e) => e.description),
        ],
      );
    }
    await seedTasks(tx, data.claims, teamOfPerson);
    // A few persons whose collection stops or pauses: deceased (BRP) or under a breed moratorium.
    await tx.query(
      `UPDATE persons SET deceased_on = current_date - 40
       WHERE id IN (SELECT id FROM persons ORDER BY id LIMIT greatest(1, (SELECT count(*) FROM persons) / 100))`,
    );
    await tx.query(
      `UPDATE persons SET moratorium_until = current_date + 180
       WHERE id IN (SELECT id FROM persons ORDER BY id DESC LIMIT greatest(1, (SELECT count(*) FROM persons) / 50))`,
    );
    await seedEndedArrangements(tx);
    await seedVictims(
      tx,
      data.claims
        .filter((c) => c.kind === 'schadevergoedingsmaatregel' || c.kind === 'strafbeschikking')
        .map((c) => c.personId),
    );
    await seedParameterSets(tx);
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'person', id, team_id, version FROM persons`,
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'parameter_set', id, $1, version FROM parameter_sets`,
      [everyoneTeam],
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'claim', id, team_id, version FROM claims`,
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'claim_event', id, team_id, version FROM claim_events`,
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'task', id, team_id, version FROM tasks`,
    );
    await tx.query(
      `INSERT INTO changes (entity, entity_id, team_id, version)
       SELECT 'team_member', id, team_id, nextval('change_version') FROM users WHERE team_id = ANY($1)`,
      [[...caseTeamIds]],
    );
    return true;
  });
  if (!seeded) return { persons: 0, claims: 0 };
  // The feed's JSON of every seeded entity, as writers' first readers would leave it; then fresh
  // statistics and visibility map, so the feed's page and count queries walk the indexes.
  await materializeChangePayloads(db);
  await db.query('VACUUM ANALYZE');
  return { persons: data.persons.length, claims: data.claims.length };
}

/**
 * No official BVV norms for the current half-year are coded (docs/regels.md, Beslagvrije voet), so
 * without a newer set every assessment today would be flagged and sent to the team lead. The demo
 * has Henk Kok enter the newest coded norms
 * carried forward for the current half-year — marked as demo data, every value open — and Sanne
 * Bakker approve them, as a real pair of beheerders would with the real norms.
 */
async function seedParameterSets(tx: Queryable): Promise<void> {
  const { set } = currentDemoBvvSet(todayInAmsterdam());
  const { id, validFrom, ...values } = set;
  await tx.query(
    `INSERT INTO parameter_sets (id, domain, valid_from, body, reason, status, proposed_by, proposed_at, decided_by,
                                 decided_at, decision_note, version)
     VALUES ($1, 'bvv', $2, $3, $4, 'goedgekeurd', 'u-hkok', now() - interval '2 days', 'u-sbakker', now() - interval '1 day',
             $5, nextval('change_version'))`,
    [id, validFrom, JSON.stringify(values), demoParameterSetReason, 'Gecontroleerd: alleen voor de demo.'],
  );
}

/**
 * Earlier arrangements that ended, for about one person in thirty: most were not kept exactly, and
 * some ended within the last 12 months — so the 12-month rule refuses them a new standard arrangement.
 */
async function seedEndedArrangements(tx: Queryable): Promise<void> {
  const assessment = JSON.stringify({
    bvvCents: null,
    afloscapaciteitCents: 0,
    monthlyIncomeCents: 0,
    parameterSets: [],
    trace: [{ rule: 'demo.eerdere-regeling', text: 'Eerdere regeling (demogegevens).' }],
  });
  await tx.query(
    `INSERT INTO arrangements (id, person_id, team_id, kind, status, total_cents, motivation, decided_by, decided_at,
                               bvv_input, assessment, ended_on, honoured_exactly, version)
     SELECT 'eerder-' || p.id, p.id, p.team_id, 'standaard', 'beeindigd', 10000 + abs(hashtext(p.id)) % 90000,
            'Standaardregeling op verzoek (demogegevens).',
            CASE p.team_id WHEN 'team-inning-zwolle' THEN 'u-jbakker' ELSE 'u-sdevries' END,
            (current_date - 200 - abs(hashtext(p.id)) % 540)::timestamptz, '{}'::jsonb, $1::jsonb,
            current_date - abs(hashtext(p.id)) % 540, abs(hashtext(p.id || 'nagekomen')) % 4 = 0,
            nextval('change_version')
     FROM persons p WHERE abs(hashtext(p.id)) % 33 = 0`,
    [assessment],
  );
  await tx.query(
    `INSERT INTO changes (entity, entity_id, team_id, version)
     SELECT 'arrangement', id, team_id, version FROM arrangements WHERE status = 'beeindigd'`,
  );
}

/** Tasks for the claims, spread over the inning workers of the claim's team (some unassigned). */
async function seedTasks(
  tx: Queryable,
  claims: Parameters<typeof generateDemoTasks>[0],
  teamOfPerson: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  const today = todayInAmsterdam();
  const workers = new Map<string, string[]>();
  for (const user of demoUsers) {
    if (user.role !== 'medewerker_inning') continue;
    workers.set(user.teamId, [...(workers.get(user.teamId) ?? []), user.id]);
  }
  const tasks = generateDemoTasks(claims, today);
  for (let i = 0; i < tasks.length; i += batchSize) {
    const batch = tasks.slice(i, i + batchSize);
    const teams = batch.map((t) => teamOfPerson.get(t.personId) ?? caseTeamIds[0]);
    await tx.query(
      `INSERT INTO tasks (id, team_id, person_id, claim_id, kind, priority, status, assignee_id, created_on, due_date,
                          completed_on, completed_by, version)
       SELECT id, team_id, person_id, claim_id, kind, priority, status, assignee_id, created_on::date, due_date::date,
              completed_on::date, CASE WHEN completed_on IS NULL THEN NULL ELSE assignee_id END, nextval('change_version')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[])
         AS t(id, team_id, person_id, claim_id, kind, priority, status, assignee_id, created_on, due_date, completed_on)`,
      [
        batch.map((t) => t.id),
        teams,
        batch.map((t) => t.personId),
        batch.map((t) => t.claimId),
        batch.map((t) => t.kind),
        batch.map((t) => t.priority),
        batch.map((t) => t.status),
        batch.map((t, j) => {
          const team = workers.get(teams[j] ?? '') ?? [];
          return t.assigneeSlot === null || team.length === 0 ? null : team[t.assigneeSlot % team.length];
        }),
        batch.map((t) => t.createdOn),
        batch.map((t) => t.dueDate),
        batch.map((t) => t.completedOn),
      ],
    );
  }
}

/** Victims of some offenders, in their own compartment and team; dates around today. */
async function seedVictims(tx: Queryable, offenderIds: readonly string[]): Promise<void> {
  const offenders = [...new Set(offenderIds)].slice(0, 60);
  const today = todayInAmsterdam();
  const { victims, events } = generateDemoVictims(offenders, today);
  for (const v of victims) {
    await tx.query(
      `INSERT INTO victims (id, team_id, offender_person_id, display_name, is_natural_person, opted_in, preferred_channel,
                            offence_category, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, nextval('change_version'))`,
      [
        v.id,
        victimTeamId,
        v.offenderPersonId,
        v.displayName,
        v.isNaturalPerson,
        v.optedIn,
        v.preferredChannel,
        v.offenceCategory,
      ],
    );
    await tx.query(
      `INSERT INTO victim_contacts (victim_id, street, house_number, postal_code, city, phone, email, domicilie_address)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        v.id,
        v.contact.street,
        v.contact.houseNumber,
        v.contact.postalCode,
        v.contact.city,
        v.contact.phone,
        v.contact.email,
        v.contact.domicilieAddress,
      ],
    );
  }
  for (const e of events) {
    await tx.query(
      `INSERT INTO detention_events (id, offender_person_id, kind, event_date, reported_on, version)
       VALUES ($1, $2, $3, $4, $5, nextval('change_version'))`,
      [e.id, e.offenderPersonId, e.kind, e.eventDate, e.reportedOn],
    );
  }
  await tx.query(
    `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'victim', id, team_id, version FROM victims`,
  );
  await tx.query(
    `INSERT INTO changes (entity, entity_id, team_id, version) SELECT 'detention_event', id, $1, version FROM detention_events`,
    [victimTeamId],
  );
  // The schadevergoedingsmaatregel of each offender's first victim: what was ordered and collected
  // follows the claim; judgments final between about 4 and 14 months ago, so some voorschotten are due.
  await tx.query(
    `INSERT INTO victim_compensations (id, victim_id, team_id, claim_id, judgment_final_on, ordered_cents, collected_cents,
                                       paid_out_cents, schadefonds_cents, version)
     SELECT DISTINCT ON (v.offender_person_id)
            'svm-' || v.id, v.id, v.team_id, c.id, c.due_date - 30 - (abs(hashtext(v.id)) % 300),
            c.original_cents, greatest(0, c.original_cents - c.outstanding_cents), greatest(0, c.original_cents - c.outstanding_cents),
            CASE WHEN v.offence_category IN ('geweld', 'zeden') AND abs(hashtext(v.id)) % 3 = 0
                 THEN least(c.outstanding_cents / 4, 150000) ELSE 0 END,
            nextval('change_version')
     FROM victims v JOIN claims c ON c.person_id = v.offender_person_id AND c.kind = 'schadevergoedingsmaatregel'
     ORDER BY v.offender_person_id, v.id, c.id`,
  );
  await tx.query(
    `INSERT INTO changes (entity, entity_id, team_id, version)
     SELECT 'victim_compensation', id, team_id, version FROM victim_compensations`,
  );
}
