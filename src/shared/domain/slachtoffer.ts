import { formatCents, formatDate } from '../format';
import { addDays, addMonths, parseIsoDate } from './calendar';
import type { Cents } from './money';
import { selectParameterSet } from './parameters/parameter-set';
import { activeParameterSets } from './parameters/registry';
import type { VoorschotRuleSet } from './parameters/slachtoffer-parameters';
import { sources } from './sources';
import { step, type TraceStep } from './trace';

/**
 * Slachtofferinformatie (docs/regels.md, Slachtofferinformatie): when a victim must hear of a detention event, whether a
 * notification was late, and the voorschot the state advances on an unpaid schadevergoedingsmaatregel.
 */

export const detentionEventKinds = [
  'kortdurend_reintegratieverlof',
  'langdurend_reintegratieverlof',
  'extramurale_arbeid',
  'incidenteel_verlof',
  'vi_beslissing',
  'invrijheidstelling',
  'ontvluchting',
] as const;
export type DetentionEventKind = (typeof detentionEventKinds)[number];

export const detentionEventLabels: Record<DetentionEventKind, string> = {
  kortdurend_reintegratieverlof: 'kortdurend re-integratieverlof',
  langdurend_reintegratieverlof: 'langdurend re-integratieverlof',
  extramurale_arbeid: 'extramurale arbeid',
  incidenteel_verlof: 'incidenteel verlof',
  vi_beslissing: 'beslissing over voorwaardelijke invrijheidstelling',
  invrijheidstelling: 'invrijheidstelling',
  ontvluchting: 'ontvluchting',
};

export interface DetentionEvent {
  kind: DetentionEventKind;
  /** The planned day of the event; for an escape, the day it happened. */
  eventDate: string;
  /** The day the event reached CJIB. */
  reportedOn: string;
}

