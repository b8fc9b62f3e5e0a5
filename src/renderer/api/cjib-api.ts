import { createApi, type BaseQueryFn } from '@reduxjs/toolkit/query/react';
import type { CjibApi } from '../../shared/ipc/client';
import { cacheTags } from '../../shared/ipc/events';
import type { Channel, RequestOf } from '../../shared/ipc/contract';
import type { AppErrorShape } from '../../shared/ipc/result';
import { neutralizeDeep } from '../../shared/validation/neutralize';

export interface ThunkExtra {
  cjib: CjibApi;
}

export interface CjibQueryArgs<C extends Channel = Channel> {
  channel: C;
  request: RequestOf<C>;
}

/**
 * RTK Query over `window.cjib`: the envelope's error becomes RTK Query's error. Every string that
 * reaches a screen loses bidi overrides and terminal escapes first (neutralize.ts): a note or a
 * name cannot turn the text around it.
 */
export const cjibBaseQuery: BaseQueryFn<CjibQueryArgs, unknown, AppErrorShape> = async (args, api) => {
  const { cjib } = api.extra as ThunkExtra;
  const result = await cjib.invoke(args.channel, args.request);
  return result.ok ? { data: neutralizeDeep(result.value) } : { error: neutralizeDeep(result.error) };
};

/** The cached data a pull from the central API can change (shared with the backend's change events). */
export const syncedTags = cacheTags;

/** One API slice; each feature adds its endpoints with `injectEndpoints`. */
export const cjibApi = createApi({
  reducerPath: 'cjibApi',
  baseQuery: cjibBaseQuery,
  tagTypes: ['Session', 'Sync', 'ParameterSetAdmin', ...syncedTags],
  endpoints: () => ({}),
});
