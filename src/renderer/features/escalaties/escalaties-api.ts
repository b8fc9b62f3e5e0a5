import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';
import { listTagId } from '../../../shared/ipc/events';

export const escalatiesApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    aanmaningLetter: build.mutation<ResponseOf<'claims.aanmaningLetter'>, string>({
      query: (eventId) => ({ channel: 'claims.aanmaningLetter', request: { eventId } }),
    }),
    escalationPage: build.query<ResponseOf<'escalaties.page'>, RequestOf<'escalaties.page'>>({
      query: (request) => ({ channel: 'escalaties.page', request }),
      providesTags: [{ type: 'Claims', id: listTagId }, 'Arrangements', 'Escalations'],
    }),
    escalationCase: build.query<ResponseOf<'escalaties.claim'>, string>({
      query: (claimId) => ({ channel: 'escalaties.claim', request: { claimId } }),
      providesTags: (_result, _error, claimId) => [{ type: 'Claims', id: claimId }, 'Arrangements', 'Escalations'],
    }),
    decideEscalation: build.mutation<ResponseOf<'escalaties.decide'>, RequestOf<'escalaties.decide'>>({
      query: (request) => ({ channel: 'escalaties.decide', request }),
      invalidatesTags: ['Escalations', 'Sync'],
    }),
    bulkEscalation: build.mutation<ResponseOf<'escalaties.bulk'>, RequestOf<'escalaties.bulk'>>({
      query: (request) => ({ channel: 'escalaties.bulk', request }),
      invalidatesTags: (result, _error, request) => (request.preview ? [] : ['Escalations', 'Sync']),
    }),
    waiveVerhoging: build.mutation<ResponseOf<'escalaties.waive'>, RequestOf<'escalaties.waive'>>({
      query: (request) => ({ channel: 'escalaties.waive', request }),
      invalidatesTags: ['Escalations', 'Sync'],
    }),
    escalationDecisions: build.query<ResponseOf<'escalaties.list'>, RequestOf<'escalaties.list'>>({
      query: (request) => ({ channel: 'escalaties.list', request }),
      providesTags: ['Escalations'],
    }),
    decideEscalationApproval: build.mutation<
      ResponseOf<'escalaties.decideApproval'>,
      RequestOf<'escalaties.decideApproval'>
    >({
      query: (request) => ({ channel: 'escalaties.decideApproval', request }),
      invalidatesTags: ['Escalations', 'Sync'],
    }),
  }),
});

export const {
  useEscalationPageQuery,
  useEscalationCaseQuery,
  useDecideEscalationMutation,
  useBulkEscalationMutation,
  useWaiveVerhogingMutation,
  useEscalationDecisionsQuery,
  useDecideEscalationApprovalMutation,
  useAanmaningLetterMutation,
} = escalatiesApi;
