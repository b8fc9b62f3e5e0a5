import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ClaimKind, ClaimPhase } from '../../../shared/domain/claims';
import type { EscalationAdviceKey, escalationSortKeys } from '../../../shared/ipc/contract';

export type EscalationSort = (typeof escalationSortKeys)[number];

export interface EscalatiesView {
  sort: EscalationSort;
  direction: 'asc' | 'desc';
  advice: EscalationAdviceKey | null;
  kind: ClaimKind | null;
  phase: ClaimPhase | null;
  /** Claims owing less are left out; null lists € 0 claims too. */
  minOutstandingCents: number | null;
  search: string;
}

export interface EscalatiesState {
  view: EscalatiesView;
  /** The row under the keyboard cursor: kept, so Back from a claim returns to the same row. */
  active: number;
  selected: string[];
}

const initialState: EscalatiesState = {
  view: {
    sort: 'dueDate',
    direction: 'asc',
    advice: null,
    kind: null,
    phase: null,
    minOutstandingCents: 1,
    search: '',
  },
  active: 0,
  selected: [],
};

/** The Escalaties worklist's view, cursor and selection (the rows stay in SQLite). */
export const escalatiesSlice = createSlice({
  name: 'escalaties',
  initialState,
  reducers: {
    sortEscalaties(state, action: PayloadAction<EscalationSort>) {
      if (state.view.sort === action.payload) {
        state.view.direction = state.view.direction === 'asc' ? 'desc' : 'asc';
      } else {
        state.view.sort = action.payload;
        state.view.direction = 'asc';
      }
      state.active = 0;
    },
    filterEscalaties(state, action: PayloadAction<Partial<Omit<EscalatiesView, 'sort' | 'direction'>>>) {
      state.view = { ...state.view, ...action.payload };
      state.active = 0;
    },
    setEscalatieActive(state, action: PayloadAction<number>) {
      state.active = Math.max(0, action.payload);
    },
    toggleEscalatieSelected(state, action: PayloadAction<string>) {
      const at = state.selected.indexOf(action.payload);
      if (at >= 0) state.selected.splice(at, 1);
      else state.selected.push(action.payload);
    },
    clearEscalatieSelection(state) {
      state.selected = [];
    },
  },
});

export const {
  sortEscalaties,
  filterEscalaties,
  setEscalatieActive,
  toggleEscalatieSelected,
  clearEscalatieSelection,
} = escalatiesSlice.actions;
