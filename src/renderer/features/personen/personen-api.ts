import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';
import { listTagId } from '../../../shared/ipc/events';

export const personenApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    personView: build.query<ResponseOf<'persons.view'>, string>({
      query: (personId) => ({ channel: 'persons.view', request: { personId } }),
      providesTags: [{ type: 'Claims', id: listTagId }, 'Tasks', 'Arrangements', 'Escalations'],
    }),
    vorderingenoverzicht: build.mutation<ResponseOf<'persons.vorderingenoverzicht'>, string>({
      query: (personId) => ({ channel: 'persons.vorderingenoverzicht', request: { personId } }),
    }),
  }),
});

export const { usePersonViewQuery, useVorderingenoverzichtMutation } = personenApi;
