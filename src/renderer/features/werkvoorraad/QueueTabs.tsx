import { memo } from 'react';
import { Link } from 'react-router';
import { taskQueues, type TaskQueue } from '../../../shared/domain/taken';
import { formatNumber } from '../../../shared/format';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t } from '../../app/i18n/t';
import { showQueue } from './queue-slice';
import { useTaskCountsQuery } from './taken-api';

/**
 * The queues with their sizes; Ter beoordeling and Conflicten open their own lists. Memoized: the
 * page renders again at every scroll of the grid, the tabs only when their own data changes.
 */
export const QueueTabs = memo(function QueueTabs({ isLead }: { isLead: boolean }) {
  const queue = useAppSelector((state) => state.queue.view.queue);
  const dispatch = useAppDispatch();
  const { data: counts } = useTaskCountsQuery();
  const countOf: Partial<Record<TaskQueue, number>> = {
    mijn_werk: counts?.mijnWerk,
    teamvoorraad: counts?.teamvoorraad,
  };
  return (
    <nav aria-label={t('queue.queues')}>
      <ul className="queue-tabs">
        {taskQueues.map((q) => (
          <li key={q}>
            <button
              type="button"
              aria-current={q === queue ? 'page' : undefined}
              onClick={() => dispatch(showQueue(q))}
            >
              {t(`queue.${q}`)}
              {countOf[q] !== undefined ? <span className="count-badge">{formatNumber(countOf[q] ?? 0)}</span> : null}
            </button>
          </li>
        ))}
        {isLead ? (
          <li>
            <Link to="/teamoverzicht">
              {t('queue.terBeoordeling')}
              <span className="count-badge">{formatNumber(counts?.terBeoordeling ?? 0)}</span>
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/conflicten">
            {t('queue.conflicten')}
            <span className="count-badge">{formatNumber(counts?.conflicten ?? 0)}</span>
          </Link>
        </li>
        <li>
          <Link to="/vorderingen">{t('queue.vorderingen')}</Link>
        </li>
      </ul>
    </nav>
  );
});
