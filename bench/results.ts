import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

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

/** Merges measures into bench/results.json by name, so each benchmark adds to one file. */
export function recordMeasures(measures: Measure[]): void {
  const existing = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as { measures: Measure[] }).measures
    : [];
  const byName = new Map(existing.map((m) => [m.name, m]));
  for (const m of measures) byName.set(m.name, m);
  const file = {
    updatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' },
    measures: [...byName.values()],
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
