import { combineReducers, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import type { CjibApi } from '../../shared/ipc/client';
import { cjibApi, type ThunkExtra } from '../api/cjib-api';
import { backendEventReceived, listenToBackendEvents } from './backend-events';
import { createQueuePrefetch } from '../features/werkvoorraad/queue-prefetch';
import { queueSlice } from '../features/werkvoorraad/queue-slice';
import { werkvoorraadSlice } from '../features/werkvoorraad/werkvoorraad-slice';
import { escalatiesSlice } from '../features/escalaties/escalaties-slice';

const rootReducer = combineReducers({
  [cjibApi.reducerPath]: cjibApi.reducer,
  [werkvoorraadSlice.name]: werkvoorraadSlice.reducer,
  [queueSlice.name]: queueSlice.reducer,
  [escalatiesSlice.name]: escalatiesSlice.reducer,
});

export function createAppStore(cjib: CjibApi) {
  const listener = createListenerMiddleware();
  listenToBackendEvents(listener);
  const store = configureStore({
    reducer: rootReducer,
    middleware: (getDefault) =>
      getDefault({ thunk: { extraArgument: { cjib } satisfies ThunkExtra } })
        .prepend(createQueuePrefetch(), listener.middleware)
        .concat(cjibApi.middleware),
    // RTK batches query results until the next animation frame by default; then React renders
    // inside that frame and the rows show a frame late when the page is busy. Batched per tick
    // instead, a page of rows is in the DOM before the next frame begins.
    enhancers: (getDefaultEnhancers) => getDefaultEnhancers({ autoBatch: { type: 'tick' } }),
  });
  // The app's store lives as long as the page: its subscription to the backend's events too.
  cjib.subscribe?.((event) => store.dispatch(backendEventReceived(event)));
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<typeof rootReducer>;
export type AppDispatch = AppStore['dispatch'];
