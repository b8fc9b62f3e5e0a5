import { t } from '../../app/i18n/t';
import { useRebuildCacheMutation, useSyncStatusQuery } from '../session/session-api';

/**
 * "Cache opnieuw opbouwen": a rare repair (the support desk asks for it), so on this page rather
 * than in the header beside the everyday sync; it asks first, and unsent decisions stay.
 */
export function RebuildCache() {
  const { data } = useSyncStatusQuery();
  const [rebuild, { isLoading, isSuccess }] = useRebuildCacheMutation();
  if (data?.connection !== 'online' && data?.connection !== 'offline') return null;
  return (
    <>
      <h2>{t('over.rebuild.title')}</h2>
      <p>{t('over.rebuild.intro')}</p>
      <button
        type="button"
        disabled={isLoading}
        onClick={() => {
          if (window.confirm(t('sync.rebuildConfirm'))) void rebuild();
        }}
      >
        {t('sync.rebuild')}
      </button>
      {isSuccess ? <p role="status">{t('over.rebuild.done')}</p> : null}
    </>
  );
}
