import { Navigate } from 'react-router';
import { useCurrentSessionQuery } from '../features/session/session-api';

/** Where the app opens: roles without debtor queues (victim information, functional administration) start at their own. */
export function RoleHome() {
  const role = useCurrentSessionQuery().data?.user?.role;
  const home =
    role === 'medewerker_slachtofferinformatie'
      ? '/slachtofferinformatie'
      : role === 'functioneel_beheerder'
        ? '/auditlog'
        : '/werkvoorraad';
  return <Navigate to={home} replace />;
}
