import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { createJsonLogger } from '../../src/main/backend/json-logger';
import { Database } from '../../src/main/db/connection';
import { RotatingLog } from '../../src/main/logging/rotating-log';
import { demoLogin, startTestCentral } from '../support/central';
import { call } from '../support/desktop';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

/**
 * "Diagnose exporteren" on a real, synced cache: the support desk gets versions, health, counts
 * and the log; not one name, BSN, city, reference or note of the cases in it.
 */
let server: CentralServer;
let backend: Backend;
const temp = makeTempDir('cjib-diag-');
const dbPath = join(temp.dir, 'cache.sqlite');
const noteText = 'Belt terug over de regeling, vraagt naar Dorpsstraat 12';

beforeAll(async () => {
  server = await startTestCentral({ seed: { persons: 40, claims: 120 } });
  const log = new RotatingLog(join(temp.dir, 'logs', 'cjib.log'));
  const quiet = createJsonLogger('backend', log);
  backend = createBackend(
    { dbPath, migrationsDir: localMigrationsDir, appVersion: '3.2.1', centralUrl: server.url, localUser: null },
    quiet,
    { logFile: log },
  );
  await call(backend, 'session.login', demoLogin);
  await call(backend, 'sync.now');
  const claimId = (await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 })).rows[0]?.id;
  await call(backend, 'notes.add', { claimId, text: noteText });
  // A careless line that names a person: the export must not carry it on.
  quiet.error('lookup failed for 123456782 j.jansen@example.nl', { text: noteText });
});
afterAll(async () => {
  await backend.close();
  await server.close();
  temp.cleanup();
});

describe('Diagnose exporteren', () => {
  it('holds versions, cache health, counts, sync state and log lines', async () => {
    const { fileName, json } = await call<{ fileName: string; json: string }>(backend, 'app.diagnostics');
    expect(fileName).toMatch(/^cjib-diagnose-\d{4}-\d{2}-\d{2}T\d{6}\.json$/);
    const report = JSON.parse(json) as {
      app: { version: string; schemaVersion: number };
      cache: { quickCheck: string; rowCounts: Record<string, number> };
      sync: { connection: string };
      log: unknown[];
    };
    expect(report.app).toMatchObject({ version: '3.2.1' });
    expect(report.app.schemaVersion).toBeGreaterThan(0);
    expect(report.cache.quickCheck).toBe('ok');
    expect(report.cache.rowCounts.claims).toBeGreaterThan(0);
    expect(report.sync.connection).toBe('online');
    expect(report.log.length).toBeGreaterThan(0);
  });

  it('contains no name, BSN, city, reference or note of any case in the cache', async () => {
    const { json } = await call<{ json: string }>(backend, 'app.diagnostics');
    const db = new Database(dbPath);
    const persons = db.raw.prepare('SELECT display_name, bsn, city FROM persons').all() as Record<string, string>[];
    const claims = db.raw.prepare('SELECT reference FROM claims').all() as { reference: string }[];
    db.close();
    expect(persons.length).toBeGreaterThan(0);
    const secrets = [
      ...persons.flatMap((p) => [p.display_name, p.bsn, p.city]),
      ...claims.map((c) => c.reference),
      noteText,
      'Dorpsstraat',
      '123456782',
      'j.jansen@example.nl',
    ].filter((value): value is string => Boolean(value));
    for (const secret of secrets) expect(json, secret).not.toContain(secret);
  });
});
