import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createInMemoryCjib } from '../../../tests/support/real-backend';
import { App } from './App';

let cjib: ReturnType<typeof createInMemoryCjib>;
afterEach(async () => cjib.close());

function renderApp(path = '/werkvoorraad') {
  cjib = createInMemoryCjib();
  return render(<App cjib={cjib} initialPath={path} />);
}

/** The grid's rows that have their data (the grid draws only what is in view). */
async function bodyRows() {
  const grid = await screen.findByRole('grid');
  await waitFor(() => expect(grid.querySelectorAll('[role="row"][data-key]').length).toBeGreaterThan(0));
  return [...grid.querySelectorAll<HTMLElement>('[role="row"][data-key]')];
}

const cells = (row: HTMLElement) => within(row).getAllByRole('gridcell');

describe('app frame', () => {
  it('shows the navigation, the signed-in user and the sync state in Dutch', async () => {
    renderApp();
    const nav = await screen.findByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Werkvoorraad', 'Vorderingen', 'Betalingsonmacht', 'Escalaties', 'Conflicten', 'Over deze app']);
    expect((await screen.findAllByText('Sanne de Vries')).length).toBeGreaterThan(0);
    expect(await screen.findByText('Lokaal (geen centrale API)')).toBeInTheDocument();
  });

  it.each([
    [
      'teamleider',
      [
        'Werkvoorraad',
        'Vorderingen',
        'Betalingsonmacht',
        'Escalaties',
        'Teamoverzicht',
        'Dashboard',
        'Conflicten',
        'Over deze app',
      ],
    ],
    ['medewerker_slachtofferinformatie', ['Werkvoorraad', 'Slachtofferinformatie', 'Conflicten', 'Over deze app']],
    ['functioneel_beheerder', ['Auditlog', 'Parameters', 'Over deze app']],
  ] as const)('shows a %s only the areas of that role', async (role, links) => {
    cjib = createInMemoryCjib({
      localUser: { id: 'u-test', displayName: 'Test Gebruiker', role, teamName: 'Team Test' },
    });
    render(<App cjib={cjib} initialPath="/conflicten" />);
    const nav = await screen.findByRole('navigation', { name: 'Hoofdnavigatie' });
    await waitFor(() =>
      expect(
        within(nav)
          .getAllByRole('link')
          .map((l) => l.textContent),
      ).toEqual(links),
    );
  });

  it('navigates by keyboard to another area and marks the current link', async () => {
    renderApp();
    const user = userEvent.setup();
    const link = await screen.findByRole('link', { name: 'Escalaties' });
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Escalaties' })).toBeInTheDocument();
    expect(link).toHaveAttribute('aria-current', 'page');
  });

  it('shows an in-app page for an unknown address', async () => {
    renderApp('/bestaat-niet');
    expect(await screen.findByRole('heading', { name: 'Pagina niet gevonden' })).toBeInTheDocument();
  });
});

