import { render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../../tests/support/real-backend';
import type { CjibApi } from '../../../shared/ipc/client';
import { createAppStore } from '../../app/store';
import { appInfoApi } from './app-info-api';
import { StorageFullNotice } from './StorageFullNotice';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

/**
 * The real backend, with what a start on a full disk changes played at the boundary: app.info says
 * so and three changes wait. (The start itself, on a real full disk, is tests/integration/storage-full*.)
 */
function cjibOnFullDisk(storageFull: boolean): CjibApi {
  cjib = createInMemoryCjib();
  return {
    invoke: (async (channel: string, request: unknown) => {
      const result = await cjib.invoke(channel as never, request as never);
      if (!result.ok) return result;
      if (channel === 'app.info') return { ...result, value: { ...(result.value as object), storageFull } };
      if (channel === 'sync.status') return { ...result, value: { ...(result.value as object), pendingCommands: 3 } };
      return result;
    }) as CjibApi['invoke'],
  };
}

describe('StorageFullNotice', () => {
  it('says the app only reads, how many changes still go out, and what to do', async () => {
    render(
      <Provider store={createAppStore(cjibOnFullDisk(true))}>
        <StorageFullNotice />
      </Provider>,
    );
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('De schijf van deze computer is vol');
    expect(notice).toHaveTextContent('Nieuwe wijzigingen kunnen niet worden opgeslagen');
    expect(await screen.findByText(/3 nog niet verzonden wijzigingen worden verstuurd/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument(); // not to be closed
  });

  it('is not there on an ordinary start', async () => {
    const store = createAppStore(cjibOnFullDisk(false));
    render(
      <Provider store={store}>
        <StorageFullNotice />
      </Provider>,
    );
    // Once the app's info has arrived, the notice would have been drawn.
    await waitFor(() => expect(appInfoApi.endpoints.appInfo.select()(store.getState()).data).toBeDefined());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
