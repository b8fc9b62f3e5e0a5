import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi, syncedTags } from '../../api/cjib-api';

export const sessionApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    currentSession: build.query<ResponseOf<'session.current'>, void>({
      query: () => ({ channel: 'session.current', request: {} }),
      providesTags: ['Session'],
    }),
    login: build.mutation<ResponseOf<'session.login'>, RequestOf<'session.login'>>({
      query: (request) => ({ channel: 'session.login', request }),
      invalidatesTags: ['Session', 'Sync', 'Claims'],
    }),
    unlock: build.mutation<ResponseOf<'session.unlock'>, RequestOf<'session.unlock'>>({
      query: (request) => ({ channel: 'session.unlock', request }),
      invalidatesTags: ['Session'],
    }),
    lockSession: build.mutation<ResponseOf<'session.lock'>, void>({
      query: () => ({ channel: 'session.lock', request: {} }),
    }),
    logout: build.mutation<ResponseOf<'session.logout'>, void>({
      query: () => ({ channel: 'session.logout', request: {} }),
      // Nothing of the signed-out user stays in memory for the next one (victims, decisions, queues).
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        await queryFulfilled.catch(() => undefined);
        dispatch(cjibApi.util.resetApiState());
      },
    }),
    syncStatus: build.query<ResponseOf<'sync.status'>, void>({
      query: () => ({ channel: 'sync.status', request: {} }),
      providesTags: ['Sync'],
    }),
    syncNow: build.mutation<ResponseOf<'sync.now'>, void>({
      query: () => ({ channel: 'sync.now', request: {} }),
      invalidatesTags: ['Sync', ...syncedTags],
    }),
    rebuildCache: build.mutation<ResponseOf<'sync.rebuild'>, void>({
      query: () => ({ channel: 'sync.rebuild', request: {} }),
      invalidatesTags: ['Sync', ...syncedTags],
    }),
  }),
});

export const {
  useCurrentSessionQuery,
  useLoginMutation,
  useUnlockMutation,
  useLockSessionMutation,
  useLogoutMutation,
  useSyncStatusQuery,
  useSyncNowMutation,
  useRebuildCacheMutation,
} = sessionApi;
