import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { useCurrentSessionQuery } from '../session/session-api';
import { useVictimTasksQuery } from './slachtoffers-api';
import { TableRegion } from '../../components/TableRegion';
import { can } from '../../../shared/domain/permissions';

/** The victim worker's queue: who to inform about which event, by when; urgent and overdue first. */
export function SlachtofferinformatiePage() {
  const { data: session } = useCurrentSessionQuery();
  const allowed = can(session?.user, 'workWithVictims');
  const { data } = useVictimTasksQuery(undefined, { skip: !allowed });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('slachtoffers.title')}</h1>
      {!allowed ? (
        <p>{t('slachtoffers.onlyRole')}</p>
      ) : (
        <>
          <p>{t('slachtoffers.intro')}</p>
          {data ? <p className="hint">{t('slachtoffers.lateCount', { count: data.lateCount })}</p> : null}
          {data && data.tasks.length === 0 ? <p className="empty-state">{t('slachtoffers.noTasks')}</p> : null}
          {data?.tasks.length ? (
            <TableRegion label={t('slachtoffers.title')}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('slachtoffers.columns.victim')}</th>
                    <th scope="col">{t('slachtoffers.columns.event')}</th>
                    <th scope="col">{t('slachtoffers.columns.eventDate')}</th>
                    <th scope="col">{t('slachtoffers.columns.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.tasks.map((task) => (
                    <tr key={`${task.victimId}-${task.eventId}`}>
                      <td>
                        <Link to={`/slachtofferinformatie/${task.victimId}`}>{task.victimName}</Link>
                      </td>
                      <td>{t(`slachtoffers.events.${task.eventKind}`)}</td>
                      <td>{formatDate(task.eventDate)}</td>
                      <td>
                        {formatDate(task.deadline)}
                        {task.urgent ? (
                          <span className="tag tag--status-afgewezen">{t('slachtoffers.urgent')}</span>
                        ) : null}
                        {task.overdue ? <span className="tag tag--pending">{t('slachtoffers.overdue')}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : null}
        </>
      )}
    </section>
  );
}
