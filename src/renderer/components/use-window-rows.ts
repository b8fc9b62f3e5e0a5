import { useCallback, useMemo, useState } from 'react';

/** Requests of 200 rows that start every 100: a screenful always lies inside one of them. */
const windowSize = 200;
const windowStride = windowSize / 2;

interface WindowAnswer<Row> {
  rows: Row[];
  total: number;
}

interface WindowQuery<Answer> {
  currentData?: Answer | undefined;
  isFetching: boolean;
  error?: unknown;
  refetch: () => unknown;
}

/**
 * Rows for a VirtualGrid from a paged channel (offset/limit): the window the screen is in is
 * fetched; while the next one loads, the rows of the previous window of the same request stay.
 * `useWindow` is the RTK Query hook of the channel; `request` is everything but the paging.
 */
export function useWindowRows<Request extends object, Answer extends WindowAnswer<unknown>>(
  useWindow: (request: Request & { offset: number; limit: number }) => WindowQuery<Answer>,
  request: Request,
) {
  const [first, setFirst] = useState(0);
  const start = Math.floor(first / windowStride) * windowStride;
  const query = useWindow({ ...request, offset: start, limit: windowSize });
  const key = JSON.stringify(request);
  // The last answer of this request, to stand in while the next window loads (state adjusted
  // while rendering, as React advises for values derived from a change).
  const [last, setLast] = useState<{ key: string; start: number; answer: Answer } | null>(null);
  const current = query.currentData;
  if (current && (last?.answer !== current || last.key !== key || last.start !== start))
    setLast({ key, start, answer: current });
  const shown = useMemo(
    () => (current ? { key, start, answer: current } : last?.key === key ? last : null),
    [current, key, start, last],
  );

  const rowAt = useCallback(
    (index: number): Answer['rows'][number] | undefined =>
      shown && index >= shown.start ? shown.answer.rows[index - shown.start] : undefined,
    [shown],
  );
  const onVisibleRangeChange = useCallback((from: number) => setFirst(from), []);
  return {
    rowAt,
    answer: shown?.answer,
    total: shown?.answer.total ?? 0,
    loaded: shown !== null,
    fetching: query.isFetching,
    error: query.error,
    refetch: query.refetch,
    onVisibleRangeChange,
  };
}
