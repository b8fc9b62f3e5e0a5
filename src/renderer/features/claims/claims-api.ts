import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const claimsApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    claim: build.query<ResponseOf<'claims.get'>, string>({
      query: (id) => ({ channel: 'claims.get', request: { id } }),
      providesTags: (_result, _error, id) => [{ type: 'Claims', id }],
    }),
    claimHistory: build.query<ResponseOf<'claims.history'>, string>({
      query: (claimId) => ({ channel: 'claims.history', request: { claimId } }),
      providesTags: (_result, _error, claimId) => [{ type: 'Claims', id: claimId }],
    }),
    notes: build.query<ResponseOf<'notes.list'>, string>({
      query: (claimId) => ({ channel: 'notes.list', request: { claimId } }),
      providesTags: ['Notes'],
    }),
    addNote: build.mutation<ResponseOf<'notes.add'>, RequestOf<'notes.add'>>({
      query: (request) => ({ channel: 'notes.add', request }),
      invalidatesTags: ['Notes', 'Sync'],
    }),
  }),
});

export const { useClaimQuery, useClaimHistoryQuery, useNotesQuery, useAddNoteMutation } = claimsApi;
