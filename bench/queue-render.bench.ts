import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startBackendThread } from '../src/main/backend/backend-thread';
import { demoLocalUser } from '../src/main/backend/local-defaults';
import { startBrowserHost } from '../src/main/browser-host/browser-host';
import { Database } from '../src/main/db/connection';
import { TasksRepository, type TaskQueueQuery } from '../src/main/db/repositories/tasks-repository';
import { launchChromium } from '../tests/support/chromium';
import { localMigrationsDir, makeTempDir } from '../tests/support/temp-dir';
import type { Measure } from './results';
import { baseQueueQuery, rawQueuePage, searchTerms } from './queue.bench';
import { queueBenchClaims, seededCacheCopy } from './seeded-cache';

const rendererDir = join(import.meta.dirname, '..', 'dist', 'renderer');
const runs = 40;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Runs `action` (JavaScript, in the page) and returns the ms from just before it until a frame in
 * which the grid shows loaded rows whose first task differs from before (or, with `rowIndex`,
 * until that row is on screen with its data), or until the notice that a search is too broad
 * appears where there was none. The action is dispatched in the page, as the DOM
 * event a click or key press makes: what Playwright spends finding an element by its role and
 * checking it can be clicked is not the app's time, and was most of what earlier runs measured.
 * Page-side code is a string: tsx would wrap inline functions with a helper the page does not have.
 */
const timeAction = (page: Page, action: string, rowIndex?: number) =>
  page.evaluate<number>(`new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no result on screen within 15 s of: ' + ${JSON.stringify(action)})), 15000);
    // The task's id, not its text: at a million demo claims many people share a name.
    const firstTask = () => {
      const row = document.querySelector('#queue-grid .vgrid__spacer > [role="row"]');
      return (row && row.dataset.key) || '';
    };
    const shown = () => {
      const grid = document.getElementById('queue-grid');
      if (!grid || grid.getAttribute('aria-busy') !== 'false') return false;
      if (${rowIndex ?? -1} >= 0) {
        const row = document.getElementById('queue-grid-row-${rowIndex ?? -1}');
        return Boolean(row && row.dataset.key);
      }
      if (!broadBefore && document.getElementById('queue-too-broad')) return true;
      const first = firstTask();
      return first !== '' && first !== before;
    };
    const before = ${rowIndex === undefined ? 'firstTask()' : 'null'};
    const broadBefore = Boolean(document.getElementById('queue-too-broad'));
    const started = performance.now();
    ${action};
    const check = () => (shown() ? resolve(performance.now() - started) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  })`);

/** Page-side actions, as the events a worker's click, choice or key press dispatches. */
const clickButtonIn = (container: string, text: string) =>
  `[...document.querySelectorAll(${JSON.stringify(container)})].find((b) => b.textContent.includes(${JSON.stringify(text)})).click()`;
const openWerkvoorraad = clickButtonIn('a', 'Werkvoorraad');
const sortByPerson = clickButtonIn('#queue-grid [role="columnheader"] button', 'Persoon');
const choosePhase = (phase: string) =>
  `(() => { const s = document.querySelector('[data-bench="phase"]'); s.value = ${JSON.stringify(phase)};
     s.dispatchEvent(new Event('change', { bubbles: true })); })()`;
const pressEnterInSearch = `document.getElementById('queue-search').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))`;
const scrollTo = (top: number) => `document.querySelector('#queue-grid .vgrid__body').scrollTop = ${top}`;

const settle = (page: Page) => page.locator('#queue-grid[aria-busy="false"]').waitFor();

/**
 * Memory of this run's chromium renderer processes (their profile dir is Playwright's temporary
 * one), as PSS: shared pages are divided among the processes that share them, unlike RSS.
 */
function rendererProcessesPssMb(): { pssMb: number; largestMb: number; processes: number } {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('--type=renderer') && line.includes('playwright'));
  const kbs = lines.map((line) => {
    const pid = line.trim().split(/\s+/)[0] ?? '';
    return Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m)?.[1] ?? 0);
  });
  const total = kbs.reduce((sum, kb) => sum + kb, 0);
  return { pssMb: total / 1024, largestMb: Math.max(0, ...kbs) / 1024, processes: lines.length };
}

/**
 * The queue in a real browser at a million claims (BENCH_QUEUE_CLAIMS) (browser host, backend worker, built renderer):
 * the time from an action to the first rows on screen, p50 and p95, against the same query on raw
 * better-sqlite3 in this run; the DOM rows rendered; and the renderer's JS heap with the queue open.
 */
