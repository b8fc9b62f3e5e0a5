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

/**
 * Victims, their offenders' detention events, notifications and compensation: the victim-information
 * role, and the team lead of the team that holds them (who approves voorschotten). Victims belong to
 * the victim team only, so a team lead of an inning team sees none. Contact data stays with the role.
 */
export function victimTeams(principal: Principal): string[] {
  return principal.role === 'medewerker_slachtofferinformatie' || principal.role === 'teamleider'
    ? [principal.team]
    : [];
}

/** The feed's "team" of what every principal receives: approved parameter sets. */
export const everyoneTeam = '*';

/** Every team whose changes the principal pulls. */
export function feedTeams(principal: Principal): string[] {
  return [...new Set([...caseTeams(principal), ...victimTeams(principal), everyoneTeam])];
}

/** Parameter sets are entered and approved by functional administrators (a second one approves). */
export function canManageParameters(principal: Principal): boolean {
  return principal.role === 'functioneel_beheerder';
}

export function canReadVictimContacts(principal: Principal): boolean {
  return principal.role === 'medewerker_slachtofferinformatie';
}

export function canWriteCaseNotes(principal: Principal): boolean {
  return rolesWithCaseAccess.includes(principal.role);
}

/** The audit log (who read or changed what, and why) is for functional administrators only. */
export function canReadAuditLog(principal: Principal): boolean {
  return principal.role === 'functioneel_beheerder';
}
