import { t } from '../../app/i18n/t';
import { useSyncStatusQuery } from '../session/session-api';
import { useAppInfoQuery } from './app-info-api';

/**
 * Above every screen while the app runs on a full disk (opened for reading, open-cache.ts): not
 * to be closed, since every save fails until there is room and the app has started again.
 */
export function StorageFullNotice() {
  const storageFull = useAppInfoQuery().data?.storageFull ?? false;
  const pending = useSyncStatusQuery(undefined, { skip: !storageFull }).data?.pendingCommands ?? 0;
  if (!storageFull) return null;
  return (
    <section className="alert alert--error" role="alert" aria-labelledby="schijf-vol-titel">
      <h2 id="schijf-vol-titel" className="alert__title">
        {t('over.storageFull.title')}
      </h2>
      <p>
        {t('over.storageFull.notice')}
        {pending === 1 ? ` ${t('over.storageFull.waitingOne')}` : ''}
        {pending > 1 ? ` ${t('over.storageFull.waiting', { count: pending })}` : ''} {t('over.storageFull.action')}
      </p>
    </section>
  );
}
