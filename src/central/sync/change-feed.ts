import type { Change } from '../../shared/api/entities';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { caseTeams, victimTeams } from '../scope';

/** Writers call this inside their transaction (after taking the write lock) to bump the feed. */
/**
 * The changes each open transaction has recorded, so that its writer can build their feed JSON
 * before it commits (`storeRecordedPayloads`). Keyed by the transaction's handle: a change recorded
 * through any other handle is simply built by its first reader instead.
 */
const recordedByTransaction = new WeakMap<Queryable, RecordedChange[]>();

interface RecordedChange {
  entity: Change['entity'];
  entity_id: string;
  version: number;
  team_id: string;
}

export async function recordChange(
  tx: Queryable,
  entity: Change['entity'],
  entityId: string,
  teamId: string,
): Promise<number> {
  const rows = await tx.query<{ v: number }>(`SELECT nextval('change_version')::bigint AS v`);
  const version = Number(rows[0]?.v);
  await tx.query(
    `INSERT INTO changes (entity, entity_id, team_id, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, team_id = excluded.team_id`,
    [entity, entityId, teamId, version],
  );
  const recorded = recordedByTransaction.get(tx) ?? [];
  recorded.push({ entity, entity_id: entityId, version, team_id: teamId });
  recordedByTransaction.set(tx, recorded);
  return version;
}

/**
 * Builds and stores the feed JSON of the changes this transaction recorded, once its writes are
 * done: reading the feed then only reads, and the first reader after a decision does not pay for
 * building it (nor take row locks a writer may be waiting for).
 */
export async function storeRecordedPayloads(tx: Queryable): Promise<void> {
  const recorded = recordedByTransaction.get(tx) ?? [];
  recordedByTransaction.delete(tx);
  if (recorded.length === 0) return;
  const versions = recorded.map((r) => r.version);
  const teams = [...new Set(recorded.map((r) => r.team_id))];
  const built = await loadEntities(tx, recorded, teams, Math.min(...versions) - 1, Math.max(...versions));
  await storePayloads(
    tx,
    recorded.map((row) => ({ ...row, data: built.get(`${row.entity}:${row.entity_id}`) ?? null })),
  );
}

/** Serialises writers so change versions commit in the order they were taken. */
export async function takeWriteLock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7301)');
}

/**
 * One page of the change feed after `cursor`, limited to what the principal may see, with the
 * current state of each entity, as the JSON text of the response (a `PullResponse` in src/shared/api/wire.ts) and its cursor
 * for the headers. The stored entity payloads are spliced in as the database returns them: a page
 * of thousands of rows is never parsed and serialised again on its way through the server. The
 * read is audited (who read how many rows of which kinds).
 */
export async function pullChangesJson(
  db: SqlClient,
  principal: Principal,
  clientId: string,
  cursor: number,
  limit: number,
  countRemaining = true,
): Promise<{ body: string; nextCursor: number; hasMore: boolean }> {
  const teams = [...new Set([...caseTeams(principal), ...victimTeams(principal)])];
  const page = await readPage(db, teams, cursor, limit);
  const lastSeq = await db.query<{ last_seq: number }>(
    'SELECT last_seq::bigint AS last_seq FROM clients WHERE client_id = $1 AND user_id = $2',
    [clientId, principal.sub],
  );
  // Counting what remains reads every remaining index entry; clients ask for it once per sync.
  const remaining =
    teams.length && page.hasMore && countRemaining
      ? Number(
          (
            await db.query<{ n: number }>(
              'SELECT count(*)::bigint AS n FROM changes WHERE team_id = ANY($1) AND version > $2',
              [teams, cursor],
            )
          )[0]?.n ?? 0,
        )
      : page.size;
  if (page.size) {
    await audit(db, {
      actorId: principal.sub,
      action: 'read',
      entity: 'change_feed',
      reason: 'synchronisatie werkvoorraad',
      detail: { cursor, count: page.size, entities: page.entities },
    });
  }
  const lastProcessedSeq = Number(lastSeq[0]?.last_seq ?? 0);
  return {
    body: `{"changes":${page.changesJson},"nextCursor":${page.nextCursor},"hasMore":${page.hasMore},"lastProcessedSeq":${lastProcessedSeq},"remaining":${remaining}}`,
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
  };
}

