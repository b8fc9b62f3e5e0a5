import type { ChildProcess } from 'node:child_process';
import { createIntakeSource } from '../src/central/intake/intake-service';
import { openPostgres } from '../src/central/db/sql-client';
import type { LoketRequestInput, LoketResult } from '../src/shared/api/loket';
import { generateLoketWeek } from '../src/shared/demo/loket-week';
import { startEmbeddedPostgresql } from '../tests/support/embedded-postgresql';
import {
  freshDatabase,
  log,
  percentile,
  post,
  runLoad,
  seedNationalScale,
  signIn,
  startNode,
} from './central-load.bench';
import type { Measure } from './results';

/**
 * One week of Digitaal Loket requests (6,000: standard ones decided by the system, the rest made
 * tasks with their documents) sent to two API nodes on PostgreSQL while 200 simulated desktops
 * work as in central-load. Measured in the same run: the week's requests per second against one
 * request at a time on the same servers with nobody working, and the workers' command p99 during
 * the week against the same load without it.
 */
export async function benchLoketWeek(claims = 200_000, clients = 200, requests = 6_000): Promise<Measure[]> {
  const embedded = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgresql();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? embedded?.url ?? '';
  const ownerUrl = await freshDatabase(adminUrl, 'cjib_loket');
  const nodes: ChildProcess[] = [];
  try {
    const first = await startNode(ownerUrl, nodes, true);
    const owner = await openPostgres(ownerUrl);
    await seedNationalScale(owner, claims);
    const key = await createIntakeSource(owner, 'digitaal-loket', 'Digitaal Loket', [], { submitsRequests: true });
    const persons = Math.round(claims * 0.35);
    const bsns = Array.from({ length: persons }, (_, n) => String(200_000_001 + n));
    const second = await startNode(ownerUrl, nodes, false);
    const urls = [first, second];
    const desktops = await signIn(owner, urls, clients);

    // Baseline: the Loket sending one request at a time, nobody else working.
    const single = generateLoketWeek({ bsns, count: 300, monday: '2026-11-30', seed: 1 });
    const aloneStarted = performance.now();
    await submitAll(urls, key, single, 1);
    const aloneRate = single.length / ((performance.now() - aloneStarted) / 1000);

    await runLoad(desktops, 10_000); // warm-up
    const load = await runLoad(desktops, 45_000);
    const week = generateLoketWeek({ bsns, count: requests, monday: '2026-12-07' });
    let outcomes = new Map<string, number>();
    const during = await runLoad(desktops, 0, async () => {
      outcomes = await submitAll(urls, key, week, 8);
      return week.length;
    });
    const [stored] = await owner.query<{ documents: number; megabytes: number }>(
      `SELECT count(*)::int AS documents, round(sum(size_bytes) / 1048576.0, 1)::float AS megabytes FROM loket_documents`,
    );
    await owner.close();

    const rate = week.length / during.intakeSeconds;
    const p = (xs: number[], q: number) => percentile(xs, q);
    const share = (o: LoketResult['outcome']) => `${(((outcomes.get(o) ?? 0) * 100) / week.length).toFixed(0)} %`;
    log(
      `loket week: ${week.length} requests in ${during.intakeSeconds.toFixed(1)} s; ${JSON.stringify([...outcomes])}`,
    );
    return [
      {
        name: 'central.loket.requests-per-second',
        value: rate,
        unit: 'requests/s',
        baseline: { name: 'one request at a time, no desktops working', value: aloneRate, unit: 'requests/s' },
        ratio: rate / aloneRate,
        note: `${week.length} requests (a week) from 8 senders to 2 API nodes while ${clients} desktops worked, PostgreSQL with ${claims} claims: decided automatically ${share('automatisch_toegekend')}, to a worker ${share('in_behandeling')}, no case ${share('onbekende_persoon')}; ${stored?.documents ?? 0} documents (${stored?.megabytes ?? 0} MB) stored`,
      },
      {
        name: 'central.loket.worker-command-p99-during-week',
        value: p(during.commands, 0.99),
        unit: 'ms',
        baseline: { name: 'the same load without Loket requests', value: p(load.commands, 0.99), unit: 'ms' },
        ratio: p(during.commands, 0.99) / p(load.commands, 0.99),
        note: `${during.commands.length} worker commands during the week (p50 ${p(during.commands, 0.5).toFixed(1)} ms, without: ${p(load.commands, 0.5).toFixed(1)} ms); pull p99 ${p(during.pulls, 0.99).toFixed(1)} ms`,
      },
    ];
  } finally {
    for (const node of nodes) node.kill('SIGTERM');
    await Promise.all(
      nodes.map((n) => new Promise((resolve) => (n.exitCode === null ? n.once('exit', resolve) : resolve(null)))),
    );
    await embedded?.stop();
  }
}

/** Sends every request, `parallel` at a time, on alternating nodes; counts the outcomes. */
async function submitAll(
  urls: string[],
  key: string,
  requests: readonly LoketRequestInput[],
  parallel: number,
): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const answer = await post(urls[i % urls.length] ?? '', '/api/v1/loket/betalingsregeling', requests[i], key);
        const outcome = String(answer.body.outcome);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  return outcomes;
}
