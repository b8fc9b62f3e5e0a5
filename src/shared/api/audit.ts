import { z } from 'zod';
import { text } from '../validation/text';

/** The audit log as a functional administrator reads it: newest first, filtered, one page at a time. */
export const auditActions = ['read', 'create', 'update', 'delete', 'login', 'login_failed', 'disclose'] as const;

export const auditFilter = z
  .object({
    actorId: text().trim().min(1).max(100).optional(),
    entity: text().trim().min(1).max(60).optional(),
    action: z.enum(auditActions).optional(),
    /** Entries older than this id (the previous page's `nextBefore`). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditFilter = z.input<typeof auditFilter>;
export type AuditQuery = z.output<typeof auditFilter>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorId: text().nullable(),
  actorName: text().nullable(),
  action: z.enum(auditActions),
  entity: text(),
  entityId: text().nullable(),
  reason: text().nullable(),
  detail: z.record(text(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next, older page; null when this was the oldest. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
