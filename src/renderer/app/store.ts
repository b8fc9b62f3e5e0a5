import { combineReducers, configureStore } from '@reduxjs/toolkit';
import type { CjibApi } from '../../shared/ipc/client';
import { cjibApi, type ThunkExtra } from '../api/cjib-api';
import { createQueuePrefetch } from '../features/werkvoorraad/queue-prefetch';
import { queueSlice } from '../features/werkvoorraad/queue-slice';
import { werkvoorraadSlice } from '../features/werkvoorraad/werkvoorraad-slice';

const rootReducer = combineReducers({
  [cjibApi.reducerPath]: cjibApi.reducer,
  [werkvoorraadSlice.name]: werkvoorraadSlice.reducer,
  [queueSlice.name]: queueSlice.reducer,
});

export function createAppStore(cjib: CjibApi) {
  return configureStore({
    reducer: rootReducer,
    middleware: (getDefault) =>
      getDefault({ thunk: { extraArgument: { cjib } satisfies ThunkExtra } })
        .prepend(createQueuePrefetch())
        .concat(cjibApi.middleware),
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<typeof rootReducer>;
export type AppDispatch = AppStore['dispatch'];
