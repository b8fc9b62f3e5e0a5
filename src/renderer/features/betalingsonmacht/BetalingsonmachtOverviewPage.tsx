import { Link } from 'react-router';
import { formatCents, formatDateTime } from '../../../shared/format';
import { t } from '../../app/i18n/t';
import { useArrangementsQuery } from './betalingsonmacht-api';
import { TableRegion } from '../../components/TableRegion';

/** The decisions on betalingsonmacht in this cache, newest first. */
export function BetalingsonmachtOverviewPage() {
  const { data } = useArrangementsQuery({});
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('betalingsonmacht.title')}</h1>
      <p>{t('betalingsonmacht.overviewIntro')}</p>
      {data && data.arrangements.length === 0 ? (
        <p className="empty-state">{t('betalingsonmacht.noArrangements')}</p>
      ) : null}
      {data && data.arrangements.length ? (
        <TableRegion label={t('betalingsonmacht.title')}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('betalingsonmacht.columns.person')}</th>
                <th scope="col">{t('betalingsonmacht.columns.kind')}</th>
                <th scope="col">{t('betalingsonmacht.columns.status')}</th>
                <th scope="col" className="numeric">
                  {t('betalingsonmacht.columns.total')}
                </th>
                <th scope="col">{t('betalingsonmacht.columns.decidedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.arrangements.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/betalingsonmacht/${a.personId}`}>{a.personName}</Link>
                  </td>
                  <td>{t(`betalingsonmacht.decisionKind.${a.kind}`)}</td>
                  <td>
                    {t(`betalingsonmacht.status.${a.status}`)}
                    {a.pending ? ` (${t('betalingsonmacht.notSent')})` : ''}
                  </td>
                  <td className="numeric">{formatCents(a.totalCents)}</td>
                  <td>{formatDateTime(a.decidedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </section>
  );
}
