import { parseArgs } from 'node:util';
import { loketResult, type LoketRequestInput, type LoketResult } from '../../shared/api/loket';
import { addDays } from '../../shared/domain/calendar';
import { generateLoketWeek } from '../../shared/demo/loket-week';
import { todayInAmsterdam } from '../../shared/domain/amsterdam-clock';
import { startCentralServer, type CentralServer } from '../central-server';
import { createIntakeSource } from '../intake/intake-service';

/**
 * `npm run demo:loket-week -- [--central URL --key KEY] [--requests 6000] [--parallel 8]`
 *
 * Submits a realistic week of requests for a betalingsregeling from the Digitaal Loket and prints
 * what became of them. Against a running central API with the Loket's key (`npm run
 * central:sources -- add --id digitaal-loket --name "Digitaal Loket" --requests`), the requests
 * name the persons of that central (its demo data); without --central, a central API with demo data
 * is started in memory for the run.
 */
const { values } = parseArgs({
  options: {
    central: { type: 'string' },
    key: { type: 'string' },
    requests: { type: 'string', default: '6000' },
    parallel: { type: 'string', default: '8' },
  },
});

let own: CentralServer | null = null;
let url = values.central;
let key = values.key;
if (!url) {
  own = await startCentralServer({ seed: { persons: 1500, claims: 4000 } });
  url = own.url;
  key = await createIntakeSource(own.db, 'digitaal-loket', 'Digitaal Loket', [], { submitsRequests: true });
  process.stderr.write(`Centrale API met demodata in het geheugen: ${url}\n`);
}
if (!key) throw new Error('Geef --key: de sleutel van het Digitaal Loket (npm run central:sources -- add …).');

try {
  const bsns = await demoBsns(url, own);
  const today = todayInAmsterdam();
  const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  const week = generateLoketWeek({ bsns, count: Number(values.requests), monday });
  const outcomes = new Map<LoketResult['outcome'], number>();
  const started = performance.now();
  let next = 0;
  const submitOne = async (request: LoketRequestInput) => {
    const response = await fetch(`${url}/api/v1/loket/betalingsregeling`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`aanvraag ${request.requestId}: ${response.status} ${await response.text()}`);
    const { outcome } = loketResult.parse(await response.json());
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  };
  await Promise.all(
    Array.from({ length: Number(values.parallel) }, async () => {
      for (let i = next++; i < week.length; i = next++) await submitOne(week[i] as LoketRequestInput);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const count = (o: LoketResult['outcome']) => outcomes.get(o) ?? 0;
  process.stdout.write(
    [
      `${week.length} aanvragen (week van ${monday}) in ${seconds.toFixed(1)} s: ${(week.length / seconds).toFixed(0)} per seconde`,
      `  automatisch toegekend: ${count('automatisch_toegekend')} (${((100 * count('automatisch_toegekend')) / week.length).toFixed(0)} %)`,
      `  naar een medewerker:   ${count('in_behandeling')}`,
      `  geen zaak gevonden:    ${count('onbekende_persoon')}`,
      '',
    ].join('\n'),
  );
  if (own) {
    // Why the others went to a worker: the rule that stopped the automatic decision.
    const reasons = await own.db.query<{ reason: string; n: number }>(
      `SELECT regexp_replace(outcome_reason, '[0-9.,]+', '…', 'g') AS reason, count(*)::int AS n FROM loket_requests
       WHERE outcome = 'in_behandeling' GROUP BY 1 ORDER BY 2 DESC`,
    );
    for (const r of reasons) process.stdout.write(`    ${String(r.n).padStart(5)}  ${r.reason}\n`);
  }
} finally {
  await own?.close();
}

/**
 * BSNs of persons with open claims: from the store itself when it runs here, else from the demo
 * generator. People ask the Loket for an arrangement early (after the beschikking or an aanmaning);
 * once the deurwaarder has the case, arrangements go through the deurwaarder. So the week's
 * requests come from persons none of whose claims is there yet.
 */
async function demoBsns(centralUrl: string, server: CentralServer | null): Promise<string[]> {
  if (server) {
    const rows = await server.db.query<{ bsn: string }>(
      `SELECT DISTINCT p.bsn FROM persons p JOIN claims c ON c.person_id = p.id
       WHERE c.phase NOT IN ('betaald', 'gestopt')
         AND NOT EXISTS (SELECT 1 FROM claims d WHERE d.person_id = p.id AND d.phase IN ('deurwaarder', 'dwangmiddel'))
       ORDER BY p.bsn`,
    );
    return rows.map((r) => r.bsn);
  }
  process.stderr.write(`Aanvragen voor de demopersonen van ${centralUrl}\n`);
  const { generateDemoData } = await import('../../shared/demo/generator');
  const demo = generateDemoData({ persons: 1500, claims: 4000, seed: 20261129 });
  const late = new Set(
    demo.claims.filter((c) => c.phase === 'deurwaarder' || c.phase === 'dwangmiddel').map((c) => c.personId),
  );
  return demo.persons.filter((p) => !late.has(p.id)).map((p) => p.bsn);
}
