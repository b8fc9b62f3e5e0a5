import { NavLink, Outlet } from 'react-router';
import { permissions } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/roles';
import { GlobalShortcuts } from '../app/GlobalShortcuts';
import { t, type MessageKey } from '../app/i18n/t';
import { NotificationsButton } from '../features/notifications/NotificationsButton';
import { CacheRecoveryNotice } from '../features/over/CacheRecoveryNotice';
import { StorageFullNotice } from '../features/over/StorageFullNotice';
import { SessionBadge } from '../features/session/SessionBadge';
import { useCurrentSessionQuery } from '../features/session/session-api';
import { SessionExpiredNotice } from '../features/session/SessionExpiredNotice';
import { SyncIndicator } from '../features/session/SyncIndicator';
import { useApprovedParameterSetsQuery } from '../features/parameters/parameters-api';

const caseRoles: readonly Role[] = permissions.workCases.roles;
const workingRoles: readonly Role[] = [...caseRoles, ...permissions.workWithVictims.roles];

/** Each area for the roles that can work in it; the backend refuses the others' reads regardless. */
export const navigationItems: readonly { path: string; label: MessageKey; roles?: readonly Role[] }[] = [
  { path: '/werkvoorraad', label: 'nav.werkvoorraad', roles: workingRoles },
  { path: '/vorderingen', label: 'nav.vorderingen', roles: caseRoles },
  { path: '/betalingsonmacht', label: 'nav.betalingsonmacht', roles: caseRoles },
  { path: '/slachtofferinformatie', label: 'nav.slachtofferinformatie', roles: permissions.workWithVictims.roles },
  { path: '/escalaties', label: 'nav.escalaties', roles: caseRoles },
  { path: '/teamoverzicht', label: 'nav.teamoverzicht', roles: permissions.approveDecisions.roles },
  { path: '/dashboard', label: 'nav.dashboard', roles: permissions.viewTeamDashboard.roles },
  { path: '/conflicten', label: 'nav.conflicten', roles: workingRoles },
  { path: '/auditlog', label: 'nav.auditlog', roles: permissions.readAuditLog.roles },
  { path: '/parameters', label: 'nav.parameters', roles: permissions.manageParameters.roles },
  { path: '/over', label: 'nav.over' },
];

/** The frame around every screen: header with user and sync state, navigation, content. */
export function AppFrame() {
  const role = useCurrentSessionQuery().data?.user?.role;
  // Every signed-in role's screens apply the approved parameter sets (installed as they arrive).
  useApprovedParameterSetsQuery(undefined, { skip: role === undefined });
  const items = navigationItems.filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)));
  return (
    <GlobalShortcuts>
      <div className="app-frame">
        <a className="skip-link" href="#inhoud">
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <div className="app-header__brand">
            <span className="app-header__logo" aria-hidden="true" />
            <span className="app-header__name">{t('app.name')}</span>
          </div>
          <div className="app-header__status">
            <SyncIndicator />
            <NotificationsButton />
            <SessionBadge />
          </div>
        </header>
        <div className="app-body">
          <nav className="app-nav" aria-label={t('app.mainNavigation')}>
            <ul>
              {items.map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} className="app-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <main id="inhoud" className="app-main" tabIndex={-1}>
            <StorageFullNotice />
            <CacheRecoveryNotice />
            <SessionExpiredNotice />
            <Outlet />
          </main>
        </div>
      </div>
    </GlobalShortcuts>
  );
}
