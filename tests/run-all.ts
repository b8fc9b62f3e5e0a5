import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumInstallHint, chromiumPath, hasChromium } from './support/chromium';
import { startEmbeddedPostgresql } from './support/embedded-postgresql';

/**
 * `npm test`: every check, in order, with one summary at the end.
 *   static     typecheck, lint (zero warnings), prettier
 *   unit       vitest in node (real SQLite files, real worker threads, real HTTP on loopback;
 *              the central API on embedded PGlite)
 *   unit-pg    the central API and sync tests again on a real PostgreSQL server: TEST_DATABASE_URL,
 *              or else a throwaway server from the npm registry's PostgreSQL binaries
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

// Every rung but the PostgreSQL one runs the central API on PGlite, whatever the caller's environment.
const { TEST_DATABASE_URL: givenDatabaseUrl, ...pgliteEnv } = process.env;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = pgliteEnv): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status === 0;
}

function npx(...args: string[]): boolean {
  return run('npx', ['--no-install', ...args]);
}

function vitestProject(project: string, label = project, filters: string[] = [], env = pgliteEnv): void {
  const outputFile = join(resultsDir, `${label}.json`);
  const ok = run(
    'npx',
    [
      '--no-install',
      'vitest',
      'run',
      '--project',
      project,
      ...filters,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ],
    env,
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
await postgresqlRung();
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

/** The central API and sync tests on a real PostgreSQL server: the one given, or a throwaway one. */
async function postgresqlRung(): Promise<void> {
  const filters = ['src/central', 'tests/integration'];
  if (givenDatabaseUrl) {
    vitestProject('unit', 'unit-postgresql', filters, { ...pgliteEnv, TEST_DATABASE_URL: givenDatabaseUrl });
    return;
  }
  let server: Awaited<ReturnType<typeof startEmbeddedPostgresql>>;
  try {
    server = await startEmbeddedPostgresql();
  } catch (error) {
    const note = `Geen TEST_DATABASE_URL en geen ingebouwde PostgreSQL (${String(error)}). Zie README (PostgreSQL).`;
    summary.push({ step: 'unit-postgresql', status: isCi ? 'failed' : 'skipped', note });
    return;
  }
  try {
    vitestProject('unit', 'unit-postgresql', filters, { ...pgliteEnv, TEST_DATABASE_URL: server.url });
  } finally {
    await server.stop();
  }
}

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
