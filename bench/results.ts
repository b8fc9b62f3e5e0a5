import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadCentralMigrations } from '../src/central/db/migrate';
import { latestVersion, loadMigrations } from '../src/main/db/migrations';

/** One measured figure; `ratio` compares it to a baseline measured in the same run. */
export interface Measure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  ratio?: number;
  note?: string;
}

const resultsPath = join(import.meta.dirname, 'results.json');

/** Which code a figure was measured on: the commit, both schema versions and the day. */
export interface Provenance {
  commit: string;
  localSchema: number;
  centralSchema: number;
  date: string;
}

const root = join(import.meta.dirname, '..');

/**
 * The code this run measures. A working tree with changes to the code, the migrations or the
 * benchmarks is refused: its figures would belong to no commit.
 */
export function provenance(): Provenance {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const changed = git('status', '--porcelain', '--', 'src', 'migrations', 'bench', 'package-lock.json')
    .split('\n')
    .filter((line) => line && !line.endsWith('bench/results.json'));
  if (changed.length) {
    throw new Error(`npm run bench meet alleen vastgelegde code; eerst committen:\n${changed.join('\n')}`);
  }
  return {
    commit: git('rev-parse', 'HEAD'),
    localSchema: latestVersion(loadMigrations(join(root, 'migrations', 'local'))),
    centralSchema: latestVersion(loadCentralMigrations()),
    date: new Date().toISOString(),
  };
}

/**
 * Writes bench/results.json from this run alone — never merged with an earlier one — every measure
 * carrying the commit and schema versions it was measured on.
 */
export function recordMeasures(measures: Measure[], run: Provenance, benchmarks: readonly string[]): void {
  const file = {
    run: { ...run, benchmarks },
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    measures: measures.map((m) => ({ ...m, ...run })),
  };
  writeFileSync(resultsPath, `${JSON.stringify(file, null, 2)}\n`);
}

export function printMeasure(m: Measure): void {
  const value = `${formatNumber(m.value)} ${m.unit}`;
  const ratio =
    m.ratio === undefined
      ? ''
      : `  ratio ${m.ratio.toFixed(2)} vs ${m.baseline?.name ?? 'baseline'} (${formatNumber(m.baseline?.value ?? 0)} ${m.baseline?.unit ?? ''})`;
  console.log(`${m.name.padEnd(44)} ${value.padStart(20)}${ratio}`);
}

function formatNumber(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(3);
}

/** Median of a few repetitions: one slow run on a shared machine should not decide the figure. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
