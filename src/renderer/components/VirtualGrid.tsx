import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface GridColumn {
  key: string;
  header: ReactNode;
  /** A CSS grid track, e.g. `minmax(12rem, 2fr)` or `8rem`. */
  width: string;
  numeric?: boolean;
  sort?: 'ascending' | 'descending' | undefined;
}

interface VirtualGridProps<Row> {
  id: string;
  label: string;
  columns: readonly GridColumn[];
  rowCount: number;
  /** The row at an index of the whole list; undefined while its page is still loading. */
  rowAt: (index: number) => Row | undefined;
  rowKey: (row: Row) => string;
  renderCell: (row: Row, columnKey: string) => ReactNode;
  active: number;
  onActiveChange: (index: number) => void;
  /** Which rows are on screen, so the caller can load their page. */
  onVisibleRangeChange: (first: number, last: number) => void;
  /** Keys the caller handles for the active row (open, claim, …); return true when handled. */
  onRowKey?: (event: KeyboardEvent<HTMLDivElement>, row: Row | undefined, index: number) => boolean;
  isSelected?: (row: Row) => boolean;
  rowHeight?: number;
  height?: number;
  busy?: boolean;
}

const overscan = 6;

/**
 * A keyboard-first grid that renders only the rows in view (plus a few), however long the list:
 * the DOM holds a screenful of rows at 100,000 tasks. The grid keeps focus itself and points at
 * the active row with aria-activedescendant, so arrows or j/k move and there is one tab stop.
 */
export function VirtualGrid<Row>({
  id,
  label,
  columns,
  rowCount,
  rowAt,
  rowKey,
  renderCell,
  active,
  onActiveChange,
  onVisibleRangeChange,
  onRowKey,
  isSelected,
  rowHeight = 36,
  height = 540,
  busy = false,
}: VirtualGridProps<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const visibleCount = Math.ceil(height / rowHeight);
  const rangeAt = (top: number) => {
    const from = Math.max(0, Math.floor(top / rowHeight) - overscan);
    return [from, Math.min(rowCount - 1, Math.floor(top / rowHeight) + visibleCount + overscan)] as const;
  };
  const [first, last] = rangeAt(scrollTop);
  // As many slots as the most rows rendered at once: the rows on screen always fill distinct
  // slots, a jump refills every slot, and a scroll by one row moves one.
  const slots = visibleCount + 2 * overscan + 1;
  const template = columns.map((c) => c.width).join(' ');
  // After a jump to rows not loaded yet, the rows drawn before stay as they are (now out of view)
  // until the new ones arrive: the frame after the scroll then has no rows to lay out and paint,
  // and the answer is not kept waiting behind it.
  const [drawn, setDrawn] = useState({ first, last });
  const firstVisible = Math.min(rowCount - 1, Math.floor(scrollTop / rowHeight));
  const overlaps = drawn.first <= last && drawn.last >= first;
  const ready = rowCount === 0 || overlaps || rowAt(firstVisible) !== undefined;
  if (ready && (drawn.first !== first || drawn.last !== last)) setDrawn({ first, last });

  useEffect(() => {
    onVisibleRangeChange(first, Math.max(first, last));
  }, [first, last, onVisibleRangeChange]);

  // Keep the active row in view when the keyboard moves it.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const top = active * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
  }, [active, rowHeight, height]);

  const move = (to: number) => onActiveChange(Math.min(Math.max(0, rowCount - 1), Math.max(0, to)));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      j: active + 1,
      ArrowUp: active - 1,
      k: active - 1,
      PageDown: active + visibleCount,
      PageUp: active - visibleCount,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
      return;
    }
    if (onRowKey?.(event, rowAt(active), active)) event.preventDefault();
  };

  const renderRow = (index: number, key: string | number) => {
    const row = rowAt(index);
    const selected = row !== undefined && isSelected?.(row) === true;
    return (
      <div
        key={key}
        id={`${id}-row-${index}`}
        data-key={row ? rowKey(row) : undefined}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected ? selected : undefined}
        className={`vgrid__row${index === active ? ' vgrid__row--active' : ''}${selected ? ' vgrid__row--selected' : ''}`}
        style={{ top: index * rowHeight, height: rowHeight, gridTemplateColumns: template }}
        onClick={() => move(index)}
      >
        {columns.map((column) => (
          <div key={column.key} role="gridcell" className={column.numeric ? 'vgrid__cell numeric' : 'vgrid__cell'}>
            {row ? renderCell(row, column.key) : column === columns[0] ? '…' : null}
          </div>
        ))}
      </div>
    );
  };
  // Keyed by slot, not by task: after a jump or when the rows arrive, React refills the row
  // elements already on screen instead of removing them and building new ones.
  const rows: ReactNode[] = [];
  for (let index = drawn.first; index <= drawn.last; index++) rows.push(renderRow(index, index % slots));
  // The active row stays in the DOM when scrolled out of view: aria-activedescendant points at it.
  if (rowCount > 0 && (active < drawn.first || active > drawn.last)) rows.push(renderRow(active, 'active'));

  return (
    <div
      id={id}
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-busy={busy}
      aria-multiselectable={isSelected ? true : undefined}
      aria-activedescendant={rowCount > 0 ? `${id}-row-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vgrid__head">
        <div
          role="row"
          aria-rowindex={1}
          className="vgrid__row vgrid__row--head"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((column) => (
            <div
              key={column.key}
              role="columnheader"
              aria-sort={column.sort}
              className={column.numeric ? 'vgrid__cell numeric' : 'vgrid__cell'}
            >
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="vgrid__body"
        style={{ height }}
        onScroll={(event) => {
          // Reported here, in the scroll event, so the rows start loading before this render.
          const top = event.currentTarget.scrollTop;
          const [from, to] = rangeAt(top);
          onVisibleRangeChange(from, Math.max(from, to));
          setScrollTop(top);
        }}
      >
        <div className="vgrid__spacer" style={{ height: rowCount * rowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
