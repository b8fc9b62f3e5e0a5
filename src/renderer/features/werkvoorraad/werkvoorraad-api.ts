import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';
import { listTagId } from '../../../shared/ipc/events';

export const werkvoorraadApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    listWerkvoorraad: build.query<ResponseOf<'werkvoorraad.list'>, RequestOf<'werkvoorraad.list'>>({
      query: (request) => ({ channel: 'werkvoorraad.list', request }),
      providesTags: [{ type: 'Claims', id: listTagId }],
    }),
  }),
});

export const { useListWerkvoorraadQuery } = werkvoorraadApi;
