import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  /** Whether the control itself is at fault; by default whenever an error shows under it. */
  invalid?: boolean | undefined;
}

/** The attributes that tie a control to its label and its inline error. */
interface ControlLink {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Label, control and inline error (Dutch, from the backend's issues or the form), linked for screen readers. */
export function LabelledField({
  label,
  error,
  invalid = Boolean(error),
  control,
}: FieldProps & { control: (link: ControlLink) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {control({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its inline error. */
export function FormField({ label, error, invalid, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField label={label} error={error} invalid={invalid} control={(link) => <input {...link} {...input} />} />
  );
}

/** A labelled textarea with its inline error, the multi-line sibling of FormField. */
export function TextAreaField({
  label,
  error,
  invalid,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledField
      label={label}
      error={error}
      invalid={invalid}
      control={(link) => <textarea {...link} {...textarea} />}
    />
  );
}

/** A checkbox with its label around it, reporting the new state. */
export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
