import { Link } from 'react-router';
import { formatDate } from '../../../shared/format';
import type { Dashboard } from '../../../shared/ipc/contract';
import { t } from '../../app/i18n/t';
import { BarChart } from '../../components/BarChart';
import { QueryGate } from '../../components/QueryGate';
import { useTeamDashboardQuery } from './dashboard-api';
import { TableRegion } from '../../components/TableRegion';

const queueLinks: Record<Dashboard['backlog'][number]['queue'], string> = {
  teamvoorraad: '/werkvoorraad',
  toegewezen: '/werkvoorraad',
  ter_beoordeling: '/teamoverzicht',
  conflicten: '/conflicten',
};

const ageColors = ['#8fcae7', '#007bc7', '#154273'];
const workerColors = ['#01689b', '#8fcae7', '#e17000', '#39870c', '#696969'];

/** The team lead's dashboard: each figure as a chart and, for everyone, as a table; fresh at each change event. */
export function DashboardPage() {
  const { data, error } = useTeamDashboardQuery();
  return (
    <QueryGate data={data} error={error}>
      {(dashboard) => <DashboardContent dashboard={dashboard} />}
    </QueryGate>
  );
}

function DashboardContent({ dashboard }: { dashboard: Dashboard }) {
  const weeks = dashboard.weeks.map((w) => formatDate(w).slice(0, 5));
  const ages = [t('dashboard.age0'), t('dashboard.age1'), t('dashboard.age2')];
  const deadlineRows = [
    [t('dashboard.overdue'), dashboard.deadlines.overdue],
    [t('dashboard.dueToday'), dashboard.deadlines.dueToday],
    [t('dashboard.dueThisWeek'), dashboard.deadlines.dueThisWeek],
    [t('dashboard.later'), dashboard.deadlines.later],
  ] as const;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro', { date: formatDate(dashboard.today) })}</p>

      <div className="two-columns">
        <section aria-labelledby="backlog-title">
          <h2 id="backlog-title">{t('dashboard.backlog')}</h2>
          <BarChart
            title={t('dashboard.chart', { title: t('dashboard.backlog') })}
            categories={dashboard.backlog.map((b) => t(`dashboard.queues.${b.queue}`))}
            series={ages.map((name, i) => ({
              name,
              color: ageColors[i] ?? '#000',
              values: dashboard.backlog.map((b) => b.byAge[i] ?? 0),
            }))}
            stacked
          />
          <TableRegion label={t('dashboard.table', { title: t('dashboard.backlog') })}>
            <table className="data-table" data-testid="backlog-table">
              <caption className="visually-hidden">{t('dashboard.table', { title: t('dashboard.backlog') })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.queue')}</th>
                  {ages.map((a) => (
                    <th key={a} scope="col" className="numeric">
                      {a}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('dashboard.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboard.backlog.map((b) => (
                  <tr key={b.queue}>
                    <th scope="row">
                      <Link to={queueLinks[b.queue]}>{t(`dashboard.queues.${b.queue}`)}</Link>
                    </th>
                    {b.byAge.map((n, i) => (
                      <td key={i} className="numeric">
                        {n}
                      </td>
                    ))}
                    <td className="numeric">{b.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>

        <section aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t('dashboard.deadlines')}</h2>
          <BarChart
            title={t('dashboard.chart', { title: t('dashboard.deadlines') })}
            categories={deadlineRows.map(([label]) => label)}
            series={[{ name: t('dashboard.count'), color: '#01689b', values: deadlineRows.map(([, n]) => n) }]}
          />
          <TableRegion label={t('dashboard.table', { title: t('dashboard.deadlines') })}>
            <table className="data-table" data-testid="deadlines-table">
              <caption className="visually-hidden">{t('dashboard.table', { title: t('dashboard.deadlines') })}</caption>
              <tbody>
                {deadlineRows.map(([label, n]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="numeric">{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      </div>

      <section aria-labelledby="throughput-title">
        <h2 id="throughput-title">{t('dashboard.throughput')}</h2>
        <BarChart
          title={t('dashboard.chart', { title: t('dashboard.throughput') })}
          categories={weeks}
          series={dashboard.throughput.map((w, i) => ({
            name: w.workerName,
            color: workerColors[i % workerColors.length] ?? '#000',
            values: w.perWeek,
          }))}
        />
        <TableRegion label={t('dashboard.table', { title: t('dashboard.throughput') })}>
          <table className="data-table" data-testid="throughput-table">
            <caption className="visually-hidden">{t('dashboard.table', { title: t('dashboard.throughput') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.worker')}</th>
                {dashboard.weeks.map((w) => (
                  <th key={w} scope="col" className="numeric dashboard__week">
                    {/* The title says "per week": the date alone shows, the whole phrase is read out. */}
                    <span className="visually-hidden">{t('dashboard.weekOf')} </span>
                    {formatDate(w)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dashboard.throughput.map((w) => (
                <tr key={w.workerId}>
                  <th scope="row">{w.workerName}</th>
                  {w.perWeek.map((n, i) => (
                    <td key={i} className="numeric">
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('dashboard.missedCount')}</th>
                {dashboard.missedPerWeek.map((n, i) => (
                  <td key={i} className="numeric">
                    {n}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="missed-title">
        <h2 id="missed-title">{t('dashboard.missed')}</h2>
        <BarChart
          title={t('dashboard.chart', { title: t('dashboard.missed') })}
          categories={weeks}
          series={[{ name: t('dashboard.missedCount'), color: '#d52b1e', values: dashboard.missedPerWeek }]}
        />
      </section>
    </section>
  );
}
