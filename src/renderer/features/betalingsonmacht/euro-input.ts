import { t } from '../../app/i18n/t';

/**
 * Parses what a case worker types as an amount in euros: "1.345,45", "1345,45", "1345.45", "€ 80".
 * Dutch notation first: a comma is the decimal separator and dots group thousands.
 */
export type EuroParse = { ok: true; cents: number } | { ok: false; message: string };

export function parseEuroInput(text: string, { allowNegative = false } = {}): EuroParse {
  const cleaned = text.replace(/€/g, '').replace(/\s/g, '');
  if (cleaned === '') return { ok: false, message: t('betalingsonmacht.euroInput.empty') };
  const negative = cleaned.startsWith('-');
  const unsigned = negative ? cleaned.slice(1) : cleaned;
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(unsigned) || /^\d+(,\d{1,2})?$/.test(unsigned)) {
    normalised = unsigned.replace(/\./g, '').replace(',', '.');
  } else if (/^\d+\.\d{1,2}$/.test(unsigned)) {
    normalised = unsigned;
  } else {
    return { ok: false, message: t('betalingsonmacht.euroInput.unreadable') };
  }
  if (negative && !allowNegative) return { ok: false, message: t('betalingsonmacht.euroInput.negative') };
  const [whole = '0', fraction = ''] = normalised.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > 100_000_000)
    return { ok: false, message: t('betalingsonmacht.euroInput.tooHigh') };
  return { ok: true, cents: negative ? -cents : cents };
}

/** Cents as the input shows them: 134545 → "1.345,45". */
export function centsToEuroInput(cents: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
