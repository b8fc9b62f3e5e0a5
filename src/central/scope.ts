import { can } from '../shared/domain/permissions';
import type { Principal } from './auth/access-token';

/**
 * Least privilege: which teams' debtor cases a principal may see. Case workers (inning) and team
 * leads see their own team; the victim-information role and functional administrators see no
 * debtor cases through the case feed (victim data gets its own compartment).
 */
export function caseTeams(principal: Principal): string[] {
  return can(principal, 'workCases') ? [principal.team] : [];
}

/**
 * Victims, their offenders' detention events, notifications and compensation: the victim-information
 * role, and the team lead of the team that holds them (who approves voorschotten). Victims belong to
 * the victim team only, so a team lead of an inning team sees none. Contact data stays with the role.
 */
export function victimTeams(principal: Principal): string[] {
  return can(principal, 'workWithVictims') || can(principal, 'approveVoorschot') ? [principal.team] : [];
}

/** The feed's "team" of what every principal receives: approved parameter sets. */
export const everyoneTeam = '*';

/** Every team whose changes the principal pulls. */
export function feedTeams(principal: Principal): string[] {
  return [...new Set([...caseTeams(principal), ...victimTeams(principal), everyoneTeam])];
}
