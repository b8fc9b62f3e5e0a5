import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ClaimKind, ClaimPhase } from '../../../shared/domain/claims';
import type { werkvoorraadSortKeys } from '../../../shared/ipc/contract';

export type WerkvoorraadSort = (typeof werkvoorraadSortKeys)[number];

export interface WerkvoorraadState {
  sort: WerkvoorraadSort;
  direction: 'asc' | 'desc';
  kind: ClaimKind | null;
  phase: ClaimPhase | null;
  /** Full-text search over persons and claim references; '' shows all. */
  search: string;
  page: number;
}

export const pageSize = 50;

const initialState: WerkvoorraadState = {
  sort: 'dueDate',
  direction: 'asc',
  kind: null,
  phase: null,
  search: '',
  page: 0,
};

/** The queue's view state (UI state belongs in Redux; the rows stay in SQLite). */
export const werkvoorraadSlice = createSlice({
  name: 'werkvoorraad',
  initialState,
  reducers: {
    sortBy(state, action: PayloadAction<WerkvoorraadSort>) {
      if (state.sort === action.payload) {
        state.direction = state.direction === 'asc' ? 'desc' : 'asc';
      } else {
        state.sort = action.payload;
        state.direction = 'asc';
      }
      state.page = 0;
    },
    filterKind(state, action: PayloadAction<ClaimKind | null>) {
      state.kind = action.payload;
      state.page = 0;
    },
    filterPhase(state, action: PayloadAction<ClaimPhase | null>) {
      state.phase = action.payload;
      state.page = 0;
    },
    searchClaims(state, action: PayloadAction<string>) {
      state.search = action.payload.trim();
      state.page = 0;
    },
    goToPage(state, action: PayloadAction<number>) {
      state.page = Math.max(0, action.payload);
    },
  },
});

export const { sortBy, filterKind, filterPhase, searchClaims, goToPage } = werkvoorraadSlice.actions;
