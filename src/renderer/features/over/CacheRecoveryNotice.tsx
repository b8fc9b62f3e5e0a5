import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { t } from '../../app/i18n/t';
import { useAppInfoQuery } from './app-info-api';
import { recoveryText } from './recovery-text';

/** Shown above every screen after a start that found the cache damaged and rebuilt it, until closed. */
export function CacheRecoveryNotice() {
  const recovery = useAppInfoQuery().data?.cacheRecovery;
  const [dismissed, setDismissed] = useState(false);
  const onAboutPage = useLocation().pathname === '/over'; // that page tells the whole story itself
  if (!recovery || dismissed || onAboutPage) return null;
  return (
    <div className="alert alert--info app-notice" role="status">
      <p>
        {recoveryText(recovery)} <Link to="/over">{t('over.recovery.more')}</Link>
      </p>
      <button type="button" className="button--small" onClick={() => setDismissed(true)}>
        {t('over.recovery.dismiss')}
      </button>
    </div>
  );
}
