import { useCallback, useState } from 'react';
import type { SavedViewDefinition } from '../../../shared/api/saved-views';
import type { TaskRow } from '../../../shared/ipc/contract';
import { useTaskQueueQuery } from './taken-api';

export const windowSize = 100;

/**
 * Rows of a queue for a virtualized list: the pages (windows of 100) around what is on screen are
 * fetched from the backend; the rest of the queue stays in SQLite. Two adjacent windows always
 * cover a screenful, wherever the list is scrolled.
 */
export function useQueueRows(view: SavedViewDefinition) {
  const [firstVisible, setFirstVisible] = useState(0);
  const start = Math.floor(firstVisible / windowSize) * windowSize;
  const request = { ...view, limit: windowSize };
  const a = useTaskQueueQuery({ ...request, offset: start });
  const total = a.currentData?.total ?? a.data?.total ?? 0;
  const b = useTaskQueueQuery({ ...request, offset: start + windowSize }, { skip: start + windowSize >= total });

  const rowAt = useCallback(
    (index: number): TaskRow | undefined => {
      if (index >= start && index < start + windowSize) return a.currentData?.rows[index - start];
      if (index >= start + windowSize && index < start + 2 * windowSize)
        return b.currentData?.rows[index - start - windowSize];
      return undefined;
    },
    [a.currentData, b.currentData, start],
  );
  const onVisibleRangeChange = useCallback((first: number) => setFirstVisible(first), []);

  return {
    rowAt,
    total,
    loaded: a.currentData !== undefined,
    fetching: a.isFetching || b.isFetching,
    error: a.error ?? b.error,
    refetch: a.refetch,
    onVisibleRangeChange,
  };
}
