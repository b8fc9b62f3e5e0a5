import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { toApprovedParameterSet } from '../../../shared/api/parameters';
import { installApprovedParameterSets } from '../../../shared/domain/parameters/registry';
import { cjibApi } from '../../api/cjib-api';

export const parametersApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    /** The approved sets this app holds; refetched after each sync, installed for the screens' rules. */
    approvedParameterSets: build.query<ResponseOf<'parameters.approved'>, void>({
      query: () => ({ channel: 'parameters.approved', request: {} }),
      // Installed as the answer arrives, before any screen renders with it: previews and checks
      // in this window then use the same sets as the app's backend and the central API.
      transformResponse: (response: ResponseOf<'parameters.approved'>) => {
        installApprovedParameterSets(response.sets.map(toApprovedParameterSet));
        return response;
      },
      providesTags: ['ParameterSets'],
    }),
    parameterSets: build.query<ResponseOf<'parameters.list'>, void>({
      query: () => ({ channel: 'parameters.list', request: {} }),
      // Read live and audited: not refetched after every sync, only after a proposal or decision here.
      providesTags: ['ParameterSetAdmin'],
      keepUnusedDataFor: 0,
    }),
    proposeParameterSet: build.mutation<ResponseOf<'parameters.propose'>, RequestOf<'parameters.propose'>>({
      query: (request) => ({ channel: 'parameters.propose', request }),
      invalidatesTags: ['ParameterSets', 'ParameterSetAdmin'],
    }),
    decideParameterSet: build.mutation<ResponseOf<'parameters.decide'>, RequestOf<'parameters.decide'>>({
      query: (request) => ({ channel: 'parameters.decide', request }),
      invalidatesTags: ['ParameterSets', 'ParameterSetAdmin'],
    }),
  }),
});

export const {
  useApprovedParameterSetsQuery,
  useParameterSetsQuery,
  useProposeParameterSetMutation,
  useDecideParameterSetMutation,
} = parametersApi;
