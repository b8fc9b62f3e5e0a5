/**
 * CJIB's days are Dutch days: a decision taken at 00:30 on 1 March in Zwolle is dated 1 March,
 * although it is still 28 February in UTC. Every "today" and every date taken from a moment goes
 * through here, so a deadline never moves by a day around midnight or a clock change.
 */

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (yyyy-mm-dd) in Europe/Amsterdam at a moment (ms, Date or ISO timestamp). */
export function amsterdamDate(at: number | Date | string): string {
  const moment = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  if (Number.isNaN(moment)) throw new RangeError(`Geen geldig tijdstip: ${String(at)}`);
  const parts = Object.fromEntries(amsterdamParts.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today in Europe/Amsterdam. */
export function todayInAmsterdam(now: number = Date.now()): string {
  return amsterdamDate(now);
}

/** A yyyy-mm-dd date as it is; a moment (ISO timestamp) as its date in Amsterdam. */
export function dutchDay(dateOrMoment: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOrMoment) ? dateOrMoment : amsterdamDate(dateOrMoment);
}

const amsterdamTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** hh:mm on the clock in Amsterdam at a moment. */
export function amsterdamTimeOfDay(moment: string | number | Date): string {
  const at = typeof moment === 'string' ? Date.parse(moment) : typeof moment === 'number' ? moment : moment.getTime();
  return amsterdamTime.format(at);
}
