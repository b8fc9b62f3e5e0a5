import type { ClaimKind, ClaimPhase } from '../../../shared/domain/claims';
import type { ClaimDetail, ClaimRow } from '../../../shared/ipc/contract';
import type { Database } from '../connection';
import { ftsPrefixQuery } from '../full-text';
import { emptySql, sql, sqlJoin, sqlOrderBy, type SqlQuery } from '../sql';

export interface ClaimRecord {
  id: string;
  personId: string;
  kind: ClaimKind;
  phase: ClaimPhase;
  reference: string;
  originalCents: number;
  outstandingCents: number;
  administratiekostenCents: number;
  dueDate: string;
  version: number;
}

export type ClaimSortKey = 'dueDate' | 'outstanding' | 'personName' | 'kind' | 'phase';

export interface ClaimPageQuery {
  sort: ClaimSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  kind?: ClaimKind | undefined;
  phase?: ClaimPhase | undefined;
  search?: string | undefined;
}

// Whitelisted ORDER BY columns, each served by an index of migration 0120 except the person's
// name; the rowid (the last column of every index entry) breaks ties so paging is stable. Kind and
// phase sort by due date within.
const orderColumns: Record<ClaimSortKey, readonly string[]> = {
  dueDate: ['c.due_date'],
  outstanding: ['c.outstanding_cents'],
  personName: ['p.display_name'],
  kind: ['c.kind', 'c.due_date'],
  phase: ['c.phase', 'c.due_date'],
};

const upsertClaim = sql`
  INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents,
                      administratiekosten_cents, due_date, version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET
    person_id = excluded.person_id, kind = excluded.kind, phase = excluded.phase, reference = excluded.reference,
    original_cents = excluded.original_cents, outstanding_cents = excluded.outstanding_cents,
    administratiekosten_cents = excluded.administratiekosten_cents, due_date = excluded.due_date,
    version = excluded.version`;

export class ClaimsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts or replaces claims; call inside a transaction for bulk loads. */
  upsertMany(claims: readonly ClaimRecord[]): void {
    this.db.runMany(
      upsertClaim,
      claims.map((c) => [
        c.id,
        c.personId,
        c.kind,
        c.phase,
        c.reference,
        c.originalCents,
        c.outstandingCents,
        c.administratiekostenCents,
        c.dueDate,
        c.version,
      ]),
    );
  }

  listPage(query: ClaimPageQuery): { rows: ClaimRow[]; total: number } {
    const statements = this.pageQueries(query);
    const rows = this.db.all<ClaimRow>(statements.rows);
    const total = this.db.get<{ n: number }>(statements.count)?.n ?? 0;
    return { rows, total };
  }

  /** Every claim on a filter, in one order (worklists that rank or count in the service). */
  listMatching(query: Omit<ClaimPageQuery, 'offset' | 'limit'>): ClaimRow[] {
    // LIMIT -1: no limit in SQLite.
    return this.db.all<ClaimRow>(this.pageQueries({ ...query, offset: 0, limit: -1 }).rows);
  }

  /** The statements behind `listPage`, on one filter (the plan of `rows` is tested with migration 0120). */
  pageQueries(query: ClaimPageQuery): { rows: SqlQuery; count: SqlQuery } {
    const where = this.whereClause(query);
    const order = sqlOrderBy(orderColumns[query.sort], 'c.rowid', query.direction);
    return {
      rows: sql`
        SELECT c.id, c.person_id AS personId, p.display_name AS personName, c.kind, c.phase, c.reference,
               c.original_cents AS originalCents, c.outstanding_cents AS outstandingCents,
               c.administratiekosten_cents AS administratiekostenCents, c.due_date AS dueDate
        FROM claims c JOIN persons p ON p.id = c.person_id
        ${where}
        ORDER BY ${order}
        LIMIT ${query.limit} OFFSET ${query.offset}`,
      count: sql`SELECT count(*) AS n FROM claims c ${where}`,
    };
  }

  get(id: string): ClaimDetail | undefined {
    return this.db.get<ClaimDetail>(sql`
      SELECT c.id, c.person_id AS personId, coalesce(p.display_name, '') AS personName, c.kind, c.phase, c.reference,
             c.original_cents AS originalCents, c.outstanding_cents AS outstandingCents,
             c.administratiekosten_cents AS administratiekostenCents, c.due_date AS dueDate,
             coalesce(p.bsn, '') AS bsn, coalesce(p.city, '') AS city, c.version
      FROM claims c LEFT JOIN persons p ON p.id = c.person_id WHERE c.id = ${id}`);
  }

  forPerson(personId: string): ClaimRow[] {
    return this.db.all<ClaimRow>(sql`
      SELECT c.id, c.person_id AS personId, coalesce(p.display_name, '') AS personName, c.kind, c.phase, c.reference,
             c.original_cents AS originalCents, c.outstanding_cents AS outstandingCents,
             c.administratiekosten_cents AS administratiekostenCents, c.due_date AS dueDate
      FROM claims c LEFT JOIN persons p ON p.id = c.person_id
      WHERE c.person_id = ${personId} ORDER BY c.due_date, c.id`);
  }

  /** What a person owes CJIB in open claims (partner claims left out). */
  openTotalForPerson(personId: string): number {
    return (
      this.db.get<{ total: number | null }>(sql`
        SELECT sum(outstanding_cents) AS total FROM claims
        WHERE person_id = ${personId} AND kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel')`)
        ?.total ?? 0
    );
  }

  count(): number {
    return this.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM claims`)?.n ?? 0;
  }

  private whereClause(query: Pick<ClaimPageQuery, 'kind' | 'phase' | 'search'>) {
    const match = ftsPrefixQuery(query.search ?? '');
    const conditions = [
      query.kind ? sql`c.kind = ${query.kind}` : null,
      query.phase ? sql`c.phase = ${query.phase}` : null,
      match
        ? sql`(c.person_id IN (SELECT id FROM persons WHERE rowid IN
                 (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ${match}))
               OR c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ${match}))`
        : null,
    ].filter((c) => c !== null);
    return conditions.length ? sql`WHERE ${sqlJoin(conditions, ' AND ')}` : emptySql;
  }
}
