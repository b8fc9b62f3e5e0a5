import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../../tests/support/temp-dir';
import { createJsonLogger } from '../backend/json-logger';
import { redactFields, redactText, removed } from './redact';
import { RotatingLog } from './rotating-log';

const temps: { cleanup(): void }[] = [];
afterEach(() => {
  while (temps.length) temps.pop()?.cleanup();
  vi.restoreAllMocks();
});
const tempLog = (maxBytes?: number, keep?: number) => {
  const temp = makeTempDir('cjib-log-');
  temps.push(temp);
  return new RotatingLog(join(temp.dir, 'logs', 'cjib.log'), maxBytes, keep);
};

describe('redaction', () => {
  it.each([
    ['BSN 123456782 gevonden', 'BSN [bsn] gevonden'],
    ['mail j.jansen@example.nl terug', 'mail [e-mail] terug'],
    ['rekening NL91ABNA0417164300', 'rekening [iban]'],
    ['bel 06-12345678 of +31 20 123 4567', 'bel [telefoon] of [telefoon]'],
    ['Dorpsstraat 1, 8011 AB Zwolle', 'Dorpsstraat 1, [postcode] Zwolle'],
    ['Authorization: Bearer abc.def', 'Authorization: Bearer [token]'],
    ['token v2.k1d.eyJzdWIiOiJ4In0.c2ln', 'token [token]'],
  ])('blanks %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it('drops fields whose name says they hold personal data or a secret, at any depth', () => {
    expect(
      redactFields({
        channel: 'notes.add',
        text: 'Belt morgen terug',
        nested: { displayName: 'Jan', ms: 12 },
        password: 'x',
      }),
    ).toEqual({ channel: 'notes.add', text: removed, nested: { displayName: removed, ms: 12 }, password: removed });
  });
});

describe('the log file', () => {
  it('rotates past its size and keeps only so many files, the newest lines in the current one', () => {
    const log = tempLog(200, 3);
    for (let i = 0; i < 40; i++) log.write(JSON.stringify({ n: i, pad: 'x'.repeat(20) }));
    const files = log.files();
    expect(files).toHaveLength(3);
    for (const file of files) expect(readFileSync(file).length).toBeLessThanOrEqual(200);
    const tail = log.tail(5).map((line) => (JSON.parse(line) as { n: number }).n);
    expect(tail).toEqual([35, 36, 37, 38, 39]);
    expect(readFileSync(files[2] ?? '', 'utf8')).not.toContain('"n":0,');
  });

  it('gets every logger line redacted before it is written', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const log = tempLog();
    const logger = createJsonLogger('backend', log);
    logger.error('sync failed for 123456782', { detail: 'UNIQUE failed: j@example.nl', text: 'notitie' });
    const written = readFileSync(log.path, 'utf8');
    expect(written).toContain('sync failed for [bsn]');
    expect(written).not.toMatch(/123456782|j@example\.nl|notitie/);
  });
});
