import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../../tests/support/real-backend';
import type { CjibApi } from '../../../shared/ipc/client';
import { createAppStore } from '../../app/store';
import { SessionExpiredNotice } from './SessionExpiredNotice';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

/**
 * The real backend (local cache), with the central's side of a lapsed session played at the
 * boundary: sync.status says "session_expired" until the right password is given to session.unlock.
 * (The lapse itself, against the real central, is tested in tests/integration/sync.test.ts.)
 */
function lapsedCjib() {
  cjib = createInMemoryCjib();
  const calls: string[] = [];
  let expired = true;
  const api: CjibApi = {
    invoke: (async (channel: string, request: unknown) => {
      calls.push(channel);
      if (channel === 'session.unlock') {
        if ((request as { password: string }).password !== 'goed')
          return { ok: false, error: { code: 'unauthorized', message: 'Wachtwoord is onjuist.' } };
        expired = false;
        return cjib.invoke('session.current', {});
      }
      const result = await cjib.invoke(channel as never, request as never);
      if (channel === 'sync.status' && result.ok)
        return {
          ...result,
          value: {
            ...(result.value as object),
            connection: expired ? 'session_expired' : 'online',
            pendingCommands: 2,
          },
        };
      return result;
    }) as CjibApi['invoke'],
  };
  return { api, calls };
}

describe('SessionExpiredNotice', () => {
  it('says the work is kept, asks for the password only when the worker wants, and syncs after it', async () => {
    const { api, calls } = lapsedCjib();
    const user = userEvent.setup();
    render(
      <Provider store={createAppStore(api)}>
        <SessionExpiredNotice />
      </Provider>,
    );
    expect(await screen.findByRole('heading', { name: 'Uw sessie is verlopen' })).toBeInTheDocument();
    expect(screen.getByText(/U kunt gewoon doorwerken.*2 wijzigingen wachten/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Wachtwoord')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Opnieuw aanmelden' }));
    expect(screen.getByLabelText('Wachtwoord')).toHaveFocus();
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout');
    await user.click(screen.getByRole('button', { name: 'Aanmelden en versturen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wachtwoord is onjuist.');
    expect(calls).not.toContain('sync.now');

    await user.clear(screen.getByLabelText('Wachtwoord'));
    await user.type(screen.getByLabelText('Wachtwoord'), 'goed');
    await user.click(screen.getByRole('button', { name: 'Aanmelden en versturen' }));
    expect(await screen.findByText('U bent weer aangemeld. Wat wachtte wordt nu verstuurd.')).toBeInTheDocument();
    await waitFor(() => expect(calls).toContain('sync.now'));
    expect(screen.queryByRole('heading', { name: 'Uw sessie is verlopen' })).not.toBeInTheDocument();
  });
});
