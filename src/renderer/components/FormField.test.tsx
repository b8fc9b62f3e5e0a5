import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CheckboxField, FormField, LabelledField, TextAreaField } from './FormField';

describe('labelled fields', () => {
  it('tie the control to its label and, when there is one, to its error', () => {
    render(
      <>
        <FormField label="Peildatum" type="date" defaultValue="2026-11-29" />
        <TextAreaField label="Motivering" defaultValue="" error="Vul een motivering in." />
      </>,
    );
    const date = screen.getByLabelText('Peildatum');
    expect(date).not.toHaveAttribute('aria-invalid');
    expect(date).not.toHaveAttribute('aria-describedby');
    const motivation = screen.getByLabelText('Motivering');
    expect(motivation.tagName).toBe('TEXTAREA');
    expect(motivation).toHaveAttribute('aria-invalid', 'true');
    expect(motivation).toHaveAccessibleDescription('Vul een motivering in.');
  });

  it('show a failure that is not the field’s own under it without marking the field invalid', () => {
    render(
      <TextAreaField label="Motivering" defaultValue="" error="De centrale API is niet bereikbaar." invalid={false} />,
    );
    const motivation = screen.getByLabelText('Motivering');
    expect(motivation).not.toHaveAttribute('aria-invalid');
    expect(motivation).toHaveAccessibleDescription('De centrale API is niet bereikbaar.');
  });

  it('give a custom control such as a select the same label', () => {
    render(
      <LabelledField
        label="Kanaal"
        control={(link) => (
          <select {...link} defaultValue="brief">
            <option value="brief">Brief</option>
          </select>
        )}
      />,
    );
    expect(screen.getByLabelText('Kanaal')).toHaveValue('brief');
  });

  it('report a checkbox’s new state', async () => {
    const onChange = vi.fn();
    render(<CheckboxField label="Woont in Nederland" checked={false} onChange={onChange} />);
    await userEvent.click(screen.getByLabelText('Woont in Nederland'));
    expect(onChange).toHaveBeenCalledWith(true);
  });
});
