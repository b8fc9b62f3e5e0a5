import { useCallback, useState } from 'react';
import type { SavedViewDefinition } from '../../../shared/api/saved-views';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { TaskRow } from '../../../shared/ipc/contract';
import { takenApi, useTaskQueueQuery } from './taken-api';

export const windowSize = 100;

const windowOf = (index: number) => Math.floor(index / windowSize) * windowSize;

/** The request for the window of a queue that starts at `offset` (one cache entry per window). */
export function queueWindow(view: SavedViewDefinition, offset: number): RequestOf<'taken.queue'> {
  return { ...view, limit: windowSize, offset };
}

/**
 * Rows of a queue for a virtualized list: the windows of 100 rows that what is on screen falls in
 * are fetched from the backend; the rest of the queue stays in SQLite. A screenful lies in one
 * window, or across two adjacent ones, and only then is the second fetched. A scroll starts
 * loading the windows it needs in the scroll event itself, rather than a frame later when the list
 * has rendered and subscribed.
 */
export function useQueueRows(view: SavedViewDefinition) {
  const [visible, setVisible] = useState({ first: 0, last: 0 });
  const start = windowOf(visible.first);
  const a = useTaskQueueQuery(queueWindow(view, start));
  const total = a.currentData?.total ?? a.data?.total ?? 0;
  const b = useTaskQueueQuery(queueWindow(view, start + windowSize), {
    skip: windowOf(visible.last) === start || start + windowSize >= total,
  });
  const prefetch = takenApi.usePrefetch('taskQueue');

  const rowAt = useCallback(
    (index: number): TaskRow | undefined => {
      if (index >= start && index < start + windowSize) return a.currentData?.rows[index - start];
      if (index >= start + windowSize && index < start + 2 * windowSize)
        return b.currentData?.rows[index - start - windowSize];
      return undefined;
    },
    [a.currentData, b.currentData, start],
  );
  const onVisibleRangeChange = useCallback(
    (first: number, last: number) => {
      prefetch(queueWindow(view, windowOf(first)));
      if (windowOf(last) !== windowOf(first) && windowOf(last) < total) prefetch(queueWindow(view, windowOf(last)));
      setVisible((current) => (current.first === first && current.last === last ? current : { first, last }));
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
