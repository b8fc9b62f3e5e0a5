import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';

// Runs electronegativity over the sources and fails on any HIGH or MEDIUM finding that is not
// in build/electronegativity-accepted.json with its reason. The Electron version is given
// explicitly because the tool cannot fetch the release list without network access.

interface Accepted {
  check: string;
  file: string;
  why: string;
}

const root = join(import.meta.dirname, '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const output = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'findings.csv');
const run = spawnSync(
  join(root, 'node_modules/.bin/electronegativity'),
  ['-i', join(root, 'src'), '-o', output, '-e', electronVersion],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

const accepted = JSON.parse(readFileSync(join(root, 'build/electronegativity-accepted.json'), 'utf8')) as Accepted[];
const rows = parseCsv(readFileSync(output, 'utf8')).slice(1);
const findings = rows.map(([check = '', severity = '', , file = '', location = '']) => ({
  check,
  severity,
  file: file === 'N/A' ? file : relative(root, isAbsolute(file) ? file : join(root, 'src', file)),
  location,
}));

const blocking = findings.filter(
  (f) =>
    (f.severity === 'HIGH' || f.severity === 'MEDIUM') &&
    !accepted.some((a) => a.check === f.check && a.file === f.file),
);
for (const f of findings) console.log(`${f.severity.padEnd(14)} ${f.check} ${f.file}:${f.location}`);
if (blocking.length) {
  console.error(`\nelectronegativity: ${blocking.length} HIGH/MEDIUM finding(s) without an explanation:`);
  for (const f of blocking) console.error(`  ${f.check} ${f.file}:${f.location}`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} finding(s), none HIGH/MEDIUM without an explanation.`);

/** CSV with quoted cells that may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell.trim());
      cell = '';
    } else if (char === '\n') {
      row.push(cell.trim());
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  row.push(cell.trim());
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}
