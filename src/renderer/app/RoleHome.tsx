import { Navigate } from 'react-router';
import { useCurrentSessionQuery } from '../features/session/session-api';

/** Where the app opens: the victim-information role has no debtor queues, so it starts at its own. */
export function RoleHome() {
  const role = useCurrentSessionQuery().data?.user?.role;
  return (
    <Navigate to={role === 'medewerker_slachtofferinformatie' ? '/slachtofferinformatie' : '/werkvoorraad'} replace />
  );
}
