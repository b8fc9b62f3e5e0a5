import type { Change } from '../../shared/api/entities';
import { systemDeciderId } from '../../shared/api/loket';
import { parseFeedCursor, startCursor, type FeedCursor } from '../../shared/api/feed-cursor';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { feedTeams } from '../scope';

/*
 * The change feed: one row per entity at its latest version, with the transaction that wrote it
 * (`tx`, a default of the column). Readers walk it in (tx, version) order and stop before the oldest
 * transaction still running (the snapshot's xmin): everything before that point has committed or
 * rolled back, and every transaction still to commit has a larger tx, so it lands after any cursor
 * a client holds. Writers take no lock for the feed; a transaction only holds back what comes after
 * it while it runs, so writes stay short (bulk loads commit in batches).
 */

/**
 * The changes each open transaction has recorded, so that its writer can build their feed JSON
 * before it commits (`storeRecordedPayloads`). Keyed by the transaction's handle: a change recorded
 * through any other handle is simply built by its first reader instead.
 */
const recordedByTransaction = new WeakMap<Queryable, ChangeRow[]>();

interface ChangeRow {
  entity: Change['entity'];
  entity_id: string;
  version: number;
}

/** Writers call this inside their transaction to put the entity in the feed at a new version. */
export async function recordChange(
  tx: Queryable,
  entity: Change['entity'],
  entityId: string,
  teamId: string,
): Promise<number> {
  const [version] = await recordChanges(tx, entity, [{ id: entityId, teamId }]);
  if (version === undefined) throw new Error(`no version recorded for ${entity} ${entityId}`);
  return version;
}

/**
 * `recordChange` for many entities of one kind at once (bulk intake): a new version each and the
 * feed row, in one statement. Returns the versions in the order of `rows`, for the entity rows the
 * caller writes.
 */
