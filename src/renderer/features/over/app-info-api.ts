import type { ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const appInfoApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    appInfo: build.query<ResponseOf<'app.info'>, void>({
      query: () => ({ channel: 'app.info', request: {} }),
    }),
    // A mutation, not a query: every export is made fresh and nothing of it is cached.
    exportDiagnostics: build.mutation<ResponseOf<'app.diagnostics'>, void>({
      query: () => ({ channel: 'app.diagnostics', request: {} }),
    }),
  }),
});

export const { useAppInfoQuery, useExportDiagnosticsMutation } = appInfoApi;