interface FeedPage {
  /** The page's changes as a JSON array text, in version order. */
  changesJson: string;
  size: number;
  hasMore: boolean;
  nextCursor: number;
  /** How many changes of each entity kind the page holds (for the audit log). */
  entities: Record<string, number>;
}

interface PageSummary {
  size: number;
  has_more: boolean;
  last_version: number | null;
  /** The entity kind of each change in the page, comma-separated. */
  entities: string | null;
  /** Changes whose stored payload shows their current version, as ready-made feed JSON. */
  ready: string;
  /** Changes whose payload must be built first: [{ entity, entity_id, version }]. */
  missing: string;
}

interface ChangeRow {
  entity: Change['entity'];
  entity_id: string;
  version: number;
}

/** The page `$3` of changes of the one team `$1[1]` after `$2`, in version order: the index order as is. */
const oneTeamWalk = `
  SELECT entity, entity_id, version, payload, payload_version IS NOT DISTINCT FROM version AS ready
  FROM changes WHERE team_id = ($1::text[])[1] AND version > $2 ORDER BY version LIMIT $3`;
/** The same for several teams `$1`: per team an ordered walk of its index, merged. */
const teamsWalk = `
  SELECT c.entity, c.entity_id, c.version, c.payload, c.payload_version IS NOT DISTINCT FROM c.version AS ready
  FROM unnest($1::text[]) AS t(team)
  CROSS JOIN LATERAL (SELECT entity, entity_id, version, payload, payload_version FROM changes
                      WHERE team_id = t.team AND version > $2 ORDER BY version LIMIT $3) c
  ORDER BY c.version LIMIT $3`;

/**
 * One page of the feed for these teams after `cursor`: an ordered walk of (team_id, version) that
 * stops after the page, per team and merged when there are several (a plain `team_id = ANY(…)
 * ORDER BY version` would read every remaining change of the teams and sort them). Entities whose stored
 * payload shows their current version come as stored; the others are built and stored for next time.
 */
async function readPage(db: Queryable, teams: string[], cursor: number, limit: number): Promise<FeedPage> {
  const empty = { changesJson: '[]', size: 0, hasMore: false, nextCursor: cursor, entities: {} };
  if (teams.length === 0) return empty;
  // One pass over the page; whether more follow is one index probe per team past its last version
  // (`team_id = ANY(…)` would be planned as a scan of the whole table).
  const [summary] = await db.query<PageSummary>(
    `WITH page AS (${teams.length === 1 ? oneTeamWalk : teamsWalk}),
     summary AS (
       SELECT count(*)::int AS size,
              max(version)::bigint AS last_version,
              string_agg(entity, ',') AS entities,
              '[' || coalesce(string_agg(concat('{"entity":', to_json(entity), ',"version":', version, ',"data":', payload, '}'),
                                         ',' ORDER BY version) FILTER (WHERE ready), '') || ']' AS ready,
              coalesce(json_agg(json_build_object('entity', entity, 'entity_id', entity_id, 'version', version))
                       FILTER (WHERE NOT ready), '[]')::text AS missing
       FROM page)
     SELECT summary.*,
            EXISTS (SELECT 1 FROM unnest($1::text[]) AS t(team)
                    CROSS JOIN LATERAL (SELECT 1 FROM changes WHERE team_id = t.team AND version > summary.last_version
                                        LIMIT 1) c) AS has_more
     FROM summary`,
    [teams, cursor, limit],
  );
  if (!summary || summary.size === 0) return empty;
  const page = {
    size: summary.size,
    hasMore: summary.has_more,
    nextCursor: Number(summary.last_version),
    entities: countEntities(summary.entities),
  };
  const missing = JSON.parse(summary.missing) as ChangeRow[];
  if (missing.length === 0) return { ...page, changesJson: summary.ready };
  // Some payloads are not built yet (a bulk load, or a write outside a command): build them, store
  // them for the next reader and merge them into the page in version order.
  const last = Number(summary.last_version);
  const built = await loadEntities(db, missing, teams, cursor, last);
  const rebuilt = missing.map((row) => ({ ...row, data: built.get(`${row.entity}:${row.entity_id}`) ?? null }));
  await storePayloads(db, rebuilt);
  const changes = [
    ...(JSON.parse(summary.ready) as Change[]),
    ...rebuilt.flatMap((row) =>
      row.data ? [{ entity: row.entity, version: Number(row.version), data: row.data } as Change] : [],
    ),
  ].sort((a, b) => a.version - b.version);
  return { ...page, changesJson: JSON.stringify(changes) };
}

