import { createListenerMiddleware, isAnyOf } from '@reduxjs/toolkit';
import { applyView, filterQueue, searchQueue, showQueue, sortQueue, type QueueState } from './queue-slice';
import { takenApi } from './taken-api';
import { queueWindow } from './use-queue-rows';

/**
 * When the worker changes what the queue shows (tab, sort, filter, search, saved view), its first
 * window starts loading in the same event: the grid's own query would only start after React has
 * rendered the change and run its effects, a frame or more later. The grid then finds the request
 * under way (or done) under the same arguments.
 */
export function createQueuePrefetch() {
  const listener = createListenerMiddleware();
  listener.startListening({
    matcher: isAnyOf(showQueue, sortQueue, filterQueue, searchQueue, applyView),
    effect: (_action, api) => {
      const { view } = (api.getState() as { queue: QueueState }).queue;
      void api.dispatch(takenApi.util.prefetch('taskQueue', queueWindow(view, 0), {}));
    },
  });
  return listener.middleware;
}
