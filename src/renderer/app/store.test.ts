import { describe, expect, it } from 'vitest';
import type { CjibApi } from '../../shared/ipc/client';
import { takenApi } from '../features/werkvoorraad/taken-api';
import { queueWindow } from '../features/werkvoorraad/use-queue-rows';
import { defaultView, searchQueue } from '../features/werkvoorraad/queue-slice';
import { createAppStore } from './store';

const page = { rows: [], total: 0, tooBroad: false };

function storeWith(invoked: unknown[] = []) {
  const cjib: CjibApi = {
    invoke: (channel, request) => {
      invoked.push({ channel, request });
      return Promise.resolve({ ok: true, value: page as never });
    },
  };
  return createAppStore(cjib);
}

describe('app store', () => {
  it('tells the screen about a query result in the same turn, not an animation frame later', async () => {
    const store = storeWith();
    let fulfilledSeen = false;
    store.subscribe(() => {
      const query = takenApi.endpoints.taskQueue.select(queueWindow(defaultView, 0))(store.getState());
      if (query.status === 'fulfilled') fulfilledSeen = true;
    });
    await store.dispatch(takenApi.endpoints.taskQueue.initiate(queueWindow(defaultView, 0)));
    await Promise.resolve();
    expect(fulfilledSeen).toBe(true);
  });

  it('starts loading the first window of the queue as soon as its view changes', () => {
    const invoked: { channel: string; request: unknown }[] = [];
    const store = storeWith(invoked);
    store.dispatch(searchQueue('jansen'));
    expect(invoked).toEqual([
      { channel: 'taken.queue', request: queueWindow({ ...defaultView, search: 'jansen' }, 0) },
    ]);
  });
});
