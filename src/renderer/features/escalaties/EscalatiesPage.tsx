import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { claimKinds, claimPhases } from '../../../shared/domain/claims';
import { formatCents, formatDate, formatNumber } from '../../../shared/format';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { useOpenShortcuts } from '../../app/GlobalShortcuts';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t, type MessageKey } from '../../app/i18n/t';
import { FilterSelect } from '../../components/FilterSelect';
import { GridSearchField, GridPosition, RetryAlert } from '../../components/GridParts';
import { useWindowRows } from '../../components/use-window-rows';
import { VirtualGrid } from '../../components/VirtualGrid';
import { sortableColumns, type ColumnDef } from '../../components/sortable-columns';
import { BulkDecisionPanel } from './BulkDecisionPanel';
import { useEscalationPageQuery } from './escalaties-api';
import {
  clearEscalatieSelection,
  filterEscalaties,
  setEscalatieActive,
  sortEscalaties,
  toggleEscalatieSelected,
  type EscalationSort,
} from './escalaties-slice';

type Row = ResponseOf<'escalaties.page'>['rows'][number];

const columnDefs: readonly ColumnDef<EscalationSort>[] = [
  { key: 'select', label: 'escalaties.selection', width: '3rem', hiddenLabel: true },
  { key: 'person', label: 'escalaties.columns.person', width: 'minmax(10rem, 2fr)', sort: 'personName' },
  { key: 'kind', label: 'escalaties.columns.kind', width: 'minmax(8rem, 1.4fr)', sort: 'kind' },
  { key: 'phase', label: 'escalaties.columns.phase', width: 'minmax(7rem, 1fr)', sort: 'phase' },
  {
    key: 'outstanding',
    label: 'escalaties.columns.outstanding',
    width: 'minmax(7rem, 1fr)',
    sort: 'outstanding',
    numeric: true,
  },
  { key: 'dueDate', label: 'escalaties.columns.dueDate', width: 'minmax(6rem, 0.8fr)', sort: 'dueDate' },
  { key: 'advice', label: 'escalaties.columns.advice', width: 'minmax(10rem, 1.6fr)', sort: 'advice' },
];

const amountChoices = [
  { cents: null, label: 'escalaties.amounts.all' },
  { cents: 1, label: 'escalaties.amounts.owing' },
  { cents: 10_000, label: 'escalaties.amounts.from100' },
  { cents: 100_000, label: 'escalaties.amounts.from1000' },
] as const satisfies readonly { cents: number | null; label: MessageKey }[];

/**
 * The Escalaties worklist: every claim with the advised next step (before licence and vehicle are
 * checked), counted per step, sorted and filtered like the Werkvoorraad and worked from the
 * keyboard: Enter opens a claim, x selects it for one step on a selection.
 */
