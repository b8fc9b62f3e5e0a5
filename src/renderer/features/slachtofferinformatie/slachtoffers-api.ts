import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const slachtoffersApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    victimTasks: build.query<ResponseOf<'slachtoffers.tasks'>, void>({
      query: () => ({ channel: 'slachtoffers.tasks', request: {} }),
      providesTags: ['Victims'],
    }),
    victimCase: build.query<ResponseOf<'slachtoffers.victim'>, string>({
      query: (victimId) => ({ channel: 'slachtoffers.victim', request: { victimId } }),
      providesTags: ['Victims'],
    }),
    // A mutation, not a query: every read is deliberate, carries a reason and is audited; nothing caches it.
    victimContact: build.mutation<ResponseOf<'slachtoffers.contact'>, RequestOf<'slachtoffers.contact'>>({
      query: (request) => ({ channel: 'slachtoffers.contact', request }),
    }),
    savePreferences: build.mutation<ResponseOf<'slachtoffers.preferences'>, RequestOf<'slachtoffers.preferences'>>({
      query: (request) => ({ channel: 'slachtoffers.preferences', request }),
      invalidatesTags: ['Victims', 'Sync'],
    }),
    recordWishes: build.mutation<ResponseOf<'slachtoffers.wishes'>, RequestOf<'slachtoffers.wishes'>>({
      query: (request) => ({ channel: 'slachtoffers.wishes', request }),
      invalidatesTags: ['Victims', 'Sync'],
    }),
    // A mutation: each letter reads the contact data afresh (audited); nothing is cached.
    victimLetter: build.mutation<ResponseOf<'slachtoffers.letter'>, RequestOf<'slachtoffers.letter'>>({
      query: (request) => ({ channel: 'slachtoffers.letter', request }),
    }),
    proposeVoorschot: build.mutation<ResponseOf<'slachtoffers.proposeVoorschot'>, string>({
      query: (compensationId) => ({ channel: 'slachtoffers.proposeVoorschot', request: { compensationId } }),
      invalidatesTags: ['Victims', 'Sync'],
    }),
    voorschotApprovals: build.query<ResponseOf<'voorschot.approvals'>, void>({
      query: () => ({ channel: 'voorschot.approvals', request: {} }),
      providesTags: ['Victims'],
    }),
    decideVoorschot: build.mutation<ResponseOf<'voorschot.decide'>, RequestOf<'voorschot.decide'>>({
      query: (request) => ({ channel: 'voorschot.decide', request }),
      invalidatesTags: ['Victims', 'Sync'],
    }),
    notifyVictim: build.mutation<ResponseOf<'slachtoffers.notify'>, RequestOf<'slachtoffers.notify'>>({
      query: (request) => ({ channel: 'slachtoffers.notify', request }),
      invalidatesTags: ['Victims', 'Sync'],
    }),
  }),
});

export const {
  useVictimTasksQuery,
  useVictimCaseQuery,
  useVictimContactMutation,
  useNotifyVictimMutation,
  useRecordWishesMutation,
  useSavePreferencesMutation,
  useProposeVoorschotMutation,
  useVictimLetterMutation,
  useVoorschotApprovalsQuery,
  useDecideVoorschotMutation,
} = slachtoffersApi;
