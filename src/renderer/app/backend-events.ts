import { createAction, type ListenerMiddlewareInstance } from '@reduxjs/toolkit';
import { backendEvent } from '../../shared/ipc/events';
import { cjibApi } from '../api/cjib-api';
import { sessionApi } from '../features/session/session-api';
import type { AppDispatch, RootState } from './store';

/** An event as the host delivered it: not trusted until the listener has validated it. */
export const backendEventReceived = createAction<unknown>('backend/eventReceived');

/**
 * The backend's events, handled once for every screen: changed rows refetch exactly the queries
 * that show them (per claim, or a type's lists), and a new sync state goes straight into the
 * header's cache entry. Nothing in the renderer polls for either.
 */
export function listenToBackendEvents(listener: ListenerMiddlewareInstance): void {
  listener.startListening.withTypes<RootState, AppDispatch>()({
    actionCreator: backendEventReceived,
    effect: (action, api) => {
      const parsed = backendEvent.safeParse(action.payload);
      if (!parsed.success) return; // a host that sends what the contract does not name is ignored
      const event = parsed.data;
      if (event.type === 'changed') {
        api.dispatch(cjibApi.util.invalidateTags(event.tags.map((tag) => (tag.id ? tag : tag.type))));
      } else {
        api.dispatch(sessionApi.util.upsertQueryData('syncStatus', undefined, event.status));
      }
    },
  });
}