function isWeekend(iso: string): boolean {
  const { year, month, day } = parseIsoDate(iso);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The last day to inform the victim: a week before the event, moved back to Friday when that falls
 * in a weekend (so a full week still remains); an escape at once, on the day it is reported.
 */
export function notificationDeadline(
  event: DetentionEvent,
  peildatum = event.reportedOn,
): { deadline: string; urgent: boolean; trace: TraceStep[] } {
  if (event.kind === 'ontvluchting') {
    return {
      deadline: event.reportedOn,
      urgent: true,
      trace: [
        step(
          'termijn.ontvluchting',
          `Ontvluchting: het slachtoffer direct informeren, uiterlijk ${formatDate(event.reportedOn)}.`,
        ),
      ],
    };
  }
  const days = selectParameterSet(activeParameterSets('slachtoffer'), peildatum).noticeDays.value;
  let deadline = addDays(event.eventDate, -days);
  const trace = [
    step(
      'termijn.week-vooraf',
      `${detentionEventLabels[event.kind]} op ${formatDate(event.eventDate)}: minstens ${days} dagen vooraf informeren.`,
    ),
  ];
  while (isWeekend(deadline)) deadline = addDays(deadline, -1);
  trace.push(
    step('termijn.uiterlijk', `Uiterlijk op ${formatDate(deadline)} (een weekend schuift naar de vrijdag ervoor).`),
  );
  // Reported too late to give a full week: inform at once.
  const urgent = deadline <= event.reportedOn;
  if (urgent) {
    deadline = event.reportedOn;
    trace.push(
      step('termijn.te-laat-gemeld', 'Het bericht kwam te laat binnen voor een volle week: direct informeren.'),
    );
  }
  return { deadline, urgent, trace };
}

export function isLate(deadline: string, notifiedOn: string): boolean {
  return notifiedOn > deadline;
}

/**
 * The day a worker says the victim was told: never before the event was reported, never after
 * today. Null when it fits, else why not, in Dutch. The server checks it again against its own date.
 */
export function notifiedOnProblem(notifiedOn: string, reportedOn: string, today: string): string | null {
  if (notifiedOn >= reportedOn && notifiedOn <= today) return null;
  return `De datum waarop het slachtoffer is geïnformeerd (${formatDate(notifiedOn)}) moet tussen de melding van de gebeurtenis (${formatDate(reportedOn)}) en vandaag (${formatDate(today)}) liggen.`;
}

/** Only victims who opted in and still want information get a task. */
export function needsNotificationTask(victim: { optedIn: boolean; wantsInformation: boolean }): boolean {
  return victim.optedIn && victim.wantsInformation;
}

const offenceLabels: Record<string, string> = { geweld: 'geweldsmisdrijven', zeden: 'zedenmisdrijven' };
const offenceLabel = (category: string) => offenceLabels[category] ?? `misdrijven (${category})`;

/** The day the rule set after `rules` takes over, if any. */
function nextRulesFrom(rules: VoorschotRuleSet): string | undefined {
  return activeParameterSets('voorschot').find((r) => r.validFrom > rules.validFrom)?.validFrom;
}

export interface VoorschotInput {
  judgmentFinalDate: string;
  orderedCents: Cents;
  receivedFromOffenderCents: Cents;
  schadefondsCents: Cents;
  offenceCategory: string;
  victimIsNaturalPerson: boolean;
  today: string;
}

export interface VoorschotResult {
  eligibleFrom: string;
  eligible: boolean;
  remainderCents: Cents;
  advanceCents: Cents;
  capApplied: boolean;
  trace: TraceStep[];
}

/**
 * The voorschot: 8 months after the judgment is final, the remainder minus what was received and
 * Schadefonds payments; capped at € 5.000 except for violent and sexual offences; natural persons only.
 */
export function voorschot(input: VoorschotInput): VoorschotResult {
  const p = selectParameterSet(activeParameterSets('slachtoffer'), input.today);
  const trace: TraceStep[] = [];
  const eligibleFrom = addMonths(input.judgmentFinalDate, p.voorschotAfterMonths.value);
  const remainder = Math.max(0, input.orderedCents - input.receivedFromOffenderCents - input.schadefondsCents);
  trace.push(
    step(
      'voorschot.restant',
      `Restant: ${formatCents(input.orderedCents)} − ontvangen ${formatCents(input.receivedFromOffenderCents)} − Schadefonds ${formatCents(input.schadefondsCents)} = ${formatCents(remainder)}`,
    ),
  );
  const result = (eligible: boolean, advance: Cents, capApplied: boolean): VoorschotResult => ({
    eligibleFrom,
    eligible,
    remainderCents: remainder,
    advanceCents: advance,
    capApplied,
    trace,
  });
  if (!input.victimIsNaturalPerson) {
    trace.push(step('voorschot.rechtspersoon', 'Geen voorschot: alleen natuurlijke personen komen in aanmerking.'));
    return result(false, 0, false);
  }
  if (input.today < eligibleFrom) {
    trace.push(
      step(
        'voorschot.nog-niet',
        `Nog geen voorschot: pas vanaf ${formatDate(eligibleFrom)} (${p.voorschotAfterMonths.value} maanden na het onherroepelijk worden).`,
      ),
    );
    return result(false, 0, false);
  }
  if (remainder === 0) {
    trace.push(step('voorschot.betaald', 'Geen voorschot: de schadevergoeding is volledig ontvangen.'));
    return result(false, 0, false);
  }
  // The rules in force when the judgment became final decide which offences are covered, and the cap.
  const rules = activeParameterSets('voorschot')
    .filter((r) => r.validFrom <= input.judgmentFinalDate)
    .at(-1);
  if (!rules) {
    trace.push(
      step(
        'voorschot.geen-regeling',
        `Geen voorschot: de voorschotregeling bestond nog niet toen het vonnis onherroepelijk werd (${formatDate(input.judgmentFinalDate)}).`,
        true,
      ),
    );
    return result(false, 0, false);
  }
  const unconfirmed = rules.coveredOffenceCategories.status !== 'confirmed';
  const covered = rules.coveredOffenceCategories.value;
  if (covered !== 'alle' && !covered.includes(input.offenceCategory)) {
    trace.push(
      step(
        'voorschot.niet-gedekt',
        `Geen voorschot: voor vonnissen onherroepelijk vóór ${formatDate(nextRulesFrom(rules) ?? input.today)} gold de regeling alleen voor ${covered.map(offenceLabel).join(' en ')}.`,
        unconfirmed,
      ),
    );
    return result(false, 0, false);
  }
  const uncapped = rules.uncappedOffenceCategories.value.includes(input.offenceCategory);
  const cap = rules.cap.value;
  let advance = remainder;
  let capApplied = false;
  if (cap === null) {
    trace.push(step('voorschot.onbegrensd', 'Geen maximum voor vonnissen van vóór 2016.', unconfirmed));
  } else if (uncapped) {
    // The Besluit lists which violent offences have no cap; a category picked by the worker is not that list.
    trace.push(
      step(
        'voorschot.onbegrensd',
        `Geweld- of zedenmisdrijf: geen maximum, mits het feit in de lijst van art. 4:14 lid 2 Besluit tenuitvoerlegging strafrechtelijke beslissingen staat — controleer het vonnis. Staat het er niet in, dan geldt ${formatCents(cap)}.`,
        unconfirmed || rules.uncappedOffenceCategories.status !== 'confirmed',
        sources.besluitTulStrafrechtelijk414,
      ),
    );
  } else if (remainder > cap) {
    advance = cap;
    capApplied = true;
    trace.push(step('voorschot.maximum', `Maximum ${formatCents(cap)}.`, unconfirmed));
  }
  trace.push(
    step(
      'voorschot.bedrag',
      `Voorschot: ${formatCents(advance)}, voor te stellen als betaling ter goedkeuring. CJIB blijft innen bij de dader.`,
    ),
  );
  return result(true, advance, capApplied);
}
