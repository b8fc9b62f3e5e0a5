/** Display formats for Dutch users (€ 1.234,56, dd-mm-jjjj), used by screens, letters and traces. Amounts are integer cents. */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('nl-NL');

export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}

export function formatNumber(value: number): string {
  return integer.format(value);
}

/** yyyy-mm-dd → dd-mm-jjjj, without time zones shifting the day. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