export async function recordChanges(
  tx: Queryable,
  entity: Change['entity'],
  rows: readonly { id: string; teamId: string }[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const written = await tx.query<{ entity_id: string; version: number }>(
    `INSERT INTO changes (entity, entity_id, team_id, version)
     SELECT $1, u.id, u.team, nextval('change_version') FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(id, team, n)
     ORDER BY u.n
     ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, team_id = excluded.team_id
     RETURNING entity_id, version::bigint AS version`,
    [entity, rows.map((r) => r.id), rows.map((r) => r.teamId)],
  );
  const versionOf = new Map(written.map((w) => [w.entity_id, Number(w.version)]));
  const recorded = recordedByTransaction.get(tx) ?? [];
  const versions = rows.map((row) => {
    const version = versionOf.get(row.id);
    if (version === undefined) throw new Error(`no version recorded for ${entity} ${row.id}`);
    recorded.push({ entity, entity_id: row.id, version });
    return version;
  });
  recordedByTransaction.set(tx, recorded);
  return versions;
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
  const built = await loadEntities(tx, recorded);
  await storePayloads(
    tx,
    recorded.map((row) => ({ ...row, data: built.get(`${row.entity}:${row.entity_id}`) ?? null })),
  );
}

/** How long a pull waits for a running transaction that holds back changes already committed after it. */
const heldBackWaitMs = 2000;
const heldBackPollMs = 20;

/**
 * One page of the change feed after `cursor`, limited to what the principal may see, with the
 * current state of each entity, as the JSON text of the response (a `PullResponse` in src/shared/api/wire.ts) and its cursor
 * for the headers. The stored entity payloads are spliced in as the database returns them: a page
 * of thousands of rows is never parsed and serialised again on its way through the server. The
 * read is audited (who read how many rows of which kinds).
 *
 * When committed changes wait behind a transaction still running, the pull waits for it (up to
 * two seconds) instead of answering without them; past that it answers `hasMore`, so the client
 * asks again.
 */
export async function pullChangesJson(
  db: SqlClient,
  principal: Principal,
  clientId: string,
  cursor: FeedCursor,
  limit: number,
  countRemaining = true,
): Promise<{ body: string; nextCursor: FeedCursor; hasMore: boolean }> {
  const teams = feedTeams(principal);
  const deadline = Date.now() + heldBackWaitMs;
  let page = await readPage(db, teams, cursor, limit);
  while (page.heldBack && page.size < limit && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, heldBackPollMs));
    page = await readPage(db, teams, cursor, limit);
  }
  const lastSeq = await db.query<{ last_seq: number }>(
    'SELECT last_seq::bigint AS last_seq FROM clients WHERE client_id = $1 AND user_id = $2',
    [clientId, principal.sub],
  );
  const hasMore = page.hasMore || page.heldBack;
  // Counting what remains reads every remaining index entry; clients ask for it once per sync.
  const position = parseFeedCursor(cursor);
  const remaining =
    teams.length && hasMore && countRemaining
      ? Number(
          (
            await db.query<{ n: number }>(
              'SELECT count(*)::bigint AS n FROM changes WHERE team_id = ANY($1) AND (tx, version) > ($2::xid8, $3::bigint)',
              [teams, position.transaction.toString(), position.version.toString()],
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
    body: `{"changes":${page.changesJson},"nextCursor":${JSON.stringify(page.nextCursor)},"hasMore":${hasMore},"lastProcessedSeq":${lastProcessedSeq},"remaining":${remaining}}`,
    nextCursor: page.nextCursor,
    hasMore,
  };
}

interface FeedPage {
  /** The page's changes as a JSON array text, in feed order. */
  changesJson: string;
  size: number;
  /** More changes follow that may be read now. */
  hasMore: boolean;
  /** Committed changes follow that wait for an older transaction still running. */
  heldBack: boolean;
  nextCursor: FeedCursor;
  /** How many changes of each entity kind the page holds (for the audit log). */
  entities: Record<string, number>;
}

interface PageSummary {
  size: number;
  has_more: boolean;
  held_back: boolean;
  /** The cursor after the page (the one asked for when the page is empty). */
  last_cursor: string;
  /** The entity kind of each change in the page, comma-separated. */
  entities: string | null;
  /** Changes whose stored payload shows their current version, as ready-made feed JSON. */
  ready: string;
  /** Changes whose payload must be built first: [{ entity, entity_id, version, ord }]. */
  missing: string;
}

/** Transactions below this have all ended: what they committed is visible, nothing more of theirs can come. */
const horizon = 'pg_snapshot_xmin(pg_current_snapshot())';
const columns = `entity, entity_id, version, tx, payload, payload_version IS NOT DISTINCT FROM version AS ready`;
/** The page `$4` of changes of the one team `$1[1]` after ($2, $3), in feed order: the index order as is. */
const oneTeamWalk = `
  SELECT ${columns} FROM changes
  WHERE team_id = ($1::text[])[1] AND (tx, version) > ($2::xid8, $3::bigint) AND tx < ${horizon}
  ORDER BY tx, version LIMIT $4`;
/** The same for several teams `$1`: per team an ordered walk of its index, merged. */
const teamsWalk = `
  SELECT c.* FROM unnest($1::text[]) AS t(team)
  CROSS JOIN LATERAL (SELECT ${columns} FROM changes
                      WHERE team_id = t.team AND (tx, version) > ($2::xid8, $3::bigint) AND tx < ${horizon}
                      ORDER BY tx, version LIMIT $4) c
  ORDER BY c.tx, c.version LIMIT $4`;
/** Whether a team `$1` has a change after `last` matching `condition`: one index probe per team. */
const anyAfter = (condition: string) => `
  EXISTS (SELECT 1 FROM unnest($1::text[]) AS t(team)
          CROSS JOIN LATERAL (SELECT 1 FROM changes WHERE team_id = t.team AND (tx, version) > (last.tx, last.version)
                              AND ${condition} LIMIT 1) c)`;

/**
 * One page of the feed for these teams after `cursor`: an ordered walk of (team_id, tx, version)
 * that stops after the page, per team and merged when there are several (a plain `team_id = ANY(…)
 * ORDER BY …` would read every remaining change of the teams and sort them). Entities whose stored
 * payload shows their current version come as stored; the others are built and stored for next time.
 */
async function readPage(db: Queryable, teams: string[], cursor: FeedCursor, limit: number): Promise<FeedPage> {
  const empty = { changesJson: '[]', size: 0, hasMore: false, heldBack: false, nextCursor: cursor, entities: {} };
  if (teams.length === 0) return empty;
  const position = parseFeedCursor(cursor);
  const [summary] = await db.query<PageSummary>(
    `WITH page AS (SELECT p.*, row_number() OVER (ORDER BY p.tx, p.version) AS ord
                   FROM (${teams.length === 1 ? oneTeamWalk : teamsWalk}) p),
     last AS (SELECT tx, version FROM page ORDER BY tx DESC, version DESC LIMIT 1),
     summary AS (
       SELECT count(*)::int AS size,
              string_agg(entity, ',') AS entities,
              '[' || coalesce(string_agg(concat('{"entity":', to_json(entity), ',"version":', version, ',"data":', payload, '}'),
                                         ',' ORDER BY ord) FILTER (WHERE ready), '') || ']' AS ready,
              coalesce(json_agg(json_build_object('entity', entity, 'entity_id', entity_id, 'version', version, 'ord', ord))
                       FILTER (WHERE NOT ready), '[]')::text AS missing
       FROM page)
     SELECT summary.*, last.tx::text || '.' || last.version AS last_cursor,
            ${anyAfter(`tx < ${horizon}`)} AS has_more,
            ${anyAfter(`tx >= ${horizon}`)} AS held_back
     FROM summary,
          (SELECT * FROM last UNION ALL SELECT $2::xid8, $3::bigint WHERE NOT EXISTS (SELECT 1 FROM last) LIMIT 1) last`,
    [teams, position.transaction.toString(), position.version.toString(), limit],
  );
  if (!summary) return empty;
  const page = {
    size: summary.size,
    hasMore: summary.has_more,
    heldBack: summary.held_back,
    nextCursor: summary.size === 0 ? cursor : summary.last_cursor,
    entities: countEntities(summary.entities),
  };
  const missing = JSON.parse(summary.missing) as (ChangeRow & { ord: number })[];
  if (missing.length === 0) return { ...page, changesJson: summary.ready };
  // Some payloads are not built yet (a bulk load, or a write outside a command): build them, store
  // them for the next reader and put them in their place in the page.
  const built = await loadEntities(db, missing);
  const rebuilt = missing.map((row) => ({ ...row, data: built.get(`${row.entity}:${row.entity_id}`) ?? null }));
  await storePayloads(db, rebuilt);
  const ready = (JSON.parse(summary.ready) as Change[]).values();
  const byOrd = new Map(rebuilt.map((row) => [Number(row.ord), row]));
  const changes: Change[] = [];
  for (let ord = 1; ord <= summary.size; ord++) {
    const row = byOrd.get(ord);
    if (!row) {
      const next = ready.next();
      if (!next.done) changes.push(next.value);
    } else if (row.data) {
      changes.push({ entity: row.entity, version: Number(row.version), data: row.data } as Change);
    }
  }
  return { ...page, changesJson: JSON.stringify(changes) };
}

function countEntities(list: string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of list ? list.split(',') : []) counts[entity] = (counts[entity] ?? 0) + 1;
  return counts;
}

