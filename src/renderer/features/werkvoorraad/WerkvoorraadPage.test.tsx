import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../../tests/support/real-backend';
import { App } from '../../app/App';
import { defaultView } from './queue-slice';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

function renderQueue() {
  cjib = createInMemoryCjib({ seedDemo: { persons: 300, claims: 1500 } });
  return render(<App cjib={cjib} initialPath="/werkvoorraad" />);
}

const grid = () => screen.getByRole('grid');
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');
const activeRow = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');

async function loaded() {
  await waitFor(() => expect(bodyRows()[0]?.textContent).not.toBe('…'));
}

describe('werkvoorraad queues', () => {
  it('folds the filters away, says how many are set, and keeps them while folded', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Soort vordering'), 'wahv');
    const fold = screen.getByRole('button', { name: 'Filters (1)' });
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByLabelText('Soort vordering')).not.toBeVisible();
    expect(screen.queryByRole('combobox', { name: 'Soort vordering' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Weergave bewaren' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toBeVisible(); // the search stays
    await user.click(fold);
    expect(screen.getByLabelText('Soort vordering')).toHaveValue('wahv');
  });

  it('renders only the rows in view, however long the queue', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await waitFor(() => expect(Number(grid().getAttribute('aria-rowcount'))).toBeGreaterThan(300));
    await loaded();
    expect(bodyRows().length).toBeLessThanOrEqual(30);
  });

  it('moves with j/k and arrows, claims with c, and says so', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Teamvoorraad/ }));
    await loaded();
    grid().focus();
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    await user.keyboard('jj');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('4');
    await user.keyboard('{ArrowUp}k');
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    const person = within(activeRow() as HTMLElement).getAllByRole('gridcell')[0]?.textContent ?? '';
    const before = Number(grid().getAttribute('aria-rowcount'));
    await user.keyboard('c');
    expect(await screen.findByText(`Taak opgepakt: ${person}.`)).toBeInTheDocument();
    await waitFor(() => expect(Number(grid().getAttribute('aria-rowcount'))).toBe(before - 1));
  });

  it('opens the task under the cursor with Enter', async () => {
    renderQueue();
    const user = userEvent.setup();
    await loaded();
    grid().focus();
    await user.keyboard('{Enter}');
    // The task's own screen (assessment, escalation or claim, by kind) replaces the queue.
    await waitFor(() => expect(screen.queryByRole('grid')).toBeNull());
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe('Werkvoorraad'));
  });

  it('shows the shortcuts with ? and focuses the search with /, and searching narrows the queue', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    const total = Number(grid().getAttribute('aria-rowcount'));
    grid().focus();
    await user.keyboard('?');
    expect(await screen.findByRole('heading', { name: 'Sneltoetsen in de werkvoorraad' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sluiten' }));
    grid().focus();
    await user.keyboard('/');
    const search = screen.getByRole('searchbox');
    expect(search).toHaveFocus();
    const name = within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell')[0]?.textContent ?? '';
    await user.keyboard(name);
    await waitFor(() => expect(Number(grid().getAttribute('aria-rowcount'))).toBeLessThan(total));
    await loaded();
    // Every word typed is a prefix of a word in the person's name (or BSN, city, reference).
    const words = name.toLowerCase().split(' ');
    for (const row of bodyRows()) {
      const cellWords = (within(row).getAllByRole('gridcell')[0]?.textContent ?? '').toLowerCase().split(' ');
      expect(words.every((w) => cellWords.some((c) => c.startsWith(w)))).toBe(true);
    }
    // From the search field, ArrowDown (or Enter) goes on to the rows found: no Tab through the filters.
    await user.keyboard('{ArrowDown}');
    expect(grid()).toHaveFocus();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(grid()).toHaveFocus();
  });
});

