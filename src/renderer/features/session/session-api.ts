import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const sessionApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    currentSession: build.query<ResponseOf<'session.current'>, void>({
      query: () => ({ channel: 'session.current', request: {} }),
      providesTags: ['Session'],
    }),
    syncStatus: build.query<ResponseOf<'sync.status'>, void>({
      query: () => ({ channel: 'sync.status', request: {} }),
      providesTags: ['Sync'],
    }),
  }),
});

export const { useCurrentSessionQuery, useSyncStatusQuery } = sessionApi;
