import type { SessionUser } from '../../shared/ipc/contract';

/** Until sign-in against the central API exists, the app runs as this demo worker. */
export const demoLocalUser: SessionUser = {
  id: 'demo-inning-1',
  displayName: 'Sanne de Vries',
  role: 'medewerker_inning',
  teamName: 'Team Inning Leeuwarden',
};

export const demoSeedSize = { persons: 1200, claims: 3000 };
