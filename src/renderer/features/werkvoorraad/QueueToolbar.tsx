import { memo, useEffect, useState, type FormEvent } from 'react';
import { claimKinds, claimPhases } from '../../../shared/domain/claims';
import { FilterSelect } from '../../components/FilterSelect';
import { taskKinds } from '../../../shared/domain/taken';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { t } from '../../app/i18n/t';
import { applyView, detachView, filterQueue, searchQueue, toggleFilters } from './queue-slice';
import { useDeleteViewMutation, useSaveViewMutation, useSavedViewsQuery } from './taken-api';

const searchDelayMs = 150;

/** Search, filters and the team's saved views above a queue (memoized like the tabs). */
export const QueueToolbar = memo(function QueueToolbar({
  userId,
  isLead,
  onMessage,
}: {
  userId: string;
  isLead: boolean;
  onMessage: (message: string) => void;
}) {
  const { view, savedViewId, filtersFolded } = useAppSelector((state) => state.queue);
  const activeFilters = [view.taskKind, view.claimKind, view.phase].filter((f) => f !== null).length;
  const dispatch = useAppDispatch();
  const [text, setText] = useState(view.search);
  const { data: views } = useSavedViewsQuery();
  const [saveView, saving] = useSaveViewMutation();
  const [deleteView] = useDeleteViewMutation();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  // A view applied from elsewhere puts its text in the box (adjusting state while rendering).
  const [shownSearch, setShownSearch] = useState(view.search);
  if (shownSearch !== view.search) {
    setShownSearch(view.search);
    setText(view.search);
  }
  // Typing searches after a short pause.
  useEffect(() => {
    if (text === view.search) return;
    const timer = setTimeout(() => dispatch(searchQueue(text)), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, view.search, dispatch]);

  const current = views?.views.find((v) => v.id === savedViewId);
  const submitView = async (event: FormEvent) => {
    event.preventDefault();
    const result = await saveView({ name, definition: view });
    if ('data' in result && result.data) {
      dispatch(applyView({ id: result.data.id, definition: result.data.definition }));
      onMessage(t('queue.viewSaved', { name: result.data.name }));
      setNaming(false);
      setName('');
    }
  };

  return (
    <div className="queue-toolbar">
      <label className="field">
        <span className="field__label">
          {t('queue.search')} <kbd aria-hidden="true">/</kbd>
        </span>
        <input
          id="queue-search"
          type="search"
          value={text}
          maxLength={100}
          aria-describedby="queue-search-hint"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' && e.key !== 'ArrowDown') return;
            // Enter searches now, without the typing pause; both go on to the rows found.
            if (e.key === 'Enter') dispatch(searchQueue(text));
            e.preventDefault();
            document.getElementById('queue-grid')?.focus();
          }}
        />
        <span id="queue-search-hint" className="visually-hidden">
          {t('queue.searchHint')}
        </span>
      </label>
      <button
        type="button"
        className="queue-toolbar__fold"
        aria-expanded={!filtersFolded}
        aria-controls="queue-filters"
        onClick={() => dispatch(toggleFilters())}
      >
        {activeFilters ? t('queue.filtersCount', { count: activeFilters }) : t('queue.filters')}
      </button>
      <div id="queue-filters" className="queue-toolbar__filters" hidden={filtersFolded}>
        <FilterSelect
          label={t('queue.taskKind')}
          values={taskKinds}
          value={view.taskKind}
          labelOf={(kind) => t(`taskKind.${kind}`)}
          onChange={(taskKind) => dispatch(filterQueue({ taskKind }))}
        />
        <FilterSelect
          label={t('queue.claimKind')}
          values={claimKinds}
          value={view.claimKind}
          labelOf={(kind) => t(`claimKind.${kind}`)}
          onChange={(claimKind) => dispatch(filterQueue({ claimKind }))}
        />
        <FilterSelect
          label={t('queue.phase')}
          values={claimPhases}
          value={view.phase}
          labelOf={(phase) => t(`claimPhase.${phase}`)}
          onChange={(phase) => dispatch(filterQueue({ phase }))}
        />
        <label className="field">
          <span className="field__label">{t('queue.view')}</span>
          <select
            value={savedViewId ?? ''}
            onChange={(e) => {
              const chosen = views?.views.find((v) => v.id === e.target.value);
              if (chosen) dispatch(applyView({ id: chosen.id, definition: chosen.definition }));
            }}
          >
            <option value="">{t('queue.noView')}</option>
            {views?.views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.ownerId === userId ? v.name : t('queue.viewOwner', { name: v.name, owner: v.ownerName })}
              </option>
            ))}
          </select>
        </label>
        {naming ? (
          <form className="queue-toolbar" onSubmit={(e) => void submitView(e)}>
            <label className="field">
              <span className="field__label">{t('queue.viewName')}</span>
              <input value={name} minLength={2} maxLength={80} required onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit" disabled={saving.isLoading}>
              {t('queue.save')}
            </button>
            <button type="button" onClick={() => setNaming(false)}>
              {t('queue.cancel')}
            </button>
            {saving.error ? (
              <p role="alert" className="field__error">
                {(saving.error as { message?: string }).message}
              </p>
            ) : null}
          </form>
        ) : (
          <button type="button" onClick={() => setNaming(true)}>
            {t('queue.saveView')}
          </button>
        )}
        {current && (current.ownerId === userId || isLead) ? (
          <button
            type="button"
            onClick={() =>
              void deleteView(current.id).then(() => {
                dispatch(detachView());
                onMessage(t('queue.viewDeleted'));
              })
            }
          >
            {t('queue.deleteView')}
          </button>
        ) : null}
      </div>
    </div>
  );
});
