import { NavLink, Outlet } from 'react-router';
import { t, type MessageKey } from '../app/i18n/t';
import { SessionBadge } from '../features/session/SessionBadge';
import { SyncIndicator } from '../features/session/SyncIndicator';

export const navigationItems: readonly { path: string; label: MessageKey }[] = [
  { path: '/werkvoorraad', label: 'nav.werkvoorraad' },
  { path: '/betalingsonmacht', label: 'nav.betalingsonmacht' },
  { path: '/slachtofferinformatie', label: 'nav.slachtofferinformatie' },
  { path: '/escalaties', label: 'nav.escalaties' },
  { path: '/teamoverzicht', label: 'nav.teamoverzicht' },
  { path: '/conflicten', label: 'nav.conflicten' },
];

/** The frame around every screen: header with user and sync state, navigation, content. */
export function AppFrame() {
  return (
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
          <SessionBadge />
        </div>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('app.mainNavigation')}>
          <ul>
            {navigationItems.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} className="app-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="inhoud" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
