import type { Queryable } from './db/sql-client';

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
