import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TaskSortKey } from '../../../shared/api/saved-views';
import { daysLeft, urgency } from '../../../shared/domain/taken';
import { formatCents, formatDate, formatNumber } from '../../../shared/format';
import type { TaskRow } from '../../../shared/ipc/contract';
import { queueSearchMatchLimit } from '../../../shared/ipc/contract-taken';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t } from '../../app/i18n/t';
import { VirtualGrid } from '../../components/VirtualGrid';
import { GridPosition, RetryAlert } from '../../components/GridParts';
import { sortableColumns, type ColumnDef } from '../../components/sortable-columns';
import { useCurrentSessionQuery } from '../session/session-api';
import { BulkAssignPanel } from './BulkAssignPanel';
import { QueueTabs } from './QueueTabs';
import { QueueToolbar } from './QueueToolbar';
import { useOpenShortcuts } from '../../app/GlobalShortcuts';
import { PaneSplitter } from '../../components/PaneSplitter';
import { useMediaQuery } from '../../components/use-media-query';
import { TaskPreview } from './TaskPreview';
import { clearSelection, setActive, sortQueue, toggleSelected } from './queue-slice';
import { useClaimTaskMutation, useCompleteTaskMutation, useReleaseTaskMutation } from './taken-api';
import { taskRoute } from './task-route';
import { useQueueRows } from './use-queue-rows';
import { todayInAmsterdam } from '../../../shared/domain/amsterdam-clock';
import { can } from '../../../shared/domain/permissions';

const columnDefs: readonly ColumnDef<TaskSortKey>[] = [
  { key: 'person', label: 'queue.columns.person', width: 'minmax(10.5rem, 2fr)', sort: 'personName' },
  { key: 'task', label: 'queue.columns.task', width: 'minmax(12.5rem, 1.4fr)', sort: 'kind' },
  { key: 'claimKind', label: 'queue.columns.claimKind', width: 'minmax(7rem, 1fr)' },
  { key: 'outstanding', label: 'queue.columns.outstanding', width: '7rem', sort: 'outstanding', numeric: true },
  { key: 'phase', label: 'queue.columns.phase', width: 'minmax(7rem, 1fr)', sort: 'phase' },
  { key: 'dueDate', label: 'queue.columns.dueDate', width: '6.5rem', sort: 'dueDate' },
  { key: 'left', label: 'queue.columns.left', width: '6.5rem' },
  { key: 'assignee', label: 'queue.columns.assignee', width: 'minmax(8rem, 1fr)' },
];

function today(): string {
  return todayInAmsterdam();
}

/** Beside the preview the grid keeps the columns to choose by; the preview shows the rest. */
const besidePreviewHidden = new Set(['claimKind', 'phase', 'dueDate', 'assignee']);

