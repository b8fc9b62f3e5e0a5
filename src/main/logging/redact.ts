/**
 * What may reach a log line or a diagnostic export. Callers already log only technical fields;
 * this is the second line of defence: a field whose name says it holds personal data or a
 * secret is dropped, and anything in a value that looks like a BSN, IBAN, e-mail address, phone
 * number, postcode or token is blanked, whatever the field is called.
 */
const personalKeys =
  /pass|token|secret|bsn|name|naam|address|adres|email|mail|phone|telefoon|text|tekst|iban|reason|reden|note|notitie|motiv|payload|body/i;

const patterns: [RegExp, string][] = [
  [/\bv\d\.[\w-]+\.[\w-]+(\.[\w-]+)?/g, '[token]'],
  [/\bBearer\s+\S+/gi, 'Bearer [token]'],
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, '[e-mail]'],
  [/\b[A-Z]{2}\d{2}[A-Z]{4}\d{10}\b/g, '[iban]'],
  [/(\+31|\b0)[\s-]?[1-9](?:[\s-]?\d){8}\b/g, '[telefoon]'],
  [/\b\d{9}\b/g, '[bsn]'],
  [/\b\d{4}\s?[A-Z]{2}\b/g, '[postcode]'],
];

export const removed = '[verwijderd]';

export function redactText(value: string): string {
  return patterns.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value);
}

export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, redactValue(key, value)]));
}

function redactValue(key: string, value: unknown): unknown {
  // `sql` is the statement text with placeholders only (the sql tagged template binds values).
  if (personalKeys.test(key) && key !== 'sql') return removed;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue('', item));
  if (value && typeof value === 'object') return redactFields(value as Record<string, unknown>);
  return value;
}
