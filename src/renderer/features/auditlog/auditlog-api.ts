import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { cjibApi } from '../../api/cjib-api';

export const auditlogApi = cjibApi.injectEndpoints({
  endpoints: (build) => ({
    auditLog: build.query<ResponseOf<'audit.list'>, RequestOf<'audit.list'>>({
      query: (request) => ({ channel: 'audit.list', request }),
      // Read live each time and not kept once the screen is left: the log names who read what.
      keepUnusedDataFor: 0,
    }),
  }),
});

export const { useAuditLogQuery } = auditlogApi;
