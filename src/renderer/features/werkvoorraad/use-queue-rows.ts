import { useCallback, useState } from 'react';
import type { SavedViewDefinition } from '../../../shared/api/saved-views';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { TaskRow } from '../../../shared/ipc/contract';
import { takenApi, useTaskQueueQuery } from './taken-api';

export const windowSize = 100;
/**
 * Windows start every half window and overlap: a screenful (the grid shows ~30 rows with its
 * overscan) then always lies inside the one window its first row falls in, so a jump anywhere in
 * the queue is one request to the backend, never two in a row for the two halves of a screen.
 */
export const windowStride = windowSize / 2;

export const windowOf = (index: number) => Math.floor(index / windowStride) * windowStride;

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
export function useQueueRows(view: SavedViewDefinition) {
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
  const prefetch = takenApi.usePrefetch('taskQueue');

  const rowAt = useCallback(
    (index: number): TaskRow | undefined => {
      if (index >= start + windowSize) return b.currentData?.rows[index - start - windowSize];
      const row = index >= start ? a.currentData?.rows[index - start] : undefined;
      return row ?? (index >= visible.prior ? prior.currentData?.rows[index - visible.prior] : undefined);
    },
    [a.currentData, b.currentData, prior.currentData, start, visible.prior],
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
