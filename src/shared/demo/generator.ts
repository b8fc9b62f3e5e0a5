import { isValidBsn } from '../domain/bsn';
import type { ClaimKind, ClaimPhase } from '../domain/claims';
import type { Cents } from '../domain/money';
import { escalatieParameterSets } from '../domain/parameters/escalatie-parameters';
import { selectParameterSet } from '../domain/parameters/parameter-set';
import { demoClaimHistory, type ClaimHistoryEvent } from './claim-history';
import { cities, firstNames, surnames, tussenvoegsels } from './names';
import { SeededRandom } from './random';

/**
 * Deterministic demo data: invented persons and vorderingen, marked as test data. The same seed
 * and sizes give the same rows on every machine, so tests, benchmarks and demos agree.
 */

export interface DemoPerson {
  id: string;
  bsn: string;
  displayName: string;
  birthDate: string;
  city: string;
  streetAddress: string;
  postcode: string;
  isTestData: true;
}

export interface DemoClaim {
  id: string;
  personId: string;
  kind: ClaimKind;
  phase: ClaimPhase;
  reference: string;
  originalCents: Cents;
  outstandingCents: Cents;
  administratiekostenCents: Cents;
  dueDate: string;
}

export interface DemoClaimEvent extends ClaimHistoryEvent {
  id: string;
  claimId: string;
}

export interface DemoOptions {
  seed?: number;
  persons: number;
  claims: number;
  /** Due dates are spread around this date (yyyy-mm-dd). */
  referenceDate?: string;
}

export interface DemoData {
  persons: DemoPerson[];
  claims: DemoClaim[];
  events: DemoClaimEvent[];
}

const kindWeights: readonly (readonly [ClaimKind, number])[] = [
  ['wahv', 70],
  ['strafbeschikking', 10],
  ['geldboetevonnis', 5],
  ['schadevergoedingsmaatregel', 3],
  ['cak', 4],
  ['duo', 4],
  ['uwv', 2],
  ['rvo', 2],
];

const phaseWeights: readonly (readonly [ClaimPhase, number])[] = [
  ['beschikking', 25],
  ['eerste_aanmaning', 20],
  ['tweede_aanmaning', 15],
  ['regeling', 12],
  ['verhaal', 10],
  ['deurwaarder', 8],
  ['dwangmiddel', 3],
  ['betaald', 5],
  ['gestopt', 2],
];

// Typical original amounts in euros per kind (min, max).
const amountRange: Record<ClaimKind, readonly [number, number]> = {
  wahv: [30, 500],
  strafbeschikking: [100, 1500],
  geldboetevonnis: [200, 5000],
  schadevergoedingsmaatregel: [200, 10000],
  cak: [150, 2000],
  duo: [500, 30000],
  uwv: [100, 5000],
  rvo: [200, 10000],
  // Not drawn (kindWeights has none, so the demo data stay as they were): NVWA claims come by intake.
  nvwa: [100, 5000],
};

export function generateDemoData(options: DemoOptions): DemoData {
  const random = new SeededRandom(options.seed ?? 20261129);
  const reference = Date.parse(`${options.referenceDate ?? '2026-11-01'}T00:00:00Z`);
  const persons = Array.from({ length: options.persons }, () => demoPerson(random));
  const events: DemoClaimEvent[] = [];
  const claims = Array.from({ length: options.claims }, (_, index) => {
    // Every person gets at least one claim; the rest cluster on a fifth of the persons.
    const person =
      index < persons.length ? persons[index] : persons[random.int(0, Math.max(0, Math.floor(persons.length / 5)))];
    if (!person) throw new Error('demo data needs at least one person');
    const { claim, history } = demoClaim(random, person.id, reference);
    for (const event of history) events.push({ ...event, id: random.uuid(), claimId: claim.id });
    return claim;
  });
  return { persons, claims, events };
}

function demoPerson(random: SeededRandom): DemoPerson {
  const tussenvoegsel = random.pick(tussenvoegsels);
  const surname = random.pick(surnames);
  const displayName = [random.pick(firstNames), tussenvoegsel, surname].filter(Boolean).join(' ');
  const birthYear = random.int(1950, 2006);
  const id = random.uuid();
  return {
    id,
    bsn: demoBsn(random),
    displayName,
    birthDate: isoDate(Date.UTC(birthYear, random.int(0, 11), random.int(1, 28))),
    city: random.pick(cities),
    ...demoAddress(id),
    isTestData: true,
  };
}

const demoStreets = ['Kerkstraat', 'Stationsweg', 'Dorpsstraat', 'Julianalaan', 'Schoolstraat', 'Nieuwe Weg', 'Brink'];
// Postcode letters never SA, SD or SS (PostNL), so any pair of these is a well-formed postcode.
const postcodeLetters = 'ABCEGHJKLMNPRTVWXZ';

/**
 * A demo postal address, drawn from its own stream seeded by the person's id, so adding it did not
 * change any other demo value (names, BSNs, amounts) that tests and screenshots know.
 */
function demoAddress(personId: string): { streetAddress: string; postcode: string } {
  let seed = 7;
  for (const char of personId) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) >>> 0;
  const random = new SeededRandom(seed);
  const letter = () => postcodeLetters[random.int(0, postcodeLetters.length - 1)] ?? 'A';
  return {
    streetAddress: `${random.pick(demoStreets)} ${random.int(1, 180)}`,
    postcode: `${random.int(1000, 9999)} ${letter()}${letter()}`,
  };
}

function demoClaim(
  random: SeededRandom,
  personId: string,
  reference: number,
): { claim: DemoClaim; history: ClaimHistoryEvent[] } {
  const kind = random.weighted(kindWeights);
  const phase = random.weighted(phaseWeights);
  const [min, max] = amountRange[kind];
  const originalCents = random.int(min, max) * 100 + random.pick([0, 0, 0, 50]);
  // History must lie before the reference date: the beschikking 56 days before the due date, and
  // for a claim past it, aanmaningen and payments up to 70 days after.
  const dayOffset = phase === 'beschikking' ? random.int(-20, 50) : random.int(-200, -75);
  const dueDate = isoDate(reference + dayOffset * 86_400_000);
  // What it owes follows from its history: verhogingen of the aanmaningen, minus payments.
  const history = demoClaimHistory({ kind, phase, originalCents, dueDate, paidFraction: random.next() });
  return {
    claim: {
      id: random.uuid(),
      personId,
      kind,
      phase,
      reference: Array.from({ length: 16 }, () => random.int(0, 9)).join(''),
      originalCents,
      outstandingCents: history.outstandingCents,
      // The dated parameter of the day the fine was due (€ 9, open: docs/regels.md).
      administratiekostenCents:
        kind === 'wahv' && phase !== 'betaald'
          ? selectParameterSet(escalatieParameterSets, dueDate).wahvAdministratiekosten.value
          : 0,
      dueDate,
    },
    history: history.events,
  };
}

/** A BSN that passes the elfproef; demo BSNs all start with 9 so they are easy to recognise. */
function demoBsn(random: SeededRandom): string {
  for (;;) {
    const candidate = '9' + Array.from({ length: 8 }, () => random.int(0, 9)).join('');
    if (isValidBsn(candidate)) return candidate;
  }
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
