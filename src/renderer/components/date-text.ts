import { isValidIsoDate } from '../../shared/domain/calendar';

/**
 * What a worker types in a date field — dd-mm-jjjj (also d-m-jjjj, with / or . between) or
 * yyyy-mm-dd — as yyyy-mm-dd; null while it is not a date that exists.
 */
export function isoFromDateText(text: string): string | null {
  const trimmed = text.trim();
  if (isValidIsoDate(trimmed)) return trimmed;
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** yyyy-mm-dd as the worker reads it (dd-mm-jjjj); anything else unchanged. */
export function dateTextFromIso(iso: string): string {
  if (!isValidIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}