function countEntities(list: string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of list ? list.split(',') : []) counts[entity] = (counts[entity] ?? 0) + 1;
  return counts;
}

/** Keeps the built JSON with each change, unless a writer moved the change on meanwhile. */
async function storePayloads(
  db: Queryable,
  rows: readonly (ChangeRow & { data: Record<string, unknown> | null })[],
): Promise<void> {
  const stored = rows.filter((r) => r.data !== null);
  if (!stored.length) return;
  await db.query(
    `UPDATE changes c SET payload = u.payload::json, payload_version = u.version
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS u(entity, entity_id, version, payload)
     WHERE c.entity = u.entity AND c.entity_id = u.entity_id AND c.version = u.version`,
    [
      stored.map((r) => r.entity),
      stored.map((r) => r.entity_id),
      stored.map((r) => Number(r.version)),
      stored.map((r) => JSON.stringify(r.data)),
    ],
  );
}

/**
 * Builds and stores the payload of every change (after a bulk load such as the demo seed), so
 * the first initial sync reads stored JSON too. Commands store theirs as they commit.
 */
export async function materializeChangePayloads(db: Queryable, pageSize = 5000): Promise<void> {
  const teams = (await db.query<{ team_id: string }>('SELECT DISTINCT team_id FROM changes')).map((r) => r.team_id);
  let cursor = 0;
  for (;;) {
    const page = await readPage(db, teams, cursor, pageSize);
    if (!page.hasMore) return;
    cursor = page.nextCursor;
  }
}

/**
 * The current state of each entity in one page: per entity type present in the page, one query
 * joined to the feed over the page's version range. Victim contact data has no query here at all.
 */
