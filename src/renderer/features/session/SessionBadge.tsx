import { t } from '../../app/i18n/t';
import { useCurrentSessionQuery, useLogoutMutation } from './session-api';

export function SessionBadge() {
  const { data } = useCurrentSessionQuery();
  const [logout] = useLogoutMutation();
  const user = data?.user;
  if (!user) return <span className="session-badge">{t('header.notSignedIn')}</span>;
  return (
    <div className="session">
      <span className="session-badge">
        <span className="visually-hidden">{t('header.signedInAs')} </span>
        <span className="session-badge__name">{user.displayName}</span>
        <span className="session-badge__meta">
          {t(`role.${user.role}`)} · {user.teamName}
        </span>
      </span>
      {data.centralConfigured ? (
        <button type="button" className="button--header" onClick={() => void logout()}>
          {t('header.logout')}
        </button>
      ) : null}
    </div>
  );
}
