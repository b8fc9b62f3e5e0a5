import { randomUUID } from 'node:crypto';
import {
  domainValues,
  parameterSetRecord,
  toApprovedParameterSet,
  type ParameterSetDecision,
  type ParameterSetList,
  type ParameterSetProposal,
  type ParameterSetRecord,
} from '../../shared/api/parameters';
import { installApprovedParameterSets, type ApprovedParameterSet } from '../../shared/domain/parameters/registry';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { retryOnClash } from '../db/retry-on-clash';
import { everyoneTeam } from '../scope';
import { recordChange, storeRecordedPayloads } from '../sync/change-feed';
import { serverClock, type ServerClock } from '../sync/server-clock';
import { can } from '../../shared/domain/permissions';

/**
 * Parameter sets under four eyes: a functioneel beheerder proposes a dated set, another beheerder
 * approves or rejects it. Every read and write is audited; an approved set enters the change feed
 * for every principal, and every API node installs the approved sets before it applies rules.
 */

export class ParameterSetError extends Error {
  constructor(
    readonly status: 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'ParameterSetError';
  }
}

const recordQuery = `SELECT s.id, s.domain, to_char(s.valid_from, 'YYYY-MM-DD') AS "validFrom", s.body AS "values", s.reason,
    s.status, p.display_name AS "proposedBy", s.proposed_by AS "proposedById",
    to_char(s.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt",
    d.display_name AS "decidedBy", s.decided_by AS "decidedById",
    to_char(s.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt",
    s.decision_note AS "decisionNote"
  FROM parameter_sets s JOIN users p ON p.id = s.proposed_by LEFT JOIN users d ON d.id = s.decided_by`;

function requireBeheerder(principal: Principal, what: string): void {
  if (!can(principal, 'manageParameters')) {
    throw new ParameterSetError(403, `Alleen functioneel beheerders kunnen parametersets ${what}.`);
  }
}

async function readRecords(db: Queryable, where = '', params: unknown[] = []): Promise<ParameterSetRecord[]> {
  const rows = await db.query<Record<string, unknown>>(
    `${recordQuery} ${where} ORDER BY s.domain, s.valid_from DESC, s.proposed_at DESC`,
    params,
  );
  // What the database holds was checked on the way in; checked again on the way out all the same.
  return rows.map((row) => parameterSetRecord.parse(row));
}

export async function listParameterSets(db: SqlClient, principal: Principal): Promise<ParameterSetList> {
  if (!can(principal, 'manageParameters')) {
    await audit(db, { actorId: principal.sub, action: 'read', entity: 'parameter_set', reason: 'geweigerd' });
    requireBeheerder(principal, 'inzien');
  }
  const sets = await readRecords(db);
  await audit(db, { actorId: principal.sub, action: 'read', entity: 'parameter_set', detail: { count: sets.length } });
  return { sets };
}

export async function proposeParameterSet(
  db: SqlClient,
  principal: Principal,
  proposal: ParameterSetProposal,
  clock: ServerClock = serverClock(),
): Promise<ParameterSetRecord> {
  requireBeheerder(principal, 'voorstellen');
  const values = domainValues.parse({ domain: proposal.domain, values: proposal.values });
  const id = `${proposal.domain}-${proposal.validFrom}-${randomUUID().slice(0, 8)}`;
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO parameter_sets (id, domain, valid_from, body, reason, proposed_by, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, values.domain, proposal.validFrom, JSON.stringify(values.values), proposal.reason, principal.sub, clock.at],
    );
    await audit(tx, {
      actorId: principal.sub,
      action: 'create',
      entity: 'parameter_set',
      entityId: id,
      reason: proposal.reason,
      detail: { domain: values.domain, validFrom: proposal.validFrom },
    });
    const [record] = await readRecords(tx, 'WHERE s.id = $1', [id]);
    if (!record) throw new Error(`parameter set ${id} not stored`);
    return record;
  });
}

export async function decideParameterSet(
  db: SqlClient,
  principal: Principal,
  id: string,
  decision: Required<ParameterSetDecision>,
  clock: ServerClock = serverClock(),
): Promise<ParameterSetRecord> {
  requireBeheerder(principal, 'goedkeuren of afwijzen');
  return retryOnClash(() =>
    db.transaction(
      async (tx) => {
        const rows = await tx.query<{ status: string; proposed_by: string }>(
          'SELECT status, proposed_by FROM parameter_sets WHERE id = $1',
          [id],
        );
        const row = rows[0];
        if (!row) throw new ParameterSetError(404, 'Deze parameterset bestaat niet.');
        if (row.status !== 'voorgesteld') throw new ParameterSetError(409, 'Over deze parameterset is al beslist.');
        if (row.proposed_by === principal.sub) {
          throw new ParameterSetError(
            403,
            'Een tweede beheerder beslist over een parameterset, niet wie haar voorstelde.',
          );
        }
        const status = decision.approve ? 'goedgekeurd' : 'afgewezen';
        const version = decision.approve ? await recordChange(tx, 'parameter_set', id, everyoneTeam) : 0;
        await tx.query(
          `UPDATE parameter_sets SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, version = $6
           WHERE id = $1`,
          [id, status, principal.sub, clock.at, decision.note || null, version],
        );
        await audit(tx, {
          actorId: principal.sub,
          action: 'update',
          entity: 'parameter_set',
          entityId: id,
          reason: decision.note || status,
          detail: { status },
        });
        await storeRecordedPayloads(tx);
        const [record] = await readRecords(tx, 'WHERE s.id = $1', [id]);
        if (!record) throw new Error(`parameter set ${id} vanished`);
        return record;
      },
      { isolation: 'serializable' },
    ),
  );
}

/** The approved sets, oldest approval first, in the registry's form. */
export async function loadApprovedParameterSets(db: Queryable): Promise<ApprovedParameterSet[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT s.id, s.domain, to_char(s.valid_from, 'YYYY-MM-DD') AS "validFrom", s.body AS "values",
            to_char(s.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "approvedAt"
     FROM parameter_sets s WHERE s.status = 'goedgekeurd' ORDER BY s.decided_at`,
  );
  return rows.map((row) => {
    const values = domainValues.parse(row);
    return toApprovedParameterSet({
      ...values,
      id: String(row.id),
      validFrom: String(row.validFrom),
      approvedAt: String(row.approvedAt),
    });
  });
}

/** What this process installed last, from which database: another central in the same process (tests) installs its own. */
let installed: { db: Queryable; ids: string } | null = null;

/**
 * Keeps this process's rules on the approved sets in the database: before a command batch, a
 * Loket request or an intake batch, one small query says whether another node approved a set
 * meanwhile; only then are the sets read and installed again.
 */
export async function followApprovedParameterSets(db: Queryable): Promise<void> {
  const [row] = await db.query<{ ids: string | null }>(
    "SELECT string_agg(id, ',' ORDER BY decided_at, id) AS ids FROM parameter_sets WHERE status = 'goedgekeurd'",
  );
  const ids = row?.ids ?? '';
  if (installed?.db === db && installed.ids === ids) return;
  installApprovedParameterSets(await loadApprovedParameterSets(db));
  installed = { db, ids };
}
