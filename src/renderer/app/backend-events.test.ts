import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../tests/support/real-backend';
import type { CjibApi } from '../../shared/ipc/client';
import { claimsApi } from '../features/claims/claims-api';
import { sessionApi } from '../features/session/session-api';
import { werkvoorraadApi } from '../features/werkvoorraad/werkvoorraad-api';
import { createAppStore } from './store';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

/** The real backend (local cache) behind a host whose events the test sends, counting every call. */
function hostWithEvents() {
  cjib = createInMemoryCjib();
  const calls: string[] = [];
  let listener: ((event: unknown) => void) | undefined;
  const api: CjibApi = {
    invoke: ((channel: string, request: unknown) => {
      calls.push(`${channel} ${JSON.stringify(request)}`);
      return cjib.invoke(channel as never, request as never);
    }) as CjibApi['invoke'],
    subscribe: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
  };
  return { api, calls, send: (event: unknown) => listener?.(event) };
}

describe('backend events in the store', () => {
  it('refetches the one claim that changed and the lists, and no other claim', async () => {
    const host = hostWithEvents();
    const store = createAppStore(host.api);
    const list = await store.dispatch(werkvoorraadApi.endpoints.listWerkvoorraad.initiate({ limit: 2 }));
    const [a, b] = list.data?.rows.map((r) => r.id) ?? [];
    if (!a || !b) throw new Error('two claims expected');
    await store.dispatch(claimsApi.endpoints.claim.initiate(a));
    await store.dispatch(claimsApi.endpoints.claim.initiate(b));
    const count = (prefix: string) => host.calls.filter((c) => c.startsWith(prefix)).length;
    const before = {
      a: count(`claims.get {"id":"${a}"}`),
      b: count(`claims.get {"id":"${b}"}`),
      list: count('werkvoorraad.list'),
    };

    host.send({
      type: 'changed',
      tags: [
        { type: 'Claims', id: 'LIST' },
        { type: 'Claims', id: a },
      ],
    });
    await expect.poll(() => count(`claims.get {"id":"${a}"}`)).toBe(before.a + 1);
    await expect.poll(() => count('werkvoorraad.list')).toBe(before.list + 1);
    expect(count(`claims.get {"id":"${b}"}`)).toBe(before.b);
  });

  it('puts a new sync state in the cache without asking the backend, and ignores what is no event', async () => {
    const host = hostWithEvents();
    const store = createAppStore(host.api);
    const status = { connection: 'online', pendingCommands: 7, lastSyncAt: null, progress: null, error: null };
    host.send({ type: 'syncStatus', status });
    await expect.poll(() => sessionApi.endpoints.syncStatus.select()(store.getState()).data).toEqual(status);
    expect(host.calls.filter((c) => c.startsWith('sync.status'))).toEqual([]);

    host.send({ type: 'syncStatus', status: { ...status, pendingCommands: -1 } });
    host.send({ type: 'changed', tags: [{ type: 'Geheim' }] });
    host.send('<script>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessionApi.endpoints.syncStatus.select()(store.getState()).data?.pendingCommands).toBe(7);
  });
});
