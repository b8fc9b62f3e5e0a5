import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';
import { listTagId } from '../../../shared/ipc/events';

export const betalingsonmachtApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    personOverview: build.query<ResponseOf<'betalingsonmacht.person'>, string>({
      query: (personId) => ({ channel: 'betalingsonmacht.person', request: { personId } }),
      providesTags: [{ type: 'Claims', id: listTagId }, 'Arrangements'],
    }),
    saveDraft: build.mutation<ResponseOf<'betalingsonmacht.saveDraft'>, RequestOf<'betalingsonmacht.saveDraft'>>({
      query: (request) => ({ channel: 'betalingsonmacht.saveDraft', request }),
    }),
    decide: build.mutation<ResponseOf<'betalingsonmacht.decide'>, RequestOf<'betalingsonmacht.decide'>>({
      query: (request) => ({ channel: 'betalingsonmacht.decide', request }),
      invalidatesTags: ['Arrangements', 'Sync'],
    }),
    pause: build.mutation<ResponseOf<'betalingsonmacht.pause'>, RequestOf<'betalingsonmacht.pause'>>({
      query: (request) => ({ channel: 'betalingsonmacht.pause', request }),
      invalidatesTags: ['Arrangements', 'Sync'],
    }),
    letter: build.mutation<ResponseOf<'betalingsonmacht.letter'>, string>({
      query: (arrangementId) => ({ channel: 'betalingsonmacht.letter', request: { arrangementId } }),
    }),
    loketDocument: build.mutation<ResponseOf<'loket.document'>, RequestOf<'loket.document'>>({
      query: (request) => ({ channel: 'loket.document', request }),
    }),
    arrangements: build.query<ResponseOf<'arrangements.list'>, RequestOf<'arrangements.list'>>({
      query: (request) => ({ channel: 'arrangements.list', request }),
      providesTags: ['Arrangements'],
    }),
    decideApproval: build.mutation<ResponseOf<'arrangements.decideApproval'>, RequestOf<'arrangements.decideApproval'>>(
      {
        query: (request) => ({ channel: 'arrangements.decideApproval', request }),
        invalidatesTags: ['Arrangements', 'Sync'],
      },
    ),
  }),
});

export const {
  usePersonOverviewQuery,
  useSaveDraftMutation,
  useDecideMutation,
  useLetterMutation,
  usePauseMutation,
  useLoketDocumentMutation,
  useArrangementsQuery,
  useDecideApprovalMutation,
} = betalingsonmachtApi;