describe('werkvoorraad jumps through a long queue', () => {
  it('shows the rows at the place jumped to with one window request, and reuses the row elements', async () => {
    renderQueue();
    const requested: number[] = [];
    const invoke = cjib.invoke.bind(cjib);
    cjib.invoke = (channel, request) => {
      if (channel === 'taken.queue') requested.push((request as { offset: number }).offset);
      return invoke(channel, request);
    };
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    const total = Number(grid().getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(300);
    const body = grid().querySelector('.vgrid__body') as HTMLElement;
    const elementsBefore = new Set(bodyRows());

    // Row 290 at the top: the screen (with overscan) spans rows 284–311, across the old
    // 100-row window edge at 300. One request, for the window that starts at 250.
    requested.length = 0;
    body.scrollTop = 290 * 36;
    fireEvent.scroll(body);
    await waitFor(() => expect(document.getElementById('queue-grid-row-311')?.dataset.key).toBeTruthy());
    expect(requested).toEqual([250]);

    const expected = await cjib.invoke('taken.queue', { ...defaultView, queue: 'alle_open', offset: 284, limit: 28 });
    if (!expected.ok) throw new Error(expected.error.message);
    const shown = Array.from(
      { length: 28 },
      (_, i) => document.getElementById(`queue-grid-row-${284 + i}`)?.dataset.key,
    );
    expect(shown).toEqual(expected.value.rows.map((row) => row.id));
    // The same row elements, refilled: a jump does not tear down and rebuild the grid's rows.
    expect(bodyRows().filter((row) => elementsBefore.has(row)).length).toBeGreaterThanOrEqual(20);
  });

  it('leaves the rows drawn as they are until the rows jumped to arrive, instead of drawing placeholders', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const invoke = cjib.invoke.bind(cjib);
    cjib.invoke = async (channel, request) => {
      if (channel === 'taken.queue' && (request as { offset: number }).offset > 0) await held;
      return invoke(channel, request);
    };
    const before = bodyRows().map((row) => row.dataset.key);
    const body = grid().querySelector('.vgrid__body') as HTMLElement;
    body.scrollTop = 290 * 36;
    fireEvent.scroll(body);
    await waitFor(() => expect(grid()).toHaveAttribute('aria-busy', 'true'));
    expect(bodyRows().map((row) => row.dataset.key)).toEqual(before);
    expect(bodyRows().some((row) => row.textContent?.includes('…'))).toBe(false);
    release();
    await waitFor(() => expect(document.getElementById('queue-grid-row-300')?.dataset.key).toBeTruthy());
  });

  it('keeps showing the rows it has while a scroll crosses into the next window', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    const body = grid().querySelector('.vgrid__body') as HTMLElement;
    const scrollTo = (row: number) => {
      body.scrollTop = row * 36;
      fireEvent.scroll(body);
    };
    // Away from the cursor's window first (rows 194–221 come from the window 150–249) ...
    scrollTo(200);
    await waitFor(() => expect(document.getElementById('queue-grid-row-221')?.dataset.key).toBeTruthy());
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const invoke = cjib.invoke.bind(cjib);
    cjib.invoke = async (channel, request) => {
      if (channel === 'taken.queue' && (request as { offset: number }).offset === 200) await held;
      return invoke(channel, request);
    };
    // ... then a few rows on: rows 200–227 belong to the window 200–299, still loading, but the
    // window the screen came from has them.
    scrollTo(206);
    await waitFor(() => expect(grid()).toHaveAttribute('aria-busy', 'true'));
    for (let index = 200; index <= 227; index++) {
      expect(document.getElementById(`queue-grid-row-${index}`)?.dataset.key).toBeTruthy();
    }
    release();
    await waitFor(() => expect(grid()).toHaveAttribute('aria-busy', 'false'));
  });

  it('keeps the row under the cursor loaded and actionable when the worker scrolls away from it', async () => {
    renderQueue();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    const firstTask = activeRow()?.dataset.key;
    expect(firstTask).toBeTruthy();
    const body = grid().querySelector('.vgrid__body') as HTMLElement;
    // Two jumps: the window the screen left last is kept too, so only the second tells.
    for (const top of [290, 180]) {
      body.scrollTop = top * 36;
      fireEvent.scroll(body);
      await waitFor(() => expect(document.getElementById(`queue-grid-row-${top + 10}`)?.dataset.key).toBeTruthy());
    }
    // Row 1 is far out of view, yet aria-activedescendant still names it, with its task.
    expect(activeRow()?.getAttribute('aria-rowindex')).toBe('2');
    expect(activeRow()?.dataset.key).toBe(firstTask);
    expect(screen.getByRole('button', { name: /Openen/ })).toBeEnabled();
  });
});

describe('werkvoorraad search at scale', () => {
  it('asks for a more specific search when a word matches too many people, and shows rows once it is', async () => {
    // 3 in 10 demo names carry "van" (van, van der, van den): about 2,700 of 9,000 people.
    cjib = createInMemoryCjib({ seedDemo: { persons: 9000, claims: 9000 } });
    render(<App cjib={cjib} initialPath="/werkvoorraad" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Alle open taken/ }));
    await loaded();
    const search = screen.getByRole('searchbox');
    await user.type(search, 'van{Enter}');
    expect(await screen.findByText(/Meer dan 2\.000 personen of vorderingen passen bij deze zoekterm/)).toHaveAttribute(
      'role',
      'status',
    );
    expect(bodyRows()).toHaveLength(0);
    expect(screen.queryByText('Geen taken in deze wachtrij met deze filters.')).toBeNull();
    await user.type(search, ' sanne{Enter}');
    await loaded();
    expect(screen.queryByText(/Meer dan 2\.000/)).toBeNull();
    for (const row of bodyRows()) {
      expect(within(row).getAllByRole('gridcell')[0]?.textContent).toMatch(/^Sanne van /);
    }
  }, 30_000);
});
