import type { SerializedError } from '@reduxjs/toolkit';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/ipc/result';
import { t } from '../app/i18n/t';
import { appError } from '../api/errors';

/** What a screen shows before its data is there: the Dutch error, or a loading line, then the screen. */
export function QueryGate<T>({
  data,
  error,
  children,
}: {
  data: T | undefined;
  error: AppErrorShape | SerializedError | undefined;
  children: (data: T) => ReactNode;
}) {
  const failure = appError(error);
  if (failure) {
    return (
      <div className="alert alert--error" role="alert">
        {failure.message}
      </div>
    );
  }
  if (data === undefined) return <p>{t('app.loading')}</p>;
  return <>{children(data)}</>;
}
