import type { SessionUser } from '../../shared/ipc/contract';

/** The worker the app runs as when no central API is configured (local demo mode, component tests). */
export const demoLocalUser: SessionUser = {
  id: 'demo-inning-1',
  displayName: 'Sanne de Vries',
  role: 'medewerker_inning',
  teamName: 'Team Inning Leeuwarden',
};
