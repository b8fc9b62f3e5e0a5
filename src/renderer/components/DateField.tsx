import { useState } from 'react';
import { dateTextFromIso, isoFromDateText } from './date-text';
import { FormField } from './FormField';

/**
 * A date as one text field (dd-mm-jjjj): one Tab stop, where the browser's date input has three
 * (day, month, year) and a format that follows the machine's language. Reports yyyy-mm-dd once the
 * text is a date that exists, and the text itself before that, so the form's check names the error.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (isoOrText: string) => void;
  error?: string | undefined;
}) {
  const [text, setText] = useState(() => dateTextFromIso(value));
  const [shown, setShown] = useState(value);
  // A value set from outside (a draft restored, a form reset) shows as the worker would type it.
  if (value !== shown) {
    setShown(value);
    if (isoFromDateText(text) !== value && text !== value) setText(dateTextFromIso(value));
  }
  return (
    <FormField
      label={`${label} (dd-mm-jjjj)`}
      error={error}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(isoFromDateText(e.target.value) ?? e.target.value);
      }}
    />
  );
}
