import type { ReactNode } from 'react';
import { t } from '../../app/i18n/t';
import { IdleLock } from './IdleLock';
import { LoginPage } from './LoginPage';
import { useCurrentSessionQuery } from './session-api';

/** Nothing of the case data renders until someone is signed in. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { data, isLoading } = useCurrentSessionQuery();
  if (isLoading || !data) return <p className="app-loading">{t('app.loading')}</p>;
  if (data.centralConfigured && !data.user) return <LoginPage />;
  return data.centralConfigured ? <IdleLock initiallyLocked={data.locked}>{children}</IdleLock> : <>{children}</>;
}
