import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const notificationsApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    notifications: build.query<ResponseOf<'notifications.list'>, void>({
      query: () => ({ channel: 'notifications.list', request: {} }),
      providesTags: ['Tasks', 'Victims', 'Arrangements', 'Escalations', 'Reviews'],
    }),
  }),
});

export const { useNotificationsQuery } = notificationsApi;
