import { addDays } from '../domain/calendar';
import type { DetentionEventKind } from '../domain/slachtoffer';
import { cities, firstNames, surnames } from './names';
import { SeededRandom } from './random';

/**
 * Invented victims of demo offenders, with contact data that must never leave the victim
 * compartment, and the offenders' detention events. Deterministic for a seed.
 */
export interface DemoVictim {
  id: string;
  offenderPersonId: string;
  displayName: string;
  isNaturalPerson: boolean;
  optedIn: boolean;
  preferredChannel: 'brief' | 'telefoon' | 'email';
  offenceCategory: string;
  contact: {
    street: string;
    houseNumber: string;
    postalCode: string;
    city: string;
    phone: string;
    email: string;
    domicilieAddress: string | null;
  };
}

export interface DemoDetentionEvent {
  id: string;
  offenderPersonId: string;
  kind: DetentionEventKind;
  eventDate: string;
  reportedOn: string;
}

const streets = [
  'Lindelaan',
  'Kastanjestraat',
  'Molenweg',
  'Beukenhof',
  'Sluisweg',
  'Dijkstraat',
  'Tulpstraat',
  'Havenkade',
];

export function generateDemoVictims(
  offenderIds: readonly string[],
  today: string,
  seed = 606,
): { victims: DemoVictim[]; events: DemoDetentionEvent[] } {
  const random = new SeededRandom(seed);
  const victims: DemoVictim[] = [];
  const events: DemoDetentionEvent[] = [];
  for (const offenderPersonId of offenderIds) {
    const count = random.int(1, 2);
    for (let i = 0; i < count; i++) {
      const first = random.pick(firstNames);
      const last = random.pick(surnames);
      const natural = random.next() > 0.05;
      victims.push({
        id: random.uuid(),
        offenderPersonId,
        displayName: natural ? `${first} ${last}` : `Stichting ${last}`,
        isNaturalPerson: natural,
        optedIn: random.next() > 0.2,
        preferredChannel: random.pick(['brief', 'telefoon', 'email'] as const),
        offenceCategory: random.pick(['geweld', 'zeden', 'vermogen', 'vernieling']),
        contact: {
          // Unique, recognisable demo values: the privacy tests scan every response for them.
          street: `${random.pick(streets)}`,
          houseNumber: `${random.int(1, 299)}${random.pick(['', '', 'a', 'b'])}-SLO${random.int(1000, 9999)}`,
          postalCode: `${random.int(1000, 9999)} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
          city: random.pick(cities),
          phone: `06-9${random.int(1000000, 9999999)}`,
          email: `slachtoffer.${random.int(100000, 999999)}@voorbeeld.invalid`,
          domicilieAddress: random.next() > 0.6 ? `Postbus ${random.int(100, 9999)}, ${random.pick(cities)}` : null,
        },
      });
    }
    const eventCount = random.int(1, 2);
    for (let i = 0; i < eventCount; i++) {
      const kind = random.weighted<DetentionEventKind>([
        ['kortdurend_reintegratieverlof', 3],
        ['langdurend_reintegratieverlof', 3],
        ['extramurale_arbeid', 1],
        ['incidenteel_verlof', 1],
        ['vi_beslissing', 1],
        ['invrijheidstelling', 1],
        ['ontvluchting', 0.3],
      ]);
      const reportedOn = addDays(today, -random.int(0, 5));
      events.push({
        id: random.uuid(),
        offenderPersonId,
        kind,
        eventDate: kind === 'ontvluchting' ? reportedOn : addDays(reportedOn, random.int(5, 30)),
        reportedOn,
      });
    }
  }
  return { victims, events };
}