const entityQueries: Record<Change['entity'], string> = {
  person: `SELECT p.id, p.bsn, p.display_name AS "displayName", to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.city,
              p.is_test_data AS "isTestData", to_char(p.deceased_on, 'YYYY-MM-DD') AS "deceasedOn",
              to_char(p.moratorium_until, 'YYYY-MM-DD') AS "moratoriumUntil", p.version::bigint AS version
       FROM changes ch JOIN persons p ON p.id = ch.entity_id
       WHERE ch.entity = 'person' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  claim: `SELECT c.id, c.person_id AS "personId", c.kind, c.phase, c.reference, c.original_cents::bigint AS "originalCents",
              c.outstanding_cents::bigint AS "outstandingCents", c.administratiekosten_cents::bigint AS "administratiekostenCents",
              to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
              c.version::bigint AS version
       FROM changes ch JOIN claims c ON c.id = ch.entity_id
       WHERE ch.entity = 'claim' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  case_note: `SELECT n.id, n.claim_id AS "claimId", u.display_name AS "authorName", n.text,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", n.version::bigint AS version
       FROM changes ch JOIN case_notes n ON n.id = ch.entity_id JOIN users u ON u.id = n.author_id
       WHERE ch.entity = 'case_note' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  arrangement: `SELECT a.id, a.person_id AS "personId", a.kind, a.status, a.total_cents::bigint AS "totalCents",
              coalesce((SELECT json_agg(json_build_object('number', i.number, 'dueDate', to_char(i.due_date, 'YYYY-MM-DD'),
                                                          'amountCents', i.amount_cents) ORDER BY i.number)
                        FROM arrangement_instalments i WHERE i.arrangement_id = a.id), '[]'::json) AS instalments,
              to_char(a.pause_until, 'YYYY-MM-DD') AS "pauseUntil", a.motivation,
              d.display_name AS "decidedBy", a.decided_by AS "decidedById",
              to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
              ap.display_name AS "approvedBy", a.approval_note AS "approvalNote",
              to_char(a.ended_on, 'YYYY-MM-DD') AS "endedOn", a.honoured_exactly AS "honouredExactly",
              a.assessment, a.version::bigint AS version
       FROM changes ch JOIN arrangements a ON a.id = ch.entity_id
         JOIN users d ON d.id = a.decided_by LEFT JOIN users ap ON ap.id = a.approved_by
       WHERE ch.entity = 'arrangement' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  escalation: `SELECT e.id, e.claim_id AS "claimId", e.person_id AS "personId", e.step, e.status, e.motivation,
              d.display_name AS "decidedBy", e.decided_by AS "decidedById",
              to_char(e.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
              ap.display_name AS "approvedBy", e.approval_note AS "approvalNote", e.trace, e.version::bigint AS version
       FROM changes ch JOIN escalation_decisions e ON e.id = ch.entity_id
         JOIN users d ON d.id = e.decided_by LEFT JOIN users ap ON ap.id = e.approved_by
       WHERE ch.entity = 'escalation' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  victim: `SELECT v.id, v.offender_person_id AS "offenderPersonId", v.display_name AS "displayName",
              v.is_natural_person AS "isNaturalPerson", v.opted_in AS "optedIn", v.wants_information AS "wantsInformation",
              v.preferred_channel AS "preferredChannel", v.representative, v.offence_category AS "offenceCategory",
              v.version::bigint AS version
       FROM changes ch JOIN victims v ON v.id = ch.entity_id
       WHERE ch.entity = 'victim' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  detention_event: `SELECT e.id, e.offender_person_id AS "offenderPersonId", e.kind, to_char(e.event_date, 'YYYY-MM-DD') AS "eventDate",
              to_char(e.reported_on, 'YYYY-MM-DD') AS "reportedOn", e.version::bigint AS version
       FROM changes ch JOIN detention_events e ON e.id = ch.entity_id
       WHERE ch.entity = 'detention_event' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  victim_notification: `SELECT n.id, n.victim_id AS "victimId", n.event_id AS "eventId", n.channel, n.content,
              to_char(n.notified_on, 'YYYY-MM-DD') AS "notifiedOn", to_char(n.deadline, 'YYYY-MM-DD') AS deadline, n.late,
              u.display_name AS "notifiedBy", n.version::bigint AS version
       FROM changes ch JOIN victim_notifications n ON n.id = ch.entity_id JOIN users u ON u.id = n.notified_by
       WHERE ch.entity = 'victim_notification' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  victim_wish: `SELECT w.id, w.victim_id AS "victimId", w.event_id AS "eventId", w.contactverbod, w.gebiedsverbod,
              w.zone_description AS "zoneDescription", w.remarks, to_char(w.recorded_on, 'YYYY-MM-DD') AS "recordedOn",
              to_char(w.forwarded_to_om_on, 'YYYY-MM-DD') AS "forwardedToOmOn", u.display_name AS "recordedBy", w.version::bigint AS version
       FROM changes ch JOIN victim_wishes w ON w.id = ch.entity_id JOIN users u ON u.id = w.recorded_by
       WHERE ch.entity = 'victim_wish' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  claim_event: `SELECT e.id, e.claim_id AS "claimId", e.kind, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
              e.amount_cents::bigint AS "amountCents", e.description, e.version::bigint AS version
       FROM changes ch JOIN claim_events e ON e.id = ch.entity_id
       WHERE ch.entity = 'claim_event' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  task: `SELECT t.id, t.person_id AS "personId", t.claim_id AS "claimId", t.kind, t.priority, t.status,
              t.assignee_id AS "assigneeId", to_char(t.created_on, 'YYYY-MM-DD') AS "createdOn",
              to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(t.completed_on, 'YYYY-MM-DD') AS "completedOn",
              t.version::bigint AS version
       FROM changes ch JOIN tasks t ON t.id = ch.entity_id
       WHERE ch.entity = 'task' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  team_member: `SELECT u.id, u.display_name AS "displayName", u.role, ch.version::bigint AS version
       FROM changes ch JOIN users u ON u.id = ch.entity_id
       WHERE ch.entity = 'team_member' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  saved_view: `SELECT v.id, v.owner_id AS "ownerId", u.display_name AS "ownerName", v.name, v.definition, v.deleted,
              v.version::bigint AS version
       FROM changes ch JOIN saved_views v ON v.id = ch.entity_id JOIN users u ON u.id = v.owner_id
       WHERE ch.entity = 'saved_view' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  victim_compensation: `SELECT c.id, c.victim_id AS "victimId", cl.reference AS "claimReference",
              to_char(c.judgment_final_on, 'YYYY-MM-DD') AS "judgmentFinalOn", c.ordered_cents::bigint AS "orderedCents",
              c.collected_cents::bigint AS "collectedCents", c.paid_out_cents::bigint AS "paidOutCents",
              c.schadefonds_cents::bigint AS "schadefondsCents", c.version::bigint AS version
       FROM changes ch JOIN victim_compensations c ON c.id = ch.entity_id JOIN claims cl ON cl.id = c.claim_id
       WHERE ch.entity = 'victim_compensation' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
  voorschot_payment: `SELECT p.id, p.compensation_id AS "compensationId", c.victim_id AS "victimId", p.amount_cents::bigint AS "amountCents",
              p.status, u.display_name AS "proposedBy", p.proposed_by AS "proposedById",
              to_char(p.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt",
              a.display_name AS "approvedBy", p.approval_note AS "approvalNote", p.trace, p.version::bigint AS version
       FROM changes ch JOIN voorschot_payments p ON p.id = ch.entity_id JOIN victim_compensations c ON c.id = p.compensation_id
         JOIN users u ON u.id = p.proposed_by LEFT JOIN users a ON a.id = p.approved_by
       WHERE ch.entity = 'voorschot_payment' AND ch.team_id = ANY($1) AND ch.version > $2 AND ch.version <= $3`,
};