export function WerkvoorraadPage() {
  const { view, active, selected } = useAppSelector((state) => state.queue);
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const { data: session } = useCurrentSessionQuery();
  const user = session?.user;
  const isLead = can(user, 'assignTasks');
  const rows = useQueueRows(view, active);
  const [claim] = useClaimTaskMutation();
  const [release] = useReleaseTaskMutation();
  const [complete] = useCompleteTaskMutation();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const openShortcuts = useOpenShortcuts();
  // 1280 px and wider: the selected task beside the list (master–detail); narrower, it opens as a page.
  const wide = useMediaQuery('(min-width: 80em)');
  const [previewWidth, setPreviewWidth] = useState(340);
  const [bulkOpen, setBulkOpen] = useState(false);
  const now = today();

  useEffect(() => {
    if (active >= rows.total && rows.total > 0) dispatch(setActive(rows.total - 1));
  }, [active, rows.total, dispatch]);

  const showInfo = useCallback((text: string) => setMessage({ text, error: false }), []);

  const run = useCallback(
    async (action: 'claim' | 'release' | 'complete', row: TaskRow | undefined) => {
      if (!row) return setMessage({ text: t('queue.nothingActive'), error: true });
      const mutation = action === 'claim' ? claim : action === 'release' ? release : complete;
      const result = await mutation(row.id);
      if ('error' in result && result.error) {
        setMessage({ text: (result.error as { message?: string }).message ?? '', error: true });
      } else {
        const key = action === 'claim' ? 'queue.claimed' : action === 'release' ? 'queue.released' : 'queue.completed';
        setMessage({ text: t(key, { person: row.personName }), error: false });
      }
    },
    [claim, release, complete],
  );

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, row: TaskRow | undefined): boolean => {
    switch (event.key) {
      case 'Enter':
        if (row) void navigate(taskRoute(row));
        return true;
      case 'c':
        void run('claim', row);
        return true;
      case 'v':
        void run('release', row);
        return true;
      case 'd':
        void run('complete', row);
        return true;
      case 'x':
      case ' ':
        if (isLead && row) dispatch(toggleSelected(row.id));
        return isLead;
      case 'a':
        if (!isLead) setMessage({ text: t('queue.onlyLead'), error: true });
        else if (selected.length === 0 && row) dispatch(toggleSelected(row.id));
        if (isLead) setBulkOpen(true);
        return true;
      case 'Escape':
        dispatch(clearSelection());
        return true;
      default:
        return false;
    }
  };

  const columns = sortableColumns(columnDefs, view, (sort) => dispatch(sortQueue(sort)));

  const renderCell = (row: TaskRow, key: string) => {
    switch (key) {
      case 'person':
        return (
          <Link to={`/personen/${row.personId}`} tabIndex={-1}>
            {row.personName}
          </Link>
        );
      case 'task':
        return (
          <>
            {t(`taskKind.${row.kind}`)}
            {row.priority === 'urgent' ? <strong className="urgency--te_laat"> · {t('queue.urgent')}</strong> : null}
            {row.pending ? <span className="tag"> {t('queue.pendingMark')}</span> : null}
          </>
        );
      case 'claimKind':
        return row.claimKind ? t(`claimKind.${row.claimKind}`) : '–';
      case 'outstanding':
        return row.outstandingCents === null ? '–' : formatCents(row.outstandingCents);
      case 'phase':
        return row.phase ? t(`claimPhase.${row.phase}`) : '–';
      case 'dueDate':
        return formatDate(row.dueDate);
      case 'left': {
        const left = daysLeft(row.dueDate, now);
        const text =
          left < 0
            ? t('queue.overdue', { days: -left })
            : left === 0
              ? t('queue.today')
              : t('queue.daysLeft', { days: left });
        return <span className={`urgency--${urgency(row.dueDate, now)}`}>{text}</span>;
      }
      case 'assignee':
        return row.assigneeName ?? t('queue.unassigned');
      default:
        return null;
    }
  };

  const activeRow = rows.rowAt(active);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('queue.title')}</h1>
      <p>{t('queue.intro')}</p>
      <QueueTabs isLead={isLead} />
      <QueueToolbar userId={user?.id ?? ''} isLead={isLead} onMessage={showInfo} />

      <div className="queue-actions">
        <button type="button" disabled={!activeRow} onClick={() => activeRow && void navigate(taskRoute(activeRow))}>
          {t('queue.open')} <kbd aria-hidden="true">{t('queue.enterKey')}</kbd>
        </button>
        <button type="button" disabled={!activeRow} onClick={() => void run('claim', activeRow)}>
          {t('queue.claim')} <kbd aria-hidden="true">c</kbd>
        </button>
        <button type="button" disabled={!activeRow} onClick={() => void run('release', activeRow)}>
          {t('queue.release')} <kbd aria-hidden="true">v</kbd>
        </button>
        <button type="button" disabled={!activeRow} onClick={() => void run('complete', activeRow)}>
          {t('queue.complete')} <kbd aria-hidden="true">d</kbd>
        </button>
        {isLead ? (
          <>
            <button
              type="button"
              disabled={!activeRow}
              onClick={() => activeRow && dispatch(toggleSelected(activeRow.id))}
            >
              {t('queue.select')} <kbd aria-hidden="true">x</kbd>
            </button>
            <button type="button" disabled={selected.length === 0} onClick={() => setBulkOpen(true)}>
              {t('queue.assign')} <kbd aria-hidden="true">a</kbd>
            </button>
            {selected.length ? (
              <button type="button" onClick={() => dispatch(clearSelection())}>
                {t('queue.clearSelection')} ({t('queue.selectedCount', { count: selected.length })})
              </button>
            ) : null}
          </>
        ) : null}
        <button type="button" onClick={openShortcuts}>
          {t('queue.shortcuts')} <kbd aria-hidden="true">?</kbd>
        </button>
        <GridPosition active={active} total={rows.total} />
      </div>

      {message ? (
        <p
          className={message.error ? 'alert alert--error' : 'alert alert--info'}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      <RetryAlert error={rows.error} onRetry={rows.refetch} />

      {bulkOpen && isLead && selected.length ? (
        <BulkAssignPanel
          taskIds={selected}
          onDone={() => {
            setBulkOpen(false);
            dispatch(clearSelection());
            document.getElementById('queue-grid')?.focus();
          }}
        />
      ) : null}

      <div
        className={wide ? 'master-detail' : undefined}
        style={wide ? { gridTemplateColumns: `minmax(0, 1fr) auto ${previewWidth}px` } : undefined}
      >
        <VirtualGrid
          id="queue-grid"
          label={t('queue.gridLabel', { queue: t(`queue.${view.queue}`), count: formatNumber(rows.total) })}
          columns={wide ? columns.filter((c) => !besidePreviewHidden.has(c.key)) : columns}
          rowCount={rows.total}
          rowAt={rows.rowAt}
          rowKey={(row) => row.id}
          renderCell={renderCell}
          active={active}
          onActiveChange={(index) => dispatch(setActive(index))}
          onVisibleRangeChange={rows.onVisibleRangeChange}
          onRowKey={onRowKey}
          isSelected={isLead ? (row) => selected.includes(row.id) : undefined}
          busy={rows.fetching}
        />
        {wide ? (
          <>
            <PaneSplitter
              label={t('queue.preview.resize')}
              controls="task-preview"
              width={previewWidth}
              min={280}
              max={640}
              onWidth={setPreviewWidth}
            />
            <aside id="task-preview" className="task-preview" aria-label={t('queue.preview.label')}>
              <TaskPreview task={activeRow} />
            </aside>
          </>
        ) : null}
      </div>
      {rows.tooBroad ? (
        <p id="queue-too-broad" className="alert alert--info" role="status">
          {t('queue.searchTooBroad', { limit: formatNumber(queueSearchMatchLimit) })}
        </p>
      ) : rows.loaded && rows.total === 0 ? (
        <p className="empty-state">{t('queue.empty')}</p>
      ) : null}
    </section>
  );
}
