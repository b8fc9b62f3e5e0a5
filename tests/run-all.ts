import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumInstallHint, chromiumPath, hasChromium } from './support/chromium';

/**
 * `npm test`: every check, in order, with one summary at the end.
 *   static     typecheck, lint (zero warnings), prettier
 *   unit       vitest in node (real SQLite files, real worker threads, real HTTP on loopback;
 *              the central API on embedded PGlite)
 *   unit-pg    the central API and sync tests again on a real PostgreSQL server (TEST_DATABASE_URL)
 *   component  vitest in jsdom (@testing-library/react against the real backend in memory)
 *   e2e        playwright-core + Debian chromium against the browser host
 *   electron   electronegativity over the Electron shell
 * Without chromium the e2e step is skipped with the install command; with CI=true that fails.
 */

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });
const isCi = process.env.CI === 'true' || process.env.CI === '1';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const summary: { step: string; status: 'ok' | 'failed' | 'skipped'; counts?: Counts; note?: string }[] = [];

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function npx(...args: string[]): boolean {
  return run('npx', ['--no-install', ...args]);
}

function vitestProject(project: string, label = project, filters: string[] = []): void {
  const outputFile = join(resultsDir, `${label}.json`);
  const ok = npx(
    'vitest',
    'run',
    '--project',
    project,
    ...filters,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  );
  let counts: Counts | undefined;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    counts = undefined;
  }
  summary.push({ step: label, status: ok ? 'ok' : 'failed', ...(counts ? { counts } : {}) });
}

function step(name: string, ok: boolean): void {
  summary.push({ step: name, status: ok ? 'ok' : 'failed' });
}

step('typecheck', npx('tsc', '-p', 'tsconfig.json', '--noEmit'));
step('lint', npx('eslint', '--max-warnings', '0', '.'));
step('format', npx('prettier', '--check', '--log-level', 'warn', '.'));
vitestProject('unit');
if (process.env.TEST_DATABASE_URL) {
  vitestProject('unit', 'unit-postgresql', ['src/central', 'tests/integration']);
} else {
  const note = 'Geen TEST_DATABASE_URL: de centrale-API-tests draaiden alleen op PGlite. Zie README (PostgreSQL).';
  summary.push({ step: 'unit-postgresql', status: isCi ? 'failed' : 'skipped', note });
}
vitestProject('component');

if (hasChromium()) {
  const built = npx('vite', 'build', '--logLevel', 'warn');
  if (built) vitestProject('e2e');
  else step('e2e (renderer build)', false);
} else {
  const note = `Chromium ontbreekt (${chromiumPath}): end-to-end-tests niet uitgevoerd. Installeer met: ${chromiumInstallHint}`;
  summary.push({ step: 'e2e', status: isCi ? 'failed' : 'skipped', note });
}

step('electron-security', run('npx', ['--no-install', 'tsx', 'build/electron-security-check.ts']));

const labels: Record<string, string> = {
  unit: 'Unit',
  'unit-postgresql': 'Unit (PostgreSQL)',
  component: 'Component',
  e2e: 'End-to-end',
};
console.log('\n──────── Testoverzicht ────────');
for (const entry of summary) {
  const counts = entry.counts
    ? `${entry.counts.passed} geslaagd, ${entry.counts.failed} mislukt${entry.counts.skipped ? `, ${entry.counts.skipped} overgeslagen` : ''}`
    : '';
  const status = entry.status === 'ok' ? 'OK' : entry.status === 'skipped' ? 'OVERGESLAGEN' : 'MISLUKT';
  console.log(`${(labels[entry.step] ?? entry.step).padEnd(20)} ${status.padEnd(13)} ${counts}`);
  if (entry.note) console.log(`  ${entry.note}`);
}
const total = summary.reduce((sum, e) => sum + (e.counts?.passed ?? 0), 0);
console.log(`Totaal: ${total} tests geslaagd.`);
process.exit(summary.some((e) => e.status === 'failed') ? 1 : 0);
