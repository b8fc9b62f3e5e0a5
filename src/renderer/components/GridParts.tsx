import { useEffect, useState } from 'react';
import { formatNumber } from '../../shared/format';
import { t } from '../app/i18n/t';

const searchDelayMs = 200;

/**
 * The search field above a grid: searches after a short pause in typing, at once on Enter, and
 * ArrowDown or Enter go on to the grid `gridId`. `search` is the search in force.
 */
export function GridSearchField({
  label,
  search,
  gridId,
  onSearch,
}: {
  label: string;
  search: string;
  gridId: string;
  onSearch: (text: string) => void;
}) {
  const [text, setText] = useState(search);
  useEffect(() => {
    if (text.trim() === search) return;
    const timer = setTimeout(() => onSearch(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, search, onSearch]);
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="search"
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'Enter') return;
          event.preventDefault();
          onSearch(text.trim());
          document.getElementById(gridId)?.focus();
        }}
      />
    </label>
  );
}

/** "Regel 3 van 120" beside a grid's actions, read out as the cursor moves. */
export function GridPosition({ active, total }: { active: number; total: number }) {
  return (
    <span className="queue-status" aria-live="polite">
      {total > 0
        ? t('queue.position', { index: formatNumber(active + 1), count: formatNumber(total) })
        : t('queue.count', { count: 0 })}
    </span>
  );
}

/** A list that could not be loaded: the reason in Dutch and a button to try again. */
export function RetryAlert({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{t('app.error', { message: (error as { message?: string }).message ?? '' })}</p>
      <button type="button" onClick={() => void onRetry()}>
        {t('app.retry')}
      </button>
    </div>
  );
}
