import { amsterdamTimeOfDay, dutchDay } from './domain/amsterdam-clock';

/** Display formats for Dutch users (€ 1.234,56, dd-mm-jjjj), used by screens, letters and traces. Amounts are integer cents. */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('nl-NL');

export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** yyyy-mm-dd → dd-mm-jjjj; a moment is shown as its Dutch day (Europe/Amsterdam), whatever the machine's zone. */
export function formatDate(isoDateOrMoment: string): string {
  const [year, month, day] = dutchDay(isoDateOrMoment).split('-');
  return `${day}-${month}-${year}`;
}

/** dd-mm-jjjj hh:mm on the clock in Amsterdam. */
export function formatDateTime(iso: string): string {
  return `${formatDate(iso)} ${amsterdamTimeOfDay(iso)}`;
}

/** "A", "A en B", "A, B en C": a list in running Dutch text. */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1) ?? ''}`;
}
