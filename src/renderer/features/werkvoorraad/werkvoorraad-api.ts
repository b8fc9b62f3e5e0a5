import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const werkvoorraadApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    listWerkvoorraad: build.query<ResponseOf<'werkvoorraad.list'>, RequestOf<'werkvoorraad.list'>>({
      query: (request) => ({ channel: 'werkvoorraad.list', request }),
      providesTags: ['Claims'],
    }),
  }),
});

export const { useListWerkvoorraadQuery } = werkvoorraadApi;
