import { useCallback, useMemo, useState } from 'react';
import type { SavedViewDefinition } from '../../../shared/api/saved-views';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { TaskRow } from '../../../shared/ipc/contract';
import { takenApi, useTaskQueueQuery } from './taken-api';

const windowSize = 100;
/**
 * Windows start every half window and overlap: a screenful (the grid shows ~30 rows with its
 * overscan) then always lies inside the one window its first row falls in, so a jump anywhere in
 * the queue is one request to the backend, never two in a row for the two halves of a screen.
 */
const windowStride = windowSize / 2;

const windowOf = (index: number) => Math.floor(index / windowStride) * windowStride;

/** The request for the window of a queue that starts at `offset` (one cache entry per window). */
export function queueWindow(view: SavedViewDefinition, offset: number): RequestOf<'taken.queue'> {
  return { ...view, limit: windowSize, offset };
}

/**
 * Rows of a queue for a virtualized list: the window of 100 rows that what is on screen falls in
 * is fetched from the backend; the rest of the queue stays in SQLite. A scroll starts loading its
 * window in the scroll event itself, rather than a frame later when the list has rendered and
 * subscribed. While a new window loads, rows the previous window of the same view already had stay
 * on screen instead of turning into placeholders.
 */
export function useQueueRows(view: SavedViewDefinition, active: number) {
  // `prior`: the window the screen was in before the last jump, still in RTK Query's cache.
  const [visible, setVisible] = useState({ first: 0, last: 0, prior: 0 });
  const start = windowOf(visible.first);
  const a = useTaskQueueQuery(queueWindow(view, start));
  const total = a.currentData?.total ?? a.data?.total ?? 0;
  // Only a grid taller than half a window needs the next one as well.
  const b = useTaskQueueQuery(queueWindow(view, start + windowSize), {
    skip: visible.last < start + windowSize || start + windowSize >= total,
  });
  const prior = takenApi.endpoints.taskQueue.useQueryState(queueWindow(view, visible.prior), {
    skip: visible.prior === start,
  });
  // The row under the keyboard cursor stays loaded when the worker scrolls away from it, so the
  // buttons and keys that act on it keep working.
  const cursorStart = windowOf(active);
  const cursor = useTaskQueueQuery(queueWindow(view, cursorStart), {
    skip: active >= start && active < start + windowSize,
  });
  const prefetch = takenApi.usePrefetch('taskQueue');

  // The screen's own windows first: an older copy of a row only stands in while they load.
  const loaded = useMemo(
    () =>
      [
        [start, a.currentData],
        [start + windowSize, b.currentData],
        [visible.prior, prior.currentData],
        [cursorStart, cursor.currentData],
      ] as const,
    [a.currentData, b.currentData, prior.currentData, cursor.currentData, start, visible.prior, cursorStart],
  );
  const rowAt = useCallback(
    (index: number): TaskRow | undefined => {
      for (const [from, data] of loaded) {
        const row = data && index >= from ? data.rows[index - from] : undefined;
        if (row) return row;
      }
      return undefined;
    },
    [loaded],
  );
  const onVisibleRangeChange = useCallback(
    (first: number, last: number) => {
      const from = windowOf(first);
      prefetch(queueWindow(view, from));
      if (last >= from + windowSize && from + windowSize < total) prefetch(queueWindow(view, from + windowSize));
      setVisible((seen) => {
        if (seen.first === first && seen.last === last) return seen;
        const was = windowOf(seen.first);
        return { first, last, prior: was === from ? seen.prior : was };
      });
    },
    [prefetch, view, total],
  );

  return {
    rowAt,
    total,
    loaded: a.currentData !== undefined,
    tooBroad: a.currentData?.tooBroad === true,
    fetching: a.isFetching || b.isFetching,
    error: a.error ?? b.error,
    refetch: a.refetch,
    onVisibleRangeChange,
  };
}
