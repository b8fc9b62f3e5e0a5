import { act, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInMemoryCjib } from '../../../../tests/support/real-backend';
import { createAppStore } from '../../app/store';
import { IdleLock } from './IdleLock';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => {
  vi.useRealTimers();
  await cjib.close();
});

function renderLock(timeoutMs: number) {
  cjib = createInMemoryCjib({ seedDemo: undefined });
  return render(
    <Provider store={createAppStore(cjib)}>
      <IdleLock timeoutMs={timeoutMs}>
        <p>Vertrouwelijke zaakgegevens</p>
      </IdleLock>
    </Provider>,
  );
}

describe('IdleLock', () => {
  it('locks after the idle time and no longer renders the case data', () => {
    vi.useFakeTimers();
    renderLock(15 * 60 * 1000);
    expect(screen.getByText('Vertrouwelijke zaakgegevens')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(15 * 60 * 1000 - 1));
    expect(screen.getByText('Vertrouwelijke zaakgegevens')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('heading', { name: 'Scherm vergrendeld' })).toBeInTheDocument();
    expect(screen.queryByText('Vertrouwelijke zaakgegevens')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Wachtwoord')).toHaveAttribute('type', 'password');
  });

  it('starts counting again on every keystroke or pointer action', () => {
    vi.useFakeTimers();
    renderLock(1000);
    for (let i = 0; i < 5; i++) {
      act(() => vi.advanceTimersByTime(900));
      act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' })));
    }
    expect(screen.getByText('Vertrouwelijke zaakgegevens')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.queryByText('Vertrouwelijke zaakgegevens')).not.toBeInTheDocument();
  });
});
