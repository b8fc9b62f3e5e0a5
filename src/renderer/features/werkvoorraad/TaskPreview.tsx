import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { TaskRow } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { ClaimDetails } from '../../components/ClaimDetails';
import { useClaimQuery, useNotesQuery } from '../claims/claims-api';
import { taskRoute } from './task-route';

/**
 * The task under the keyboard cursor, beside the queue on a wide screen: enough to decide what to
 * do with it (the claim, who has it, the latest note) while j/k go on through the list; Enter or
 * "Openen" opens the task's own screen.
 */
export function TaskPreview({ task }: { task: TaskRow | undefined }) {
  const claimId = task?.claimId ?? null;
  const { data: claim } = useClaimQuery(claimId ?? '', { skip: claimId === null });
  const { data: notes } = useNotesQuery(claimId ?? '', { skip: claimId === null });
  if (!task) return <p className="empty-state">{t('queue.preview.none')}</p>;
  const latest = notes?.notes[0];
  return (
    <>
      <h2 id="task-preview-title" className="task-preview__title">
        {task.personName}
      </h2>
      <p className="task-preview__task">
        {t(`taskKind.${task.kind}`)}
        {task.priority === 'urgent' ? <strong className="urgency--te_laat"> · {t('queue.urgent')}</strong> : null}
        {' · '}
        {t('queue.preview.due', { date: formatDate(task.dueDate) })}
        {' · '}
        {task.assigneeName ?? t('queue.unassigned')}
      </p>
      <p>
        <Link className="button-link" to={taskRoute(task)}>
          {t('queue.open')} <kbd aria-hidden="true">{t('queue.enterKey')}</kbd>
        </Link>{' '}
        <Link to={`/personen/${task.personId}`}>{t('queue.preview.person')}</Link>
      </p>
      {claim && claim.id === claimId ? <ClaimDetails claim={claim} /> : null}
      {latest ? (
        <section aria-label={t('queue.preview.latestNote')}>
          <h3 className="task-preview__subtitle">{t('queue.preview.latestNote')}</h3>
          <p className="note__meta">
            {latest.authorName} · {formatDateTime(latest.createdAt)}
          </p>
          <p className="note__text">{latest.text}</p>
        </section>
      ) : null}
    </>
  );
}