export async function benchQueueRender(claimCount = queueBenchClaims): Promise<Measure[]> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('run `npm run build:renderer` first');
  const temp = makeTempDir('cjib-bench-render-');
  const dbPath = join(temp.dir, 'render.sqlite');
  seededCacheCopy(claimCount, dbPath);
  const backend = await startBackendThread({
    dbPath,
    migrationsDir: localMigrationsDir,
    appVersion: 'bench',
    localUser: demoLocalUser,
  });
  const host = await startBrowserHost({ backend, staticDir: rendererDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const reader = new Database(dbPath);
  const tasks = new TasksRepository(reader);
  const rawTimes = (query: TaskQueueQuery) => {
    const started = performance.now();
    rawQueuePage(reader, tasks, query);
    return performance.now() - started;
  };
  const base: TaskQueueQuery = { ...baseQueueQuery, queue: 'mijn_werk' };
  const results: Record<string, { render: number[]; raw: number[] }> = {};
  const record = (name: string, render: number, raw: number) => {
    results[name] ??= { render: [], raw: [] };
    results[name].render.push(render);
    results[name].raw.push(raw);
  };

  await page.goto(host.url);
  await page.locator('#queue-grid').waitFor();
  await settle(page);

  // Opening the queue: from another screen to the first rows of Mijn werk.
  for (let i = 0; i < runs; i++) {
    await page.getByRole('link', { name: 'Conflicten', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: /Conflicten/ }).waitFor();
    record('open', await timeAction(page, openWerkvoorraad), rawTimes(base));
  }
  await page.getByRole('button', { name: /Alle open taken/ }).click();
  await settle(page);
  const all = { ...base, queue: 'alle_open' as const };

  // Sorting: a column header, alternating direction.
  for (let i = 0; i < runs; i++) {
    record(
      'sort',
      await timeAction(page, sortByPerson),
      rawTimes({ ...all, sort: 'personName', direction: i % 2 ? 'desc' : 'asc' }),
    );
  }
  // Filtering on the claim's phase: each choice differs from the one before, so its first task does.
  await page.getByLabel('Fase').evaluate((select) => select.setAttribute('data-bench', 'phase'));
  await page.getByLabel('Fase').selectOption('regeling');
  await settle(page);
  const phases = ['verhaal', 'tweede_aanmaning', 'beschikking', 'eerste_aanmaning'] as const;
  for (let i = 0; i < runs; i++) {
    const phase = phases[i % phases.length] ?? 'verhaal';
    record('filter', await timeAction(page, choosePhase(phase)), rawTimes({ ...all, sort: 'personName', phase }));
  }
  await page.getByLabel('Fase').selectOption('');
  await settle(page);
  // Searching (Enter searches at once).
  const terms = searchTerms(reader);
  const search = page.getByRole('searchbox');
  for (let i = 0; i < runs; i++) {
    const term = terms[i % terms.length] ?? 'jan';
    await search.fill(term);
    record(
      'search',
      await timeAction(page, pressEnterInSearch),
      rawTimes({ ...all, sort: 'personName', search: term }),
    );
  }
  await search.fill('');
  await search.press('Enter');
  await settle(page);

  // Scrolling: jumps to random places in the whole queue.
  const total = Number(await page.locator('#queue-grid').getAttribute('aria-rowcount')) - 1;
  for (let i = 0; i < runs; i++) {
    const row = Math.floor((((i * 7919) % 997) / 997) * (total - 50));
    record(
      'scroll',
      await timeAction(page, scrollTo(row * 36), row + 1),
      rawTimes({ ...all, sort: 'personName', offset: Math.floor(row / 100) * 100 }),
    );
  }

  const domRows = await page.locator('#queue-grid .vgrid__spacer > [role="row"]').count();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heapMb = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
  const nodes = metrics.find((m) => m.name === 'Nodes')?.value ?? 0;

  const renderers = rendererProcessesPssMb();
  await browser.close();
  await host.close();
  await backend.close();
  reader.close();
  temp.cleanup();

  const measures: Measure[] = [];
  for (const [name, { render, raw }] of Object.entries(results)) {
    for (const [label, p] of [
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const value = percentile(render, p);
      const baseline = percentile(raw, p);
      measures.push({
        name: `queue-render.${name}.${label}-ms`,
        value,
        unit: 'ms',
        baseline: { name: 'same query on raw better-sqlite3', value: baseline, unit: 'ms' },
        ratio: value / baseline,
        note: `action to first rows on screen in chromium (IPC over HTTP, worker, React); ${claimCount} claims, ${total} open tasks in the queue; ${runs} runs${name === 'open' ? '; target < 200 ms' : ''}`,
      });
    }
  }
  measures.push(
    {
      name: 'queue-render.dom-rows',
      value: domRows,
      unit: 'rows',
      note: `rows in the DOM with ${total} tasks in the queue (virtualized: one screen plus overscan)`,
    },
    {
      name: 'queue-render.renderer-pss-mb',
      value: renderers.pssMb,
      unit: 'MB',
      note: `memory (PSS) of all ${renderers.processes} chromium renderer processes together with the queue open (the largest, the app's page: ${renderers.largestMb.toFixed(0)} MB); target < 200 MB`,
    },
    {
      name: 'queue-render.renderer-js-heap-mb',
      value: heapMb,
      unit: 'MB',
      note: `JS heap of the page with the queue open after GC; ${nodes} DOM nodes; target < 200 MB`,
    },
  );
  return measures;
}
