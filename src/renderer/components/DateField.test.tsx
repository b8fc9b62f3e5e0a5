import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField } from './DateField';

function Form({ initial, reported }: { initial: string; reported: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        label="Peildatum"
        value={value}
        onChange={(v) => {
          reported.push(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('2027-01-01')}>
        Concept terugzetten
      </button>
      <input aria-label="Volgende veld" />
    </>
  );
}

describe('DateField', () => {
  it('is one Tab stop that reads dd-mm-jjjj, reports yyyy-mm-dd, and shows a value set from outside', async () => {
    const reported: string[] = [];
    const user = userEvent.setup();
    render(<Form initial="2026-12-07" reported={reported} />);
    const field = screen.getByLabelText('Peildatum (dd-mm-jjjj)');
    expect(field).toHaveValue('07-12-2026');
    await user.click(field);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Concept terugzetten' })).toHaveFocus();

    await user.clear(field);
    await user.type(field, '31-04-2026'); // no such day: the text goes on, for the form to refuse
    expect(reported.at(-1)).toBe('31-04-2026');
    await user.clear(field);
    await user.type(field, '1-7-2026');
    expect(reported.at(-1)).toBe('2026-07-01');
    expect(field).toHaveValue('1-7-2026'); // what was typed stays as typed

    await user.click(screen.getByRole('button', { name: 'Concept terugzetten' }));
    expect(field).toHaveValue('01-01-2027');
  });
});
