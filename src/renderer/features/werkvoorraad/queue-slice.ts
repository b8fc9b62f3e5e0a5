import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { SavedViewDefinition, TaskSortKey } from '../../../shared/api/saved-views';
import type { TaskQueue } from '../../../shared/domain/taken';

export interface QueueState {
  /** What the queue shows; exactly what a saved view stores. */
  view: SavedViewDefinition;
  /** The saved view the current definition came from, while unchanged. */
  savedViewId: string | null;
  /** The row the keyboard is on (index in the whole queue). */
  active: number;
  /** Tasks picked for a bulk action (team lead). */
  selected: string[];
  /** The filters and saved views folded away, for more rows on a small screen. */
  filtersFolded: boolean;
}

export const defaultView: SavedViewDefinition = {
  queue: 'mijn_werk',
  sort: 'dueDate',
  direction: 'asc',
  taskKind: null,
  claimKind: null,
  phase: null,
  search: '',
};

const initialState: QueueState = {
  view: defaultView,
  savedViewId: null,
  active: 0,
  selected: [],
  filtersFolded: false,
};

type Filters = Pick<SavedViewDefinition, 'taskKind' | 'claimKind' | 'phase'>;

/** The queue's view state (UI state belongs in Redux; the rows stay in SQLite). */
export const queueSlice = createSlice({
  name: 'queue',
  initialState,
  reducers: {
    showQueue(state, action: PayloadAction<TaskQueue>) {
      state.view.queue = action.payload;
      state.savedViewId = null;
      state.active = 0;
      state.selected = [];
    },
    sortQueue(state, action: PayloadAction<TaskSortKey>) {
      if (state.view.sort === action.payload) {
        state.view.direction = state.view.direction === 'asc' ? 'desc' : 'asc';
      } else {
        state.view.sort = action.payload;
        state.view.direction = 'asc';
      }
      state.savedViewId = null;
      state.active = 0;
    },
    filterQueue(state, action: PayloadAction<Partial<Filters>>) {
      state.view = { ...state.view, ...action.payload };
      state.savedViewId = null;
      state.active = 0;
    },
    searchQueue(state, action: PayloadAction<string>) {
      state.view.search = action.payload;
      state.savedViewId = null;
      state.active = 0;
    },
    applyView(state, action: PayloadAction<{ id: string; definition: SavedViewDefinition }>) {
      state.view = action.payload.definition;
      state.savedViewId = action.payload.id;
      state.active = 0;
      state.selected = [];
    },
    detachView(state) {
      state.savedViewId = null;
    },
    setActive(state, action: PayloadAction<number>) {
      state.active = Math.max(0, action.payload);
    },
    toggleSelected(state, action: PayloadAction<string>) {
      state.selected = state.selected.includes(action.payload)
        ? state.selected.filter((id) => id !== action.payload)
        : [...state.selected, action.payload];
    },
    clearSelection(state) {
      state.selected = [];
    },
    toggleFilters(state) {
      state.filtersFolded = !state.filtersFolded;
    },
  },
});

export const {
  toggleFilters,
  showQueue,
  sortQueue,
  filterQueue,
  searchQueue,
  applyView,
  detachView,
  setActive,
  toggleSelected,
  clearSelection,
} = queueSlice.actions;
