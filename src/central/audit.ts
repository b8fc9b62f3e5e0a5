import type { AuditPage, AuditQuery } from '../shared/api/audit';
import type { Principal } from './auth/access-token';
import type { Queryable } from './db/sql-client';
import { can } from '../shared/domain/permissions';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'login' | 'login_failed' | 'disclose';

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log (who, when, what, why); the table refuses updates and deletes. */
export async function audit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (actor_id, action, entity, entity_id, reason, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      entry.actorId,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.reason ?? null,
      entry.detail ? JSON.stringify(entry.detail) : null,
    ],
  );
}

export class AuditAccessError extends Error {
  constructor() {
    super('Het auditlog is alleen in te zien door functioneel beheerders.');
    this.name = 'AuditAccessError';
  }
}

/**
 * One page of the audit log, newest first, for a functional administrator; the read is itself
 * audited (with its filters), and so is a refused attempt.
 */
export async function readAuditLog(db: Queryable, principal: Principal, filter: AuditQuery): Promise<AuditPage> {
  const filters = { actorId: filter.actorId, entity: filter.entity, action: filter.action, before: filter.before };
  if (!can(principal, 'readAuditLog')) {
    await audit(db, {
      actorId: principal.sub,
      action: 'read',
      entity: 'audit_log',
      reason: 'GEWEIGERD',
      detail: filters,
    });
    throw new AuditAccessError();
  }
  const { limit } = filter;
  const rows = await db.query<{
    id: number;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    action: AuditPage['entries'][number]['action'];
    entity: string;
    entity_id: string | null;
    reason: string | null;
    detail: Record<string, unknown> | null;
  }>(
    `SELECT a.id::bigint AS id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            a.actor_id, u.display_name AS actor_name, a.action, a.entity, a.entity_id, a.reason, a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE ($1::text IS NULL OR a.actor_id = $1) AND ($2::text IS NULL OR a.entity = $2)
       AND ($3::text IS NULL OR a.action = $3) AND ($4::bigint IS NULL OR a.id < $4)
     ORDER BY a.id DESC LIMIT $5`,
    [filter.actorId ?? null, filter.entity ?? null, filter.action ?? null, filter.before ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  await audit(db, {
    actorId: principal.sub,
    action: 'read',
    entity: 'audit_log',
    reason: 'inzage auditlog',
    detail: { ...filters, count: page.length },
  });
  return {
    entries: page.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      reason: r.reason,
      detail: r.detail,
    })),
    nextBefore: rows.length > limit ? Number(page[page.length - 1]?.id) : null,
  };
}