async function loadEntities(
  db: Queryable,
  rows: readonly ChangeRow[],
  teams: string[],
  cursor: number,
  last: number,
): Promise<Map<string, Record<string, unknown>>> {
  const present = [...new Set(rows.map((r) => r.entity))];
  const results = await Promise.all(
    present.map(async (entity) => ({
      entity,
      rows: await asJsonRows<Record<string, unknown>>(db, entityQueries[entity], [teams, cursor, last]),
    })),
  );
  const built = new Map<string, Record<string, unknown>>();
  for (const { entity, rows: entityRows } of results) {
    for (const row of entityRows) built.set(`${entity}:${String(row.id)}`, row);
  }
  return built;
}

/**
 * Runs a query and returns its rows through one JSON text value built by the database
 * (json_agg). A page is thousands of rows; PGlite hands over each row and column separately and
 * slowly, while one string parsed by JSON.parse is fast on PGlite and PostgreSQL alike. Column
 * aliases become the keys; bigint, boolean, json and jsonb columns arrive as JSON values.
 */
async function asJsonRows<T>(db: Queryable, query: string, params: unknown[]): Promise<T[]> {
  const result = await db.query<{ rows: string | null }>(
    `SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (${query}) q`,
    params,
  );
  return JSON.parse(result[0]?.rows ?? '[]') as T[];
}
