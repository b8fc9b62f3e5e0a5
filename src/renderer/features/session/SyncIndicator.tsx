import { formatDateTime, formatNumber } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { useSyncNowMutation, useSyncStatusQuery } from './session-api';

/** The sync state; the backend sends each new one (backend-events.ts), so nothing here polls. */
export function SyncIndicator() {
  const { data } = useSyncStatusQuery();
  const [syncNow, { isLoading: syncing }] = useSyncNowMutation();
  if (!data) return null;
  const canSync = data.connection === 'online' || data.connection === 'offline';
  return (
    <div className="sync-indicator-group">
      <div className={`sync-indicator sync-indicator--${data.connection}`} role="status" aria-label={t('sync.label')}>
        <span className="sync-indicator__dot" aria-hidden="true" />
        <span>{t(`sync.${data.connection}`)}</span>
        <span className="sync-indicator__meta">
          {data.pendingCommands === 1
            ? t('sync.pendingOne')
            : data.pendingCommands > 0
              ? t('sync.pending', { count: data.pendingCommands })
              : t('sync.noPending')}
          {' · '}
          {data.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(data.lastSyncAt) }) : t('sync.neverSynced')}
        </span>
        {data.progress ? (
          <span className="sync-indicator__progress">
            <progress max={data.progress.total} value={data.progress.done} aria-label={t('sync.label')} />
            {t('sync.progress', { done: formatNumber(data.progress.done), total: formatNumber(data.progress.total) })}
          </span>
        ) : null}
        {/* A lapsed session is explained by the notice above the work, not twice. */}
        {data.error && data.connection !== 'session_expired' ? (
          <span className="sync-indicator__error">{data.error}</span>
        ) : null}
      </div>
      {canSync ? (
        <div className="sync-indicator__actions">
          <button type="button" className="button--header" disabled={syncing} onClick={() => void syncNow()}>
            {t('sync.syncNow')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
