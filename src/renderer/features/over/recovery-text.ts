import type { ResponseOf } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';

type Recovery = NonNullable<ResponseOf<'app.info'>['cacheRecovery']>;

/** What the worker is told about a rebuilt cache: whether their unsent decisions came through. */
export function recoveryText(recovery: Recovery): string {
  const kept =
    recovery.commandsKept > 0
      ? t('over.recovery.kept', { count: recovery.commandsKept })
      : recovery.commandsUnreadable
        ? t('over.recovery.unreadable')
        : t('over.recovery.noneWaiting');
  const partly =
    recovery.commandsKept > 0 && recovery.commandsUnreadable ? ` ${t('over.recovery.partlyUnreadable')}` : '';
  return `${t('over.recovery.notice')} ${kept}${partly}`;
}
