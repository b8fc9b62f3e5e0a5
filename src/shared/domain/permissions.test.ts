import { describe, expect, it } from 'vitest';
import { can, permissions, refusalOf, type PermissionName } from './permissions';
import { roles } from './roles';

describe('permissions', () => {
  it('give each role exactly what the table says, and nobody signed in nothing', () => {
    const granted = Object.fromEntries(
      roles.map((role) => [role, (Object.keys(permissions) as PermissionName[]).filter((p) => can({ role }, p))]),
    );
    expect(granted).toEqual({
      medewerker_inning: ['workCases'],
      teamleider: [
        'workCases',
        'approveDecisions',
        'assignTasks',
        'actOnOthersWork',
        'viewTeamDashboard',
        'approveVoorschot',
      ],
      medewerker_slachtofferinformatie: ['workWithVictims', 'readVictimContacts', 'proposeVoorschot'],
      functioneel_beheerder: ['manageParameters', 'readAuditLog'],
    });
    expect(can(null, 'workCases')).toBe(false);
    expect(can(undefined, 'readAuditLog')).toBe(false);
  });

  it('say every refusal in Dutch, each its own', () => {
    const refusals = (Object.keys(permissions) as PermissionName[]).map(refusalOf);
    expect(new Set(refusals).size).toBe(refusals.length);
    for (const refusal of refusals) expect(refusal).toMatch(/^[A-Z].*\.$/);
  });
});
