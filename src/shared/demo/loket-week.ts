import type { LoketRequestInput } from '../api/loket';
import { SeededRandom } from './random';

/**
 * A realistic week of requests for a betalingsregeling from the Digitaal Loket, the same on every
 * machine (seeded): most on weekdays and in office hours, four in five for the standard arrangement,
 * the rest tailored with one to three documents (payslips as PDF, photos as JPEG), and a few from
 * people CJIB has no open claims for. Used by the demo script and the bench.
 */

export interface LoketWeekOptions {
  /** BSNs of persons with open claims; requests name one of these, or an unknown BSN. */
  bsns: readonly string[];
  count: number;
  /** The Monday the week starts, as YYYY-MM-DD. */
  monday: string;
  seed?: number;
  /** Share of requests from people without a case (default 4 %). */
  unknownShare?: number;
}

/** Requests per weekday, Monday first: Monday after the weekend's post is the busiest. */
const dayWeights = [22, 18, 17, 16, 15, 7, 5] as const;

export function generateLoketWeek(options: LoketWeekOptions): LoketRequestInput[] {
  const random = new SeededRandom(options.seed ?? 20261207);
  const unknownShare = options.unknownShare ?? 0.04;
  const requests: LoketRequestInput[] = [];
  for (let n = 0; n < options.count; n++) {
    const day = random.weighted(dayWeights.map((w, i) => [i, w] as const));
    const hour = random.weighted([
      [7, 3],
      [9, 12],
      [11, 12],
      [13, 10],
      [15, 9],
      [17, 6],
      [20, 8],
      [22, 3],
    ] as const);
    const at = new Date(`${options.monday}T00:00:00Z`);
    at.setUTCDate(at.getUTCDate() + day);
    at.setUTCHours(hour - 1, random.int(0, 119), random.int(0, 59));
    const kind = random.next() < 0.8 ? 'standaard' : 'maatwerk';
    const bsn =
      random.next() < unknownShare ? String(900_000_000 + random.int(0, 99_999_999)) : random.pick(options.bsns);
    const livingSituation = random.weighted([
      ['alleenstaand', 45],
      ['alleenstaande_ouder', 20],
      ['paar', 15],
      ['paar_met_kind', 20],
    ] as const);
    const incomeGroup = random.weighted([
      ['volledige_toeslagen', 50],
      ['gedeeltelijke_toeslagen', 30],
      ['geen_toeslagen', 20],
    ] as const);
    // Net income around the social minimum, in whole euros as people type them.
    const netIncome = random.int(1_050, kind === 'maatwerk' ? 1_900 : 3_200) * 100;
    requests.push({
      requestId: random.uuid(),
      submittedAt: at.toISOString(),
      bsn,
      kind,
      declared: {
        livingSituation,
        ageGroup: random.next() < 0.06 ? '18_20' : random.next() < 0.1 ? 'pgl' : '21_tot_pgl',
        incomeGroup,
        netIncomeMonthlyCents: netIncome,
        otherIncomeMonthlyCents: random.next() < 0.15 ? random.int(50, 400) * 100 : 0,
        holidayAllowance:
          random.next() < 0.6
            ? { paid: 'jaarlijks', amountCents: Math.round(netIncome * 0.08 * 12) }
            : { paid: 'maandelijks', amountCents: 0 },
        residentOfNetherlands: random.next() < 0.98,
      },
      explanation:
        kind === 'maatwerk'
          ? random.pick([
              'Ik heb een uitkering en daarnaast andere schulden; de standaardtermijn kan ik niet betalen.',
              'Mijn vaste lasten zijn hoog sinds de scheiding. Ik kan hooguit een klein bedrag per maand betalen.',
              'Ik ben mijn baan kwijt en wacht op een uitkering.',
              'Ik zit in de schuldhulp van de gemeente en wil een regeling die daarbij past.',
            ])
          : '',
      documents: kind === 'maatwerk' ? documents(random) : [],
    });
  }
  return requests.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

function documents(random: SeededRandom): LoketRequestInput['documents'] {
  const count = random.int(1, 3);
  return Array.from({ length: count }, (_, i) =>
    random.next() < 0.6
      ? {
          fileName: `loonstrook-${i + 1}.pdf`,
          mediaType: 'application/pdf' as const,
          contentBase64: btoa(
            `%PDF-1.4\n% Loonstrook ${i + 1}\n${'0 0 obj << >> endobj\n'.repeat(random.int(200, 1200))}%%EOF\n`,
          ),
        }
      : {
          fileName: `foto-${i + 1}.jpg`,
          mediaType: 'image/jpeg' as const,
          // The JPEG marker and bytes after it: enough for the type check, not a picture to look at.
          contentBase64: btoa(
            String.fromCharCode(0xff, 0xd8, 0xff, 0xe0) +
              String.fromCharCode(...Array.from({ length: 2048 }, () => random.int(0, 255))).repeat(random.int(2, 10)),
          ),
        },
  );
}
