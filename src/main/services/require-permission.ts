import { can, refusalOf, type PermissionName } from '../../shared/domain/permissions';
import type { SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';

/** Refuses, with the permission's Dutch sentence, a user whose role may not do this. */
export function requirePermission(user: SessionUser, permission: PermissionName): void {
  if (!can(user, permission)) throw new AppError('forbidden', refusalOf(permission));
}
