import { useState, type FormEvent } from 'react';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { FormField } from '../../components/FormField';
import { useSyncNowMutation, useSyncStatusQuery, useUnlockMutation } from './session-api';

/**
 * The session ran out by time while the worker was busy: they keep working on the cache (their
 * decisions wait in the outbox), and sign in again here, when it suits them, to send what waits.
 */
export function SessionExpiredNotice() {
  const { data } = useSyncStatusQuery();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [renewed, setRenewed] = useState(false);
  const [unlock, { isLoading, error }] = useUnlockMutation();
  const [syncNow] = useSyncNowMutation();
  const failure = appError(error);

  if (data?.connection !== 'session_expired') {
    return renewed ? (
      <div className="alert alert--info session-expired" role="status">
        {t('sessionExpired.done')}
      </div>
    ) : null;
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await unlock({ password });
    if (!('data' in result)) return;
    setPassword('');
    setOpen(false);
    setRenewed(true);
    void syncNow();
  };
  return (
    <section className="alert alert--warning session-expired" aria-labelledby="session-expired-title">
      <h2 id="session-expired-title" className="session-expired__title">
        {t('sessionExpired.title')}
      </h2>
      <p>
        {t('sessionExpired.intro')}
        {data.pendingCommands === 1
          ? ` ${t('sync.pendingOne')}.`
          : data.pendingCommands > 1
            ? ` ${t('sync.pending', { count: data.pendingCommands })}.`
            : ''}
      </p>
      {open ? (
        <form className="session-expired__form" onSubmit={(e) => void submit(e)} noValidate>
          {failure && !failure.issues ? (
            <div className="alert alert--error" role="alert">
              {failure.message}
            </div>
          ) : null}
          <FormField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failure?.issues?.password}
          />
          <button type="submit" className="button--primary" disabled={isLoading}>
            {t('sessionExpired.submit')}
          </button>
        </form>
      ) : (
        <button type="button" className="button--primary" onClick={() => setOpen(true)}>
          {t('sessionExpired.open')}
        </button>
      )}
    </section>
  );
}
