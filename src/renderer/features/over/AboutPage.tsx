import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { QueryGate } from '../../components/QueryGate';
import { downloadBlob } from '../../components/download-file';
import { useAppInfoQuery, useExportDiagnosticsMutation } from './app-info-api';
import { recoveryText } from './recovery-text';
import { RebuildCache } from './RebuildCache';

/** "Over deze app": the version for the support desk, what happened at start, and the diagnostic export. */
export function AboutPage() {
  const info = useAppInfoQuery();
  const [exportDiagnostics, exported] = useExportDiagnosticsMutation();
  const failure = appError(exported.error);

  const onExport = async () => {
    const result = await exportDiagnostics()
      .unwrap()
      .catch(() => undefined);
    if (result) downloadBlob(result.fileName, new Blob([result.json], { type: 'application/json' }));
  };

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('over.title')}</h1>
      <QueryGate data={info.data} error={info.error}>
        {(data) => (
          <>
            <dl className="details">
              <dt>{t('over.version')}</dt>
              <dd>{data.appVersion}</dd>
              <dt>{t('over.schemaVersion')}</dt>
              <dd>{data.schemaVersion}</dd>
            </dl>
            {data.cacheRecovery ? (
              <div className="alert alert--info">
                <h2>{t('over.recovery.title')}</h2>
                <p>{recoveryText(data.cacheRecovery)}</p>
                <p>{t('over.recovery.keptAs', { file: data.cacheRecovery.keptAs })}</p>
              </div>
            ) : null}
          </>
        )}
      </QueryGate>
      <h2>{t('over.diagnostics.title')}</h2>
      <p>{t('over.diagnostics.intro')}</p>
      <button type="button" className="button--primary" onClick={() => void onExport()} disabled={exported.isLoading}>
        {exported.isLoading ? t('over.diagnostics.busy') : t('over.diagnostics.export')}
      </button>
      {exported.isSuccess ? <p role="status">{t('over.diagnostics.done', { file: exported.data.fileName })}</p> : null}
      {failure ? (
        <div className="alert alert--error" role="alert">
          {failure.message}
        </div>
      ) : null}
      <RebuildCache />
    </section>
  );
}
