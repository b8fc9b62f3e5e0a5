import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { claimKinds, claimPhases } from '../../../shared/domain/claims';
import { formatCents, formatDate, formatNumber } from '../../../shared/format';
import type { ClaimRow } from '../../../shared/ipc/contract';
import { useOpenShortcuts } from '../../app/GlobalShortcuts';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t } from '../../app/i18n/t';
import { FilterSelect } from '../../components/FilterSelect';
import { GridSearchField, GridPosition, RetryAlert } from '../../components/GridParts';
import { sortableColumns, type ColumnDef } from '../../components/sortable-columns';
import { useWindowRows } from '../../components/use-window-rows';
import { VirtualGrid } from '../../components/VirtualGrid';
import { useListWerkvoorraadQuery } from './werkvoorraad-api';
import {
  filterKind,
  filterPhase,
  searchClaims,
  setClaimActive,
  sortBy,
  type WerkvoorraadSort,
} from './werkvoorraad-slice';

const columnDefs: readonly ColumnDef<WerkvoorraadSort>[] = [
  { key: 'personName', label: 'werkvoorraad.columns.personName', width: 'minmax(10rem, 2fr)', sort: 'personName' },
  { key: 'kind', label: 'werkvoorraad.columns.kind', width: 'minmax(8rem, 1.4fr)', sort: 'kind' },
  { key: 'reference', label: 'werkvoorraad.columns.reference', width: 'minmax(8rem, 1.2fr)' },
  { key: 'phase', label: 'werkvoorraad.columns.phase', width: 'minmax(7rem, 1fr)', sort: 'phase' },
  {
    key: 'outstanding',
    label: 'werkvoorraad.columns.outstanding',
    width: 'minmax(7rem, 1fr)',
    sort: 'outstanding',
    numeric: true,
  },
  { key: 'dueDate', label: 'werkvoorraad.columns.dueDate', width: 'minmax(6.5rem, 0.8fr)', sort: 'dueDate' },
];

/**
 * Every claim in the local cache, also those without an open task: the same grid and keys as the
 * Werkvoorraad (j/k, Enter opens), sorted on a column header, filtered and searched.
 */
export function ClaimsListPage() {
  const { sort, direction, kind, phase, search, active } = useAppSelector((state) => state.werkvoorraad);
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const openShortcuts = useOpenShortcuts();
  const rows = useWindowRows(useListWerkvoorraadQuery, {
    sort,
    direction,
    ...(kind ? { kind } : {}),
    ...(phase ? { phase } : {}),
    ...(search ? { search } : {}),
  });
  const onSearch = useCallback((text: string) => dispatch(searchClaims(text)), [dispatch]);
  useEffect(() => {
    if (active >= rows.total && rows.total > 0) dispatch(setClaimActive(rows.total - 1));
  }, [active, rows.total, dispatch]);

  const open = (row: ClaimRow | undefined) => {
    if (row) void navigate(`/werkvoorraad/${row.id}`);
  };
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, row: ClaimRow | undefined): boolean => {
    if (event.key !== 'Enter') return false;
    open(row);
    return true;
  };
  const columns = sortableColumns(columnDefs, { sort, direction }, (key) => dispatch(sortBy(key)));
  const renderCell = (row: ClaimRow, key: string) => {
    switch (key) {
      case 'personName':
        return (
          <Link
            to={`/werkvoorraad/${row.id}`}
            tabIndex={-1}
            aria-label={t('werkvoorraad.openClaim', { reference: row.reference, person: row.personName })}
          >
            {row.personName}
          </Link>
        );
      case 'kind':
        return t(`claimKind.${row.kind}`);
      case 'reference':
        return <span className="mono">{row.reference}</span>;
      case 'phase':
        return t(`claimPhase.${row.phase}`);
      case 'outstanding':
        return formatCents(row.outstandingCents);
      case 'dueDate':
        return formatDate(row.dueDate);
      default:
        return null;
    }
  };

  const activeRow = rows.rowAt(active);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('werkvoorraad.title')}</h1>
      <p>{t('werkvoorraad.intro')}</p>

      <div className="queue-toolbar" role="search">
        <GridSearchField label={t('queue.search')} search={search} gridId="claims-grid" onSearch={onSearch} />
        <FilterSelect
          label={t('werkvoorraad.filterKind')}
          values={claimKinds}
          value={kind}
          labelOf={(value) => t(`claimKind.${value}`)}
          onChange={(value) => dispatch(filterKind(value))}
        />
        <FilterSelect
          label={t('werkvoorraad.filterPhase')}
          values={claimPhases}
          value={phase}
          labelOf={(value) => t(`claimPhase.${value}`)}
          onChange={(value) => dispatch(filterPhase(value))}
        />
      </div>

      <div className="queue-actions">
        <button type="button" disabled={!activeRow} onClick={() => open(activeRow)}>
          {t('escalaties.openKey')} <kbd aria-hidden="true">{t('queue.enterKey')}</kbd>
        </button>
        <button type="button" onClick={openShortcuts}>
          {t('queue.shortcuts')} <kbd aria-hidden="true">?</kbd>
        </button>
        <GridPosition active={active} total={rows.total} />
      </div>

      <RetryAlert error={rows.error} onRetry={rows.refetch} />

      <VirtualGrid
        id="claims-grid"
        label={t('werkvoorraad.gridLabel', { count: formatNumber(rows.total) })}
        columns={columns}
        rowCount={rows.total}
        rowAt={rows.rowAt}
        rowKey={(row) => row.id}
        renderCell={renderCell}
        active={active}
        onActiveChange={(index) => dispatch(setClaimActive(index))}
        onVisibleRangeChange={rows.onVisibleRangeChange}
        onRowKey={onRowKey}
        busy={rows.fetching}
      />
      {rows.loaded && rows.total === 0 ? <p className="empty-state">{t('werkvoorraad.empty')}</p> : null}
    </section>
  );
}
