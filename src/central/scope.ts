import type { Role } from '../shared/domain/roles';
import type { Principal } from './auth/access-token';

/**
 * Least privilege: which teams' debtor cases a principal may see. Case workers (inning) and team
 * leads see their own team; the victim-information role and functional administrators see no
 * debtor cases through the case feed (victim data gets its own compartment).
 */
const rolesWithCaseAccess: readonly Role[] = ['medewerker_inning', 'teamleider'];

export function caseTeams(principal: Principal): string[] {
  return rolesWithCaseAccess.includes(principal.role) ? [principal.team] : [];
}

export function canWriteCaseNotes(principal: Principal): boolean {
  return rolesWithCaseAccess.includes(principal.role);
}
