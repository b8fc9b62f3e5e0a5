import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../../tests/support/real-backend';
import type { CjibApi } from '../../../shared/ipc/client';
import { createAppStore } from '../../app/store';
import { BulkAssignPanel } from './BulkAssignPanel';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

const lead = { id: 'demo-lead', displayName: 'Marieke Postma', role: 'teamleider', teamName: 'Team Inning Leeuwarden' };

describe('BulkAssignPanel', () => {
  it('reports every task of a chunk the backend refused as a whole, instead of leaving them out', async () => {
    cjib = createInMemoryCjib({ localUser: lead as never });
    const queue = await cjib.invoke('taken.queue', { queue: 'alle_open', limit: 45 } as never);
    const taskIds = queue.ok ? (queue.value as { rows: { id: string }[] }).rows.map((r) => r.id) : [];
    expect(taskIds).toHaveLength(45);
    let assignCalls = 0;
    // The real backend, except that its second chunk fails as a whole (a full disk, say).
    const api: CjibApi = {
      invoke: ((channel: string, request: unknown) => {
        if (channel === 'taken.assign' && ++assignCalls === 2)
          return Promise.resolve({
            ok: false,
            error: { code: 'storage_full', message: 'De schijf van deze computer is vol.' },
          });
        return cjib.invoke(channel as never, request as never);
      }) as CjibApi['invoke'],
    };
    const user = userEvent.setup();
    render(
      <Provider store={createAppStore(api)}>
        <BulkAssignPanel taskIds={taskIds} onDone={() => undefined} />
      </Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Voorbeeld tonen' }));
    await user.click(await screen.findByRole('button', { name: 'Herverdelen' }));
    const report = await screen.findByRole('status');
    const failed = within(within(report).getByRole('list')).getAllByRole('listitem');
    // The second chunk's 20 tasks are all there, with the reason, beside any the preview already refused.
    expect(failed.filter((li) => li.textContent?.endsWith('De schijf van deze computer is vol.'))).toHaveLength(20);
    const counts = /(\d+) taken herverdeeld, (\d+) niet\./.exec(report.textContent ?? '');
    expect(Number(counts?.[1]) + Number(counts?.[2])).toBe(45);
    expect(Number(counts?.[2])).toBe(failed.length);
  });
});
