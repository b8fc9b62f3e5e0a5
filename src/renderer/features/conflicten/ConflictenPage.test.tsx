import { fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheWithRefusedNote } from '../../../../tests/support/refused-note';
import { createAppStore } from '../../app/store';
import { ConflictenPage } from './ConflictenPage';

let fixture: Awaited<ReturnType<typeof cacheWithRefusedNote>> | undefined;
afterEach(async () => fixture?.close());

describe('ConflictenPage', () => {
  it('redoes a refused note once, however quickly the button is pressed twice', async () => {
    fixture = await cacheWithRefusedNote();
    render(
      <Provider store={createAppStore(fixture.cjib)}>
        <ConflictenPage />
      </Provider>,
    );
    const redo = await screen.findByRole('button', { name: 'Opnieuw vastleggen' });
    fireEvent.click(redo);
    // While the first is being saved, the second press cannot reach the backend.
    expect(redo).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Laten vervallen' })).toBeDisabled();
    fireEvent.click(redo);
    await screen.findByText('Er zijn geen conflicten.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fixture.outboxCount('AddCaseNote')).toBe(1);
  });
});