/**
 * Keeps the built JSON with each change, unless a writer moved the change on meanwhile. Rows a
 * writer holds right now are skipped, never waited for: a reader storing payloads must not queue
 * behind (or deadlock with) the commands it serves; the next reader builds those again.
 */
async function storePayloads(
  db: Queryable,
  rows: readonly (ChangeRow & { data: Record<string, unknown> | null })[],
): Promise<void> {
  const stored = rows.filter((r) => r.data !== null);
  if (!stored.length) return;
  await db.query(
    `WITH u AS (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS u(entity, entity_id, version, payload)),
          free AS (SELECT c.entity, c.entity_id FROM changes c JOIN u USING (entity, entity_id, version)
                   FOR UPDATE OF c SKIP LOCKED)
     UPDATE changes c SET payload = u.payload::json, payload_version = u.version
     FROM u JOIN free USING (entity, entity_id)
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
  let cursor = startCursor;
  for (;;) {
    const page = await readPage(db, teams, cursor, pageSize);
    if (!page.hasMore) return;
    cursor = page.nextCursor;
  }
}

/**
 * The current state of each entity in one page: per entity type present in the page, one query
 * for the page's entity ids (`$1`) and change versions (`$2`). Victim contact data has no query here at all.
 */
const entityQueries: Record<Change['entity'], string> = {
  person: `SELECT p.id, p.bsn, p.display_name AS "displayName", to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.city,
              p.street_address AS "streetAddress", p.postcode,
              p.is_test_data AS "isTestData", to_char(p.deceased_on, 'YYYY-MM-DD') AS "deceasedOn",
              to_char(p.moratorium_until, 'YYYY-MM-DD') AS "moratoriumUntil", p.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN persons p ON p.id = ch.entity_id`,
  claim: `SELECT c.id, c.person_id AS "personId", c.kind, c.phase, c.reference, c.original_cents::bigint AS "originalCents",
              c.outstanding_cents::bigint AS "outstandingCents", c.administratiekosten_cents::bigint AS "administratiekostenCents",
              to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
              c.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN claims c ON c.id = ch.entity_id`,
  case_note: `SELECT n.id, n.claim_id AS "claimId", u.display_name AS "authorName", n.text,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", n.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN case_notes n ON n.id = ch.entity_id JOIN users u ON u.id = n.author_id`,
  arrangement: `SELECT a.id, a.person_id AS "personId", a.kind, a.status, a.total_cents::bigint AS "totalCents",
              coalesce((SELECT json_agg(json_build_object('number', i.number, 'dueDate', to_char(i.due_date, 'YYYY-MM-DD'),
                                                          'amountCents', i.amount_cents) ORDER BY i.number)
                        FROM arrangement_instalments i WHERE i.arrangement_id = a.id), '[]'::json) AS instalments,
              to_char(a.pause_until, 'YYYY-MM-DD') AS "pauseUntil", a.motivation,
              coalesce(d.display_name, 'Systeem (Digitaal Loket)') AS "decidedBy", coalesce(a.decided_by, '${systemDeciderId}') AS "decidedById",
              to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
              ap.display_name AS "approvedBy", a.approval_note AS "approvalNote",
              to_char(a.ended_on, 'YYYY-MM-DD') AS "endedOn", a.honoured_exactly AS "honouredExactly",
              a.creditors,
              coalesce((SELECT json_agg(json_build_object('from', to_char(p.from_date, 'YYYY-MM-DD'), 'months', p.months,
                                                          'reason', p.reason, 'recordedBy', pu.display_name) ORDER BY p.from_date)
                        FROM arrangement_pauses p JOIN users pu ON pu.id = p.recorded_by
                        WHERE p.arrangement_id = a.id), '[]'::json) AS pauses,
              a.assessment, a.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN arrangements a ON a.id = ch.entity_id
         LEFT JOIN users d ON d.id = a.decided_by LEFT JOIN users ap ON ap.id = a.approved_by`,
  escalation: `SELECT e.id, e.claim_id AS "claimId", e.person_id AS "personId", e.step, e.status, e.motivation,
              d.display_name AS "decidedBy", e.decided_by AS "decidedById",
              to_char(e.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
              ap.display_name AS "approvedBy", e.approval_note AS "approvalNote", e.trace, e.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN escalation_decisions e ON e.id = ch.entity_id
         JOIN users d ON d.id = e.decided_by LEFT JOIN users ap ON ap.id = e.approved_by`,
  victim: `SELECT v.id, v.offender_person_id AS "offenderPersonId", v.display_name AS "displayName",
              v.is_natural_person AS "isNaturalPerson", v.opted_in AS "optedIn", v.wants_information AS "wantsInformation",
              v.preferred_channel AS "preferredChannel", v.representative, v.offence_category AS "offenceCategory",
              v.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN victims v ON v.id = ch.entity_id`,
  detention_event: `SELECT e.id, e.offender_person_id AS "offenderPersonId", e.kind, to_char(e.event_date, 'YYYY-MM-DD') AS "eventDate",
              to_char(e.reported_on, 'YYYY-MM-DD') AS "reportedOn", e.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN detention_events e ON e.id = ch.entity_id`,
  victim_notification: `SELECT n.id, n.victim_id AS "victimId", n.event_id AS "eventId", n.channel, n.content,
              to_char(n.notified_on, 'YYYY-MM-DD') AS "notifiedOn", to_char(n.deadline, 'YYYY-MM-DD') AS deadline, n.late,
              u.display_name AS "notifiedBy", n.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN victim_notifications n ON n.id = ch.entity_id JOIN users u ON u.id = n.notified_by`,
  victim_wish: `SELECT w.id, w.victim_id AS "victimId", w.event_id AS "eventId", w.contactverbod, w.gebiedsverbod,
              w.zone_description AS "zoneDescription", w.remarks, to_char(w.recorded_on, 'YYYY-MM-DD') AS "recordedOn",
              to_char(w.forwarded_to_om_on, 'YYYY-MM-DD') AS "forwardedToOmOn", u.display_name AS "recordedBy", w.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN victim_wishes w ON w.id = ch.entity_id JOIN users u ON u.id = w.recorded_by`,
  claim_event: `SELECT e.id, e.claim_id AS "claimId", e.kind, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn",
              e.amount_cents::bigint AS "amountCents", e.description, e.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN claim_events e ON e.id = ch.entity_id`,
  task: `SELECT t.id, t.person_id AS "personId", t.claim_id AS "claimId", t.kind, t.priority, t.status,
              t.assignee_id AS "assigneeId", to_char(t.created_on, 'YYYY-MM-DD') AS "createdOn",
              to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(t.completed_on, 'YYYY-MM-DD') AS "completedOn",
              t.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN tasks t ON t.id = ch.entity_id`,
  team_member: `SELECT u.id, u.display_name AS "displayName", u.role, ch.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN users u ON u.id = ch.entity_id`,
  saved_view: `SELECT v.id, v.owner_id AS "ownerId", u.display_name AS "ownerName", v.name, v.definition, v.deleted,
              v.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN saved_views v ON v.id = ch.entity_id JOIN users u ON u.id = v.owner_id`,
  victim_compensation: `SELECT c.id, c.victim_id AS "victimId", cl.reference AS "claimReference",
              to_char(c.judgment_final_on, 'YYYY-MM-DD') AS "judgmentFinalOn", c.ordered_cents::bigint AS "orderedCents",
              c.collected_cents::bigint AS "collectedCents", c.paid_out_cents::bigint AS "paidOutCents",
              c.schadefonds_cents::bigint AS "schadefondsCents", c.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN victim_compensations c ON c.id = ch.entity_id JOIN claims cl ON cl.id = c.claim_id`,
  voorschot_payment: `SELECT p.id, p.compensation_id AS "compensationId", c.victim_id AS "victimId", p.amount_cents::bigint AS "amountCents",
              p.status, u.display_name AS "proposedBy", p.proposed_by AS "proposedById",
              to_char(p.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt",
              a.display_name AS "approvedBy", p.approval_note AS "approvalNote", p.trace, p.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN voorschot_payments p ON p.id = ch.entity_id JOIN victim_compensations c ON c.id = p.compensation_id
         JOIN users u ON u.id = p.proposed_by LEFT JOIN users a ON a.id = p.approved_by`,
  loket_request: `SELECT r.id::text AS id, r.person_id AS "personId", r.kind,
              to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt", r.declared,
              coalesce(r.explanation, '') AS explanation, r.outcome, r.outcome_reason AS "outcomeReason",
              r.arrangement_id AS "arrangementId",
              coalesce((SELECT json_agg(json_build_object('number', d.number, 'fileName', d.file_name, 'mediaType', d.media_type,
                                                          'sizeBytes', d.size_bytes) ORDER BY d.number)
                        FROM loket_documents d WHERE d.request_id = r.id), '[]'::json) AS documents,
              r.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN loket_requests r ON r.id = ch.entity_id::uuid`,
  parameter_set: `SELECT s.id, s.domain, to_char(s.valid_from, 'YYYY-MM-DD') AS "validFrom", s.body AS "values", s.reason,
              p.display_name AS "proposedBy", s.proposed_by AS "proposedById",
              to_char(s.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt",
              d.display_name AS "approvedBy", to_char(s.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "approvedAt",
              s.version::bigint AS version
       FROM unnest($1::text[], $2::bigint[]) AS ch(entity_id, version) JOIN parameter_sets s ON s.id = ch.entity_id
         JOIN users p ON p.id = s.proposed_by JOIN users d ON d.id = s.decided_by
       WHERE s.status = 'goedgekeurd'`,
};

async function loadEntities(db: Queryable, rows: readonly ChangeRow[]): Promise<Map<string, Record<string, unknown>>> {
  const byEntity = new Map<Change['entity'], ChangeRow[]>();
  for (const row of rows) byEntity.set(row.entity, [...(byEntity.get(row.entity) ?? []), row]);
  const built = new Map<string, Record<string, unknown>>();
  // One after another: inside a transaction there is one connection to send them on.
  for (const [entity, ofEntity] of byEntity) {
    const rows = await asJsonRows<Record<string, unknown>>(db, entityQueries[entity], [
      ofEntity.map((r) => r.entity_id),
      ofEntity.map((r) => Number(r.version)),
    ]);
    for (const row of rows) built.set(`${entity}:${String(row.id)}`, row);
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
