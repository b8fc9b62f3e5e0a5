import { useState } from 'react';
import { Link } from 'react-router';
import { claimKinds, claimPhases } from '../../../shared/domain/claims';
import { FilterSelect } from '../../components/FilterSelect';
import { formatCents, formatDate, formatNumber } from '../../../shared/format';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t, type MessageKey } from '../../app/i18n/t';
import { useListWerkvoorraadQuery } from './werkvoorraad-api';
import {
  filterKind,
  filterPhase,
  goToPage,
  pageSize,
  searchClaims,
  sortBy,
  type WerkvoorraadSort,
} from './werkvoorraad-slice';
import { TableRegion } from '../../components/TableRegion';

const columns: readonly { key: WerkvoorraadSort | 'reference'; label: MessageKey; numeric?: boolean }[] = [
  { key: 'personName', label: 'werkvoorraad.columns.personName' },
  { key: 'kind', label: 'werkvoorraad.columns.kind' },
  { key: 'reference', label: 'werkvoorraad.columns.reference' },
  { key: 'phase', label: 'werkvoorraad.columns.phase' },
  { key: 'outstanding', label: 'werkvoorraad.columns.outstanding', numeric: true },
  { key: 'dueDate', label: 'werkvoorraad.columns.dueDate' },
];

export function ClaimsListPage() {
  const view = useAppSelector((state) => state.werkvoorraad);
  const dispatch = useAppDispatch();
  const { data, error, isFetching, refetch } = useListWerkvoorraadQuery({
    sort: view.sort,
    direction: view.direction,
    offset: view.page * pageSize,
    limit: pageSize,
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.phase ? { phase: view.phase } : {}),
    ...(view.search ? { search: view.search } : {}),
  });
  const [text, setText] = useState(view.search);
  const sortLabel = t(columns.find((c) => c.key === view.sort)?.label ?? 'werkvoorraad.columns.dueDate');
  const total = data?.total ?? 0;
  const from = total === 0 ? 0 : view.page * pageSize + 1;
  const to = Math.min(total, (view.page + 1) * pageSize);

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('werkvoorraad.title')}</h1>
      <p>{t('werkvoorraad.intro')}</p>

      <form
        className="queue-toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          dispatch(searchClaims(text));
        }}
      >
        <label className="field">
          <span className="field__label">{t('queue.search')}</span>
          <input type="search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('werkvoorraad.search')}</button>
      </form>

      <div className="toolbar">
        <FilterSelect
          label={t('werkvoorraad.filterKind')}
          values={claimKinds}
          value={view.kind}
          labelOf={(kind) => t(`claimKind.${kind}`)}
          onChange={(kind) => dispatch(filterKind(kind))}
        />
        <FilterSelect
          label={t('werkvoorraad.filterPhase')}
          values={claimPhases}
          value={view.phase}
          labelOf={(phase) => t(`claimPhase.${phase}`)}
          onChange={(phase) => dispatch(filterPhase(phase))}
        />
      </div>

      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{t('app.error', { message: error.message ?? '' })}</p>
          <button type="button" onClick={() => void refetch()}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}

      <TableRegion label={t('werkvoorraad.title')}>
        <table className="data-table" aria-busy={isFetching}>
          <caption className="visually-hidden">
            {t('werkvoorraad.tableCaption', {
              column: sortLabel,
              direction: t(view.direction === 'asc' ? 'werkvoorraad.ascending' : 'werkvoorraad.descending'),
            })}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={
                    column.key === view.sort ? (view.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  {column.key === 'reference' ? (
                    t(column.label)
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => dispatch(sortBy(column.key as WerkvoorraadSort))}
                      title={t('werkvoorraad.sortBy', { column: t(column.label) })}
                    >
                      {t(column.label)}
                      <span aria-hidden="true">
                        {column.key === view.sort ? (view.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link
                    to={`/werkvoorraad/${row.id}`}
                    aria-label={t('werkvoorraad.openClaim', { reference: row.reference, person: row.personName })}
                  >
                    {row.personName}
                  </Link>
                </td>
                <td>{t(`claimKind.${row.kind}`)}</td>
                <td className="mono">{row.reference}</td>
                <td>{t(`claimPhase.${row.phase}`)}</td>
                <td className="numeric">{formatCents(row.outstandingCents)}</td>
                <td>{formatDate(row.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {data && data.rows.length === 0 ? <p className="empty-state">{t('werkvoorraad.empty')}</p> : null}

      <nav className="pagination" aria-label={t('werkvoorraad.pagination')}>
        <button type="button" disabled={view.page === 0} onClick={() => dispatch(goToPage(view.page - 1))}>
          {t('werkvoorraad.previous')}
        </button>
        <span aria-live="polite">
          {t('werkvoorraad.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
        </span>
        <button type="button" disabled={to >= total} onClick={() => dispatch(goToPage(view.page + 1))}>
          {t('werkvoorraad.next')}
        </button>
      </nav>
    </section>
  );
}
