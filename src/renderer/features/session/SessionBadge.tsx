import { t } from '../../app/i18n/t';
import { useCurrentSessionQuery } from './session-api';

export function SessionBadge() {
  const { data } = useCurrentSessionQuery();
  const user = data?.user;
  if (!user) return <span className="session-badge">{t('header.notSignedIn')}</span>;
  return (
    <span className="session-badge">
      <span className="visually-hidden">{t('header.signedInAs')} </span>
      <span className="session-badge__name">{user.displayName}</span>
      <span className="session-badge__meta">
        {t(`role.${user.role}`)} · {user.teamName}
      </span>
    </span>
  );
}
