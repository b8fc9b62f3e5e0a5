import { join } from 'node:path';
import { Database } from '../src/main/db/connection';
import { loadMigrations, migrate } from '../src/main/db/migrations';
import { ClaimsRepository } from '../src/main/db/repositories/claims-repository';
import { PersonsRepository } from '../src/main/db/repositories/persons-repository';
import type { BvvInput } from '../src/shared/domain/beslagvrije-voet';
import { evaluateDecision } from '../src/shared/domain/betalingsonmacht-besluit';
import { generateDemoData } from '../src/shared/demo/generator';
import { SeededRandom } from '../src/shared/demo/random';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import { median, type Measure } from './results';

/**
 * BVV, capacity, standard check, proposal and plan for 10,000 varied assessments (the whole
 * decision as the screen and the server run it), against a primary-key lookup of a claim in the
 * local cache measured in the same run as the yardstick.
 */
export function benchBetalingsonmacht(assessments = 10_000): Measure[] {
  const random = new SeededRandom(4);
  const livings = ['alleenstaand', 'alleenstaande_ouder', 'paar', 'paar_met_kind'] as const;
  const incomes = ['volledige_toeslagen', 'gedeeltelijke_toeslagen', 'geen_toeslagen'] as const;
  const cases = Array.from({ length: assessments }, () => {
    const input: BvvInput = {
      peildatum: random.pick(['2024-09-01', '2025-03-01', '2026-11-29']),
      livingSituation: random.pick(livings),
      ageGroup: random.pick(['21_tot_pgl', 'pgl'] as const),
      incomeGroup: random.pick(incomes),
      netIncomeMonthlyCents: random.int(90_000, 400_000),
      otherIncomeMonthlyCents: random.int(0, 20_000),
      holidayAllowance: {
        paid: random.pick(['geen', 'maandelijks', 'jaarlijks'] as const),
        amountCents: random.int(0, 200_000),
      },
      residentOfNetherlands: true,
      informationWithheld: random.next() < 0.05,
      corrections:
        random.next() < 0.2
          ? [{ topic: 'woonkosten', amountCents: random.int(-5000, 20000), reason: 'Huur aangetoond' }]
          : [],
    };
    const claims = Array.from({ length: random.int(1, 6) }, (_, i) => ({
      id: `c${i}`,
      outstandingCents: random.int(3_000, 300_000),
      administratiekostenCents: 0,
      outsideArrangement: false,
    }));
    return {
      input,
      facts: { claims, deurwaarderInvolved: false, dwangmiddelInProgress: false, previousArrangements: [] },
    };
  });
  const choice = {
    kind: 'persoonlijk' as const,
    firstDueDate: '2027-01-31',
    motivation: 'Benchmark: volledige beoordeling',
  };

  const runs: number[] = [];
  let allowed = 0;
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    allowed = 0;
    for (const c of cases) if (evaluateDecision(c.input, c.facts, choice).allowed) allowed++;
    runs.push((performance.now() - started) / cases.length);
  }
  const perAssessmentMs = median(runs);

  const temp = makeTempDir('cjib-bench-bo-');
  const db = new Database(join(temp.dir, 'pk.sqlite'));
  migrate(db, loadMigrations(localMigrationsDir));
  const data = generateDemoData({ persons: 2000, claims: 10_000 });
  db.transaction(() => {
    new PersonsRepository(db).upsertMany(data.persons.map((p) => ({ ...p, version: 1 })));
    new ClaimsRepository(db).upsertMany(data.claims.map((c) => ({ ...c, version: 1 })));
  });
  const repo = new ClaimsRepository(db);
  const lookups: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    for (const c of data.claims) repo.get(c.id);
    lookups.push((performance.now() - started) / data.claims.length);
  }
  db.close();
  temp.cleanup();
  const lookupMs = median(lookups);

  return [
    {
      name: 'betalingsonmacht.assessment.ms-per-assessment',
      value: perAssessmentMs,
      unit: 'ms',
      baseline: { name: 'claim lookup by id in the local cache (ClaimsRepository.get)', value: lookupMs, unit: 'ms' },
      ratio: perAssessmentMs / lookupMs,
      note: `${assessments} assessments: BVV, capacity, standard check, proposal and tailored plan; ${allowed} allowed; median of 5`,
    },
  ];
}
