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
  /** The row under the keyboard cursor: kept, so Back from a claim returns to the same row. */
  active: number;
}

const initialState: WerkvoorraadState = {
  sort: 'dueDate',
  direction: 'asc',
  kind: null,
  phase: null,
  search: '',
  active: 0,
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
      state.active = 0;
    },
    filterKind(state, action: PayloadAction<ClaimKind | null>) {
      state.kind = action.payload;
      state.active = 0;
    },
    filterPhase(state, action: PayloadAction<ClaimPhase | null>) {
      state.phase = action.payload;
      state.active = 0;
    },
    searchClaims(state, action: PayloadAction<string>) {
      state.search = action.payload.trim();
      state.active = 0;
    },
    setClaimActive(state, action: PayloadAction<number>) {
      state.active = Math.max(0, action.payload);
    },
  },
});

export const { sortBy, filterKind, filterPhase, searchClaims, setClaimActive } = werkvoorraadSlice.actions;
