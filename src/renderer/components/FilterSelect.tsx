import { t } from '../app/i18n/t';

/**
 * A labelled filter over a fixed list of values with "Alle" first (null). The values come from
 * the domain's const arrays, so a select can never offer what the contract would refuse.
 */
export function FilterSelect<V extends string>({
  label,
  values,
  value,
  labelOf,
  onChange,
}: {
  label: string;
  values: readonly V[];
  value: V | null;
  labelOf: (value: V) => string;
  onChange: (value: V | null) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : (values.find((v) => v === e.target.value) ?? null))}
      >
        <option value="">{t('queue.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
