import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { FormField } from '../../components/FormField';
import { useLockSessionMutation, useUnlockMutation } from './session-api';

export const idleLockMs = 15 * 60 * 1000;
const activityEvents = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;

/**
 * Locks the screen after 15 minutes without input; only the user's password unlocks it. The lock is
 * held by the backend (session.lock): until the password is given it answers nothing else, and a
 * reload starts locked again (`initiallyLocked`, from session.current).
 */
export function IdleLock({
  children,
  timeoutMs = idleLockMs,
  initiallyLocked = false,
}: {
  children: ReactNode;
  timeoutMs?: number;
  initiallyLocked?: boolean;
}) {
  const [locked, setLocked] = useState(initiallyLocked);
  const [lockSession] = useLockSessionMutation();

  useEffect(() => {
    if (locked) return;
    const lockNow = () => {
      setLocked(true);
      void lockSession();
    };
    let timer = window.setTimeout(lockNow, timeoutMs);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lockNow, timeoutMs);
    };
    for (const name of activityEvents) window.addEventListener(name, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, reset);
    };
  }, [locked, timeoutMs, lockSession]);

  // While locked, the case data is not rendered at all, so nothing stays readable behind the lock.
  return locked ? <LockScreen onUnlocked={() => setLocked(false)} /> : <>{children}</>;
}

function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const [unlock, { isLoading, error }] = useUnlockMutation();
  const [password, setPassword] = useState('');
  const failure = appError(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await unlock({ password });
    if ('data' in result) onUnlocked();
  };
  return (
    <main className="login" id="inhoud">
      <div className="login__panel">
        <h1>{t('lock.title')}</h1>
        <p>{t('lock.intro')}</p>
        {failure && !failure.issues ? (
          <div className="alert alert--error" role="alert">
            {failure.message}
          </div>
        ) : null}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failure?.issues?.password}
          />
          <button type="submit" className="button--primary" disabled={isLoading}>
            {t('lock.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
