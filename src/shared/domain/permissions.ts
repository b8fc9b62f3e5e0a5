import type { Role } from './roles';

/**
 * Who may do what, written once: the renderer asks it what to show, the desktop backend before it
 * saves, the central API before it applies a command. Each permission carries the Dutch sentence
 * a refusal gives, so the desktop and the server say the same thing. Data scoping (which team's
 * rows) is the central's `scope.ts`; this is about the role.
 */
export interface Permission {
  roles: readonly Role[];
  refusal: string;
}

const caseRoles = ['medewerker_inning', 'teamleider'] as const satisfies readonly Role[];

export const permissions = {
  /** Debtor cases: claims, notes, assessments, escalations, persons. */
  workCases: {
    roles: caseRoles,
    refusal: 'Alleen medewerkers inning en teamleiders werken aan vorderingen.',
  },
  /** The second pair of eyes on heavy decisions (arrangements, escalation steps, waivers). */
  approveDecisions: { roles: ['teamleider'], refusal: 'Alleen een teamleider kan besluiten goedkeuren.' },
  /** Give a task to someone, or take one back from them. */
  assignTasks: { roles: ['teamleider'], refusal: 'Alleen een teamleider kan taken toewijzen.' },
  /** Release, complete or delete what someone else holds (their task, their saved view). */
  actOnOthersWork: { roles: ['teamleider'], refusal: 'Alleen wie het werk heeft of de teamleider kan dit doen.' },
  viewTeamDashboard: { roles: ['teamleider'], refusal: 'Het dashboard is er voor teamleiders.' },
  /** Inform and consult victims: notifications, wishes, preferences, letters. */
  workWithVictims: {
    roles: ['medewerker_slachtofferinformatie'],
    refusal: 'Alleen medewerkers slachtofferinformatie werken met gegevens van slachtoffers.',
  },
  readVictimContacts: {
    roles: ['medewerker_slachtofferinformatie'],
    refusal: 'Contactgegevens van slachtoffers zijn alleen voor medewerkers slachtofferinformatie.',
  },
  proposeVoorschot: {
    roles: ['medewerker_slachtofferinformatie'],
    refusal: 'Alleen een medewerker slachtofferinformatie stelt een voorschot voor.',
  },
  approveVoorschot: { roles: ['teamleider'], refusal: 'Alleen een teamleider keurt een voorschot goed.' },
  manageParameters: {
    roles: ['functioneel_beheerder'],
    refusal: 'Parametersets worden beheerd door functioneel beheerders.',
  },
  readAuditLog: {
    roles: ['functioneel_beheerder'],
    refusal: 'Het auditlog is alleen in te zien door functioneel beheerders.',
  },
} as const satisfies Record<string, Permission>;

export type PermissionName = keyof typeof permissions;

/** Whether someone with this role may; nobody signed in may nothing. */
export function can(who: { role: Role } | null | undefined, permission: PermissionName): boolean {
  return who !== null && who !== undefined && (permissions[permission].roles as readonly Role[]).includes(who.role);
}

/** The Dutch sentence of a refusal for `permission`. */
export function refusalOf(permission: PermissionName): string {
  return permissions[permission].refusal;
}
