import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const dashboardApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    teamDashboard: build.query<ResponseOf<'dashboard.team'>, void>({
      query: () => ({ channel: 'dashboard.team', request: {} }),
      providesTags: ['Tasks', 'Arrangements', 'Escalations', 'Reviews', 'Team'],
    }),
  }),
});

export const { useTeamDashboardQuery } = dashboardApi;