describe('vorderingen', () => {
  it('lists the claims from the local database in a grid, with Dutch money and dates', async () => {
    renderApp('/vorderingen');
    const rows = await bodyRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(40); // only what is in view (and a few more) is drawn
    expect(screen.getByRole('grid')).toHaveAttribute('aria-label', 'Vorderingen: 180');
    const first = cells(rows[0] as HTMLElement);
    expect(first[4]?.textContent).toMatch(/^€\s[\d.]+,\d{2}$/);
    expect(first[5]?.textContent).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  });

  it('sorts by a column and reverses on a second click', async () => {
    renderApp('/vorderingen');
    const user = userEvent.setup();
    await bodyRows();
    const amounts = async () =>
      (await bodyRows()).map((r) => Number((cells(r)[4]?.textContent ?? '').replace(/[^\d]/g, '')));
    await user.click(screen.getByRole('button', { name: /Openstaand/ }));
    await waitFor(async () =>
      expect(screen.getByRole('columnheader', { name: /Openstaand/ })).toHaveAttribute('aria-sort', 'ascending'),
    );
    await waitFor(async () => {
      const asc = await amounts();
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
    });
    await user.click(screen.getByRole('button', { name: /Openstaand/ }));
    await waitFor(async () => {
      const desc = await amounts();
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
    });
  });

  it('filters by kind and goes to the last row with the keyboard', async () => {
    renderApp('/vorderingen');
    const user = userEvent.setup();
    await bodyRows();
    await user.selectOptions(screen.getByLabelText('Soort vordering'), 'wahv');
    await waitFor(async () => {
      const kinds = (await bodyRows()).map((r) => cells(r)[1]?.textContent);
      expect(new Set(kinds)).toEqual(new Set(['Wahv-beschikking']));
    });
    const count = Number(screen.getByRole('grid').getAttribute('aria-label')?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(180);
    screen.getByRole('grid').focus();
    await user.keyboard('{End}');
    expect(await screen.findByText(`Regel ${count} van ${count}`)).toBeInTheDocument();
  });
});

describe('vorderingen search', () => {
  it('finds claims by a person’s name with the full-text search, and shows all again when emptied', async () => {
    renderApp('/vorderingen');
    const user = userEvent.setup();
    const first = (await bodyRows())[0];
    const name = cells(first as HTMLElement)[0]?.textContent ?? '';
    await user.type(screen.getByRole('searchbox'), `${name}{Enter}`);
    await waitFor(async () => {
      const names = (await bodyRows()).map((r) => cells(r)[0]?.textContent);
      expect(Number(screen.getByRole('grid').getAttribute('aria-label')?.replace(/\D/g, ''))).toBeLessThan(20);
      expect(names.every((n) => name.split(' ').every((w) => (n ?? '').toLowerCase().includes(w.toLowerCase())))).toBe(
        true,
      );
    });
    // Enter took the worker to the grid.
    expect(screen.getByRole('grid')).toHaveFocus();
    await user.clear(screen.getByRole('searchbox'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-label', 'Vorderingen: 180'));
  });
});

describe('shortcuts on every screen', () => {
  it('? shows this screen’s keys and the global ones; Esc closes and focus returns', async () => {
    renderApp('/escalaties');
    const user = userEvent.setup();
    const grid = await screen.findByRole('grid');
    grid.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Sneltoetsen bij Escalaties' });
    expect(within(dialog).getByRole('region', { name: 'Op dit scherm' })).toHaveTextContent('Vordering selecteren');
    expect(within(dialog).getByRole('region', { name: 'Overal' })).toHaveTextContent('Naar de werkvoorraad');
    // A worker has no approvals to go to.
    expect(dialog).not.toHaveTextContent('Naar de goedkeuringen');
    await user.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    expect(grid).toHaveFocus();
  });

  it('/ goes to the screen’s search field and Alt+W to the werkvoorraad, also from a field', async () => {
    renderApp('/vorderingen');
    const user = userEvent.setup();
    (await screen.findByRole('grid')).focus();
    await user.keyboard('/');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    await user.keyboard('/'); // typed into the field, not a shortcut
    expect(screen.getByRole('searchbox')).toHaveValue('/');
    await user.keyboard('{Alt>}w{/Alt}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Werkvoorraad' })).toBeInTheDocument();
  });
});

describe('Over deze app', () => {
  it('shows the version and exports the diagnosis as a file', async () => {
    const saved: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:diagnose';
    };
    URL.revokeObjectURL = () => undefined;
    try {
      renderApp('/over');
      expect(await screen.findByRole('heading', { name: 'Over deze app', level: 1 })).toBeInTheDocument();
      expect(await screen.findByText('0.0.0-test')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Diagnose exporteren' }));
      expect(await screen.findByText(/^Opgeslagen als cjib-diagnose-/)).toBeInTheDocument();
      expect(saved).toHaveLength(1);
      const report = JSON.parse((await saved[0]?.text()) ?? '{}') as {
        app: { version: string };
        cache: { quickCheck: string };
      };
      expect(report.app.version).toBe('0.0.0-test');
      expect(report.cache.quickCheck).toBe('ok');
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });
});
