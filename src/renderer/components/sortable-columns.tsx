import { t, type MessageKey } from '../app/i18n/t';
import type { GridColumn } from './VirtualGrid';

export interface ColumnDef<Sort extends string> {
  key: string;
  label: MessageKey;
  /** A CSS grid track. */
  width: string;
  /** The sort key this column's header sorts on; none: not sortable. */
  sort?: Sort;
  numeric?: boolean;
  /** The header is read by screen readers only (e.g. a selection column). */
  hiddenLabel?: boolean;
}

/**
 * A grid's columns with sort buttons in their headers (the grid keeps the one Tab stop: the
 * buttons are for the mouse, the order shows in aria-sort and an arrow).
 */
export function sortableColumns<Sort extends string>(
  defs: readonly ColumnDef<Sort>[],
  current: { sort: Sort; direction: 'asc' | 'desc' },
  onSort: (sort: Sort) => void,
): GridColumn[] {
  return defs.map((c) => ({
    key: c.key,
    width: c.width,
    numeric: c.numeric,
    sort: c.sort && c.sort === current.sort ? (current.direction === 'asc' ? 'ascending' : 'descending') : undefined,
    header: c.sort ? (
      <button
        type="button"
        className="sort-button"
        tabIndex={-1}
        title={t('queue.sortBy', { column: t(c.label) })}
        onClick={() => c.sort && onSort(c.sort)}
      >
        {t(c.label)}
        <span aria-hidden="true">{c.sort === current.sort ? (current.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    ) : c.hiddenLabel ? (
      <span className="visually-hidden">{t(c.label)}</span>
    ) : (
      t(c.label)
    ),
  }));
}