export function EscalatiesPage() {
  const { view, active, selected } = useAppSelector((state) => state.escalaties);
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const openShortcuts = useOpenShortcuts();
  const { sort, direction, advice, kind, phase, minOutstandingCents, search } = view;
  const rows = useWindowRows(useEscalationPageQuery, {
    sort,
    direction,
    ...(advice ? { advice } : {}),
    ...(kind ? { kind } : {}),
    ...(phase ? { phase } : {}),
    ...(minOutstandingCents !== null ? { minOutstandingCents } : {}),
    ...(search ? { search } : {}),
  });
  const counts = rows.answer?.counts;
  const onSearch = useCallback((text: string) => dispatch(filterEscalaties({ search: text })), [dispatch]);
  useEffect(() => {
    if (active >= rows.total && rows.total > 0) dispatch(setEscalatieActive(rows.total - 1));
  }, [active, rows.total, dispatch]);

  const open = (row: Row | undefined) => {
    if (row) void navigate(`/escalaties/${row.id}`);
  };
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, row: Row | undefined): boolean => {
    switch (event.key) {
      case 'Enter':
        open(row);
        return true;
      case 'x':
      case ' ':
        if (row) dispatch(toggleEscalatieSelected(row.id));
        return true;
      case 'Escape':
        dispatch(clearEscalatieSelection());
        return true;
      default:
        return false;
    }
  };

  const columns = sortableColumns(columnDefs, view, (key) => dispatch(sortEscalaties(key)));

  const renderCell = (row: Row, key: string) => {
    switch (key) {
      case 'select':
        return (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={selected.includes(row.id)}
            onChange={() => dispatch(toggleEscalatieSelected(row.id))}
            aria-label={t('escalaties.select', { reference: row.reference })}
          />
        );
      case 'person':
        return (
          <Link to={`/escalaties/${row.id}`} tabIndex={-1}>
            {row.personName}
          </Link>
        );
      case 'kind':
        return t(`claimKind.${row.kind}`);
      case 'phase':
        return t(`claimPhase.${row.phase}`);
      case 'outstanding':
        return formatCents(row.outstandingCents);
      case 'dueDate':
        return formatDate(row.dueDate);
      case 'advice':
        return row.recommended ? t(`escalaties.steps.${row.recommended}`) : t('escalaties.noStep');
      default:
        return null;
    }
  };

  const total = counts?.reduce((sum, c) => sum + c.count, 0);
  const activeRow = rows.rowAt(active);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('escalaties.title')}</h1>
      <p>{t('escalaties.intro')}</p>

      <nav aria-label={t('escalaties.adviceTabs')}>
        <ul className="queue-tabs">
          <li>
            <button
              type="button"
              aria-current={advice === null ? 'page' : undefined}
              onClick={() => dispatch(filterEscalaties({ advice: null }))}
            >
              {t('escalaties.allAdvice')}
              {total !== undefined ? <span className="count-badge">{formatNumber(total)}</span> : null}
            </button>
          </li>
          {counts
            ?.filter((c) => c.count > 0 || c.advice === advice)
            .map((c) => (
              <li key={c.advice}>
                <button
                  type="button"
                  aria-current={advice === c.advice ? 'page' : undefined}
                  onClick={() => dispatch(filterEscalaties({ advice: c.advice }))}
                >
                  {c.advice === 'geen' ? t('escalaties.noStep') : t(`escalaties.steps.${c.advice}`)}
                  <span className="count-badge">{formatNumber(c.count)}</span>
                </button>
              </li>
            ))}
        </ul>
      </nav>

      <div className="queue-toolbar" role="search">
        <GridSearchField
          label={t('escalaties.searchLabel')}
          search={search}
          gridId="escalaties-grid"
          onSearch={onSearch}
        />
        <FilterSelect
          label={t('werkvoorraad.filterKind')}
          values={claimKinds}
          value={kind}
          labelOf={(value) => t(`claimKind.${value}`)}
          onChange={(value) => dispatch(filterEscalaties({ kind: value }))}
        />
        <FilterSelect
          label={t('werkvoorraad.filterPhase')}
          values={claimPhases}
          value={phase}
          labelOf={(value) => t(`claimPhase.${value}`)}
          onChange={(value) => dispatch(filterEscalaties({ phase: value }))}
        />
        <label className="field">
          <span className="field__label">{t('escalaties.filterAmount')}</span>
          <select
            value={String(minOutstandingCents)}
            onChange={(event) =>
              dispatch(
                filterEscalaties({
                  minOutstandingCents: amountChoices.find((c) => String(c.cents) === event.target.value)?.cents ?? null,
                }),
              )
            }
          >
            {amountChoices.map((choice) => (
              <option key={String(choice.cents)} value={String(choice.cents)}>
                {t(choice.label)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="queue-actions">
        <button type="button" disabled={!activeRow} onClick={() => open(activeRow)}>
          {t('escalaties.openKey')} <kbd aria-hidden="true">{t('queue.enterKey')}</kbd>
        </button>
        <button
          type="button"
          disabled={!activeRow}
          onClick={() => activeRow && dispatch(toggleEscalatieSelected(activeRow.id))}
        >
          {t('escalaties.selectKey')} <kbd aria-hidden="true">x</kbd>
        </button>
        {selected.length ? (
          <button type="button" onClick={() => dispatch(clearEscalatieSelection())}>
            {t('escalaties.clearSelection')} ({t('escalaties.selectedCount', { count: selected.length })})
          </button>
        ) : null}
        <button type="button" onClick={openShortcuts}>
          {t('queue.shortcuts')} <kbd aria-hidden="true">?</kbd>
        </button>
        <GridPosition active={active} total={rows.total} />
      </div>

      <RetryAlert error={rows.error} onRetry={rows.refetch} />

      {selected.length ? (
        <BulkDecisionPanel claimIds={selected} onDone={() => dispatch(clearEscalatieSelection())} />
      ) : null}

      <VirtualGrid
        id="escalaties-grid"
        label={t('escalaties.gridLabel', { count: formatNumber(rows.total) })}
        columns={columns}
        rowCount={rows.total}
        rowAt={rows.rowAt}
        rowKey={(row) => row.id}
        renderCell={renderCell}
        active={active}
        onActiveChange={(index) => dispatch(setEscalatieActive(index))}
        onVisibleRangeChange={rows.onVisibleRangeChange}
        onRowKey={onRowKey}
        isSelected={(row) => selected.includes(row.id)}
        busy={rows.fetching}
      />
      {rows.loaded && rows.total === 0 ? <p className="empty-state">{t('escalaties.empty')}</p> : null}
    </section>
  );
}
