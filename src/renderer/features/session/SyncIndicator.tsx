import { formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { useSyncStatusQuery } from './session-api';

const pollMs = 5000;

export function SyncIndicator() {
  const { data } = useSyncStatusQuery(undefined, { pollingInterval: pollMs });
  if (!data) return null;
  return (
    <div className={`sync-indicator sync-indicator--${data.connection}`} role="status" aria-label={t('sync.label')}>
      <span className="sync-indicator__dot" aria-hidden="true" />
      <span>{t(`sync.${data.connection}`)}</span>
      <span className="sync-indicator__meta">
        {data.pendingCommands > 0 ? t('sync.pending', { count: data.pendingCommands }) : t('sync.noPending')}
        {' · '}
        {data.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(data.lastSyncAt) }) : t('sync.neverSynced')}
      </span>
      {data.progress && <progress max={data.progress.total} value={data.progress.done} />}
      {data.error && <span className="sync-indicator__error">{data.error}</span>}
    </div>
  );
}
