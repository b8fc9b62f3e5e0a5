import { useState } from 'react';
import type { AssignmentOutcome } from '../../../shared/ipc/contract';
import { formatNumber } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { appError } from '../../api/errors';
import { useAssignPreviewMutation, useAssignTasksMutation, useTeamMembersQuery } from './taken-api';
import { can } from '../../../shared/domain/permissions';

const chunkSize = 20;

/**
 * The team lead's bulk reassignment: choose a colleague, see per task what will happen, run it in
 * chunks with progress, read which tasks failed and why, and undo what went through.
 */
export function BulkAssignPanel({ taskIds, onDone }: { taskIds: readonly string[]; onDone: () => void }) {
  const { data: team } = useTeamMembersQuery();
  const [assignee, setAssignee] = useState('');
  const [preview, previewState] = useAssignPreviewMutation();
  const [assign] = useAssignTasksMutation();
  const [planned, setPlanned] = useState<AssignmentOutcome[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<AssignmentOutcome[] | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const assigneeId = assignee === '' ? null : assignee;
  const workers = team?.members.filter((m) => can(m, 'workCases')) ?? [];
  const nameOf = (id: string | null) =>
    id ? (workers.find((w) => w.id === id)?.displayName ?? id) : t('queue.unassigned');

  const runAll = async (assignments: { taskId: string; assigneeId: string | null }[]) => {
    const outcomes: AssignmentOutcome[] = [];
    const known = new Map([...(planned ?? []), ...(report ?? [])].map((o) => [o.taskId, o]));
    setProgress({ done: 0, total: assignments.length });
    for (let i = 0; i < assignments.length; i += chunkSize) {
      const chunk = assignments.slice(i, i + chunkSize);
      const result = await assign({ assignments: chunk });
      if ('data' in result && result.data) outcomes.push(...result.data.outcomes);
      else {
        // A chunk the backend refused as a whole: every task in it is reported, none left out.
        const reason = appError(result.error)?.message ?? t('bulk.chunkFailed');
        for (const { taskId } of chunk)
          outcomes.push({
            taskId,
            personName: known.get(taskId)?.personName ?? taskId,
            ok: false,
            reason,
            previousAssigneeId: null,
            previousAssigneeName: null,
          });
      }
      setProgress({ done: Math.min(assignments.length, i + chunkSize), total: assignments.length });
    }
    setProgress(null);
    return outcomes;
  };

  const failed = report?.filter((o) => !o.ok) ?? [];
  const succeeded = report?.filter((o) => o.ok) ?? [];
  return (
    <section className="panel" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t('bulk.title')}</h2>
      <p>{t('bulk.intro', { count: formatNumber(taskIds.length) })}</p>
      {report === null ? (
        <div className="queue-actions">
          <label className="field">
            <span className="field__label">{t('bulk.assignee')}</span>
            <select
              value={assignee}
              onChange={(e) => {
                setAssignee(e.target.value);
                setPlanned(null);
              }}
            >
              <option value="">{t('bulk.backToTeam')}</option>
              {workers.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.displayName}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={previewState.isLoading}
            onClick={() =>
              void preview({ taskIds: [...taskIds], assigneeId }).then((r) => {
                if ('data' in r && r.data) setPlanned(r.data.outcomes);
              })
            }
          >
            {t('bulk.preview')}
          </button>
          {planned ? (
            <button
              type="button"
              className="button--primary"
              disabled={progress !== null}
              onClick={() =>
                void runAll(planned.map((o) => ({ taskId: o.taskId, assigneeId }))).then((outcomes) =>
                  setReport(outcomes),
                )
              }
            >
              {t('bulk.run')}
            </button>
          ) : null}
          <button type="button" onClick={onDone}>
            {t('queue.cancel')}
          </button>
        </div>
      ) : null}

      {progress ? (
        <p>
          <progress max={progress.total} value={progress.done} aria-label={t('bulk.progress')} />{' '}
          {t('bulk.running', { done: progress.done, total: progress.total })}
        </p>
      ) : null}

      {planned && report === null ? (
        <>
          <h3>{t('bulk.previewTitle')}</h3>
          <ul aria-label={t('bulk.previewTitle')}>
            {planned.map((o) => (
              <li key={o.taskId}>
                <strong>{o.personName}</strong>{' '}
                {o.ok
                  ? t('bulk.willMove', { from: nameOf(o.previousAssigneeId), to: nameOf(assigneeId) })
                  : t('bulk.cannot', { reason: o.reason ?? '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {report ? (
        <div role="status">
          <p>
            <strong>{t('bulk.report', { ok: succeeded.length, failed: failed.length })}</strong>
          </p>
          {failed.length ? (
            <>
              <h3>{t('bulk.failedTitle')}</h3>
              <ul>
                {failed.map((o) => (
                  <li key={o.taskId}>
                    <strong>{o.personName}</strong>: {o.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {undone !== null ? <p>{t('bulk.undone', { count: undone })}</p> : null}
          <div className="queue-actions">
            {succeeded.length && undone === null ? (
              <button
                type="button"
                disabled={progress !== null}
                onClick={() =>
                  void runAll(succeeded.map((o) => ({ taskId: o.taskId, assigneeId: o.previousAssigneeId }))).then(
                    (outcomes) => setUndone(outcomes.filter((o) => o.ok).length),
                  )
                }
              >
                {t('bulk.undo')}
              </button>
            ) : null}
            <button type="button" onClick={onDone}>
              {t('bulk.close')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
