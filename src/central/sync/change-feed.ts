import type { Change } from '../../shared/api/entities';
import type { PullResponse } from '../../shared/api/wire';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { caseTeams } from '../scope';

/** Writers call this inside their transaction (after taking the write lock) to bump the feed. */
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
  return version;
}

/** Serialises writers so change versions commit in the order they were taken. */
export async function takeWriteLock(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(7301)');
}

interface ChangeRow {
  entity: Change['entity'];
  entity_id: string;
  version: number;
}

/**
 * One page of the change feed after `cursor`, limited to what the principal may see, with the
 * current state of each entity. The read is audited (who read how many rows of which kinds).
 */
export async function pullChanges(
  db: SqlClient,
  principal: Principal,
  clientId: string,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  const teams = caseTeams(principal);
  const rows = teams.length
    ? await db.query<ChangeRow>(
        `SELECT entity, entity_id, version::bigint AS version FROM changes
         WHERE team_id = ANY($1) AND version > $2 ORDER BY version LIMIT $3`,
        [teams, cursor, limit + 1],
      )
    : [];
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const changes = await loadEntities(db, page);
  const lastSeq = await db.query<{ last_seq: number }>(
    'SELECT last_seq::bigint AS last_seq FROM clients WHERE client_id = $1 AND user_id = $2',
    [clientId, principal.sub],
  );
  const remaining =
    teams.length && hasMore
      ? Number(
          (
            await db.query<{ n: number }>(
              'SELECT count(*)::bigint AS n FROM changes WHERE team_id = ANY($1) AND version > $2',
              [teams, cursor],
            )
          )[0]?.n ?? 0,
        )
      : page.length;
  if (page.length) {
    await audit(db, {
      actorId: principal.sub,
      action: 'read',
      entity: 'change_feed',
      reason: 'synchronisatie werkvoorraad',
      detail: { cursor, count: page.length, entities: countBy(page.map((r) => r.entity)) },
    });
  }
  return {
    changes,
    nextCursor: page.length ? Number(page[page.length - 1]?.version) : cursor,
    hasMore,
    lastProcessedSeq: Number(lastSeq[0]?.last_seq ?? 0),
    remaining,
  };
}

async function loadEntities(db: Queryable, rows: readonly ChangeRow[]): Promise<Change[]> {
  const ids = (entity: Change['entity']) => rows.filter((r) => r.entity === entity).map((r) => r.entity_id);
  const [persons, claims, notes] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT id, bsn, display_name AS "displayName", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", city,
              is_test_data AS "isTestData", version::bigint AS version
       FROM persons WHERE id = ANY($1)`,
      [ids('person')],
    ),
    db.query<Record<string, unknown>>(
      `SELECT id, person_id AS "personId", kind, phase, reference, original_cents::bigint AS "originalCents",
              outstanding_cents::bigint AS "outstandingCents", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
              version::bigint AS version
       FROM claims WHERE id = ANY($1)`,
      [ids('claim')],
    ),
    db.query<Record<string, unknown>>(
      `SELECT n.id, n.claim_id AS "claimId", u.display_name AS "authorName", n.text,
              to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", n.version::bigint AS version
       FROM case_notes n JOIN users u ON u.id = n.author_id WHERE n.id = ANY($1)`,
      [ids('case_note')],
    ),
  ]);
  const byId = new Map<string, Record<string, unknown>>();
  for (const row of [...persons, ...claims, ...notes]) byId.set(String(row.id), normaliseNumbers(row));
  const changes: Change[] = [];
  for (const row of rows) {
    const data = byId.get(row.entity_id);
    if (data) changes.push({ entity: row.entity, version: Number(row.version), data } as Change);
  }
  return changes;
}

// pg returns bigint as number (type parser); PGlite returns it as bigint or number. Normalise.
function normaliseNumbers(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) if (typeof value === 'bigint') row[key] = Number(value);
  return row;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
