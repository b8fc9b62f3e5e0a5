import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { Database } from '../../src/main/db/connection';
import { loadMigrations, migrate } from '../../src/main/db/migrations';
import { addCaseNote } from '../../src/main/services/case-notes-service';
import { signIn } from '../../src/main/services/session-service';
import { CentralClient } from '../../src/main/sync/central-client';
import { SyncEngine } from '../../src/main/sync/sync-engine';
import { demoLogin, startTestCentral } from '../support/central';
import { localMigrationsDir } from '../support/temp-dir';
import { axeViolations, startAppUnderTest, type AppUnderTest } from './support/app-under-test';

/**
 * The app started on a full disk (a real one: a small tmpfs, which needs root as on the CI
 * machine): it opens for reading, every screen says so, the unsent note is there and goes out.
 */
const canMount = process.platform === 'linux' && userInfo().uid === 0;
const mountPoint = join(tmpdir(), `cjib-full-e2e-${process.pid}`);
const screenshotDir = '.test-results/screenshots';
const note = 'Loonstrook ontvangen, de schijf liep daarna vol';

describe.skipIf(!canMount)('a full disk at start', () => {
  let central: CentralServer;
  let app: AppUnderTest | undefined;
  let claimId = '';
  const filler = join(mountPoint, 'filler');

  beforeAll(async () => {
    central = await startTestCentral({ seed: { persons: 120, claims: 400 } });
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', mountPoint]);
    // Yesterday's cache: synced, and a note the worker made that did not go out.
    const db = new Database(join(mountPoint, 'cache.sqlite'));
    migrate(db, loadMigrations(localMigrationsDir));
    const client = new CentralClient({ baseUrl: central.url });
    const user = await signIn(db, client, demoLogin.username, demoLogin.password);
    await new SyncEngine(db, client, { pageSize: 500 }).syncOnce();
    claimId = db.raw.prepare('SELECT id FROM claims ORDER BY id LIMIT 1').pluck().get() as string;
    addCaseNote(db, user, { claimId, text: note });
    db.close();
    try {
      writeFileSync(filler, Buffer.alloc(64 * 1024 * 1024));
    } catch {
      // ENOSPC: the disk is full now
    }
    mkdirSync(screenshotDir, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    await central?.close();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('opens for reading, says so on every screen, shows the unsent note and sends it once', async () => {
    app = await startAppUnderTest({ central, cacheDir: mountPoint });
    const page = await app.openApp();
    const notice = page.getByRole('alert').filter({ hasText: 'De schijf van deze computer is vol' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Nieuwe wijzigingen kunnen niet worden opgeslagen');
    // It reached the central (the note below goes out): not "offline" because nothing can be written.
    await page.getByText('Online', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/schijf-vol.png` });

    await page.goto(`${new URL(page.url()).origin}/werkvoorraad/${claimId}`);
    await page.getByText(note).waitFor();
    await notice.waitFor();
    // A new note is refused in Dutch; the one from before stays.
    await page.getByLabel('Nieuwe notitie').fill('Past niet meer');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText(/deze wijziging is niet opgeslagen/).waitFor();
    await page.setViewportSize({ width: 683, height: 384 }); // 1366×768 at 200 %
    await page.screenshot({ path: `${screenshotDir}/schijf-vol-200.png` });

    const sent = async () =>
      (await central.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_notes WHERE text = $1`, [note]))[0]
        ?.n;
    await expect.poll(sent, { timeout: 30_000 }).toBe(1);
    const refused = await central.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_notes WHERE text = 'Past niet meer'`,
    );
    expect(refused[0]?.n).toBe(0);
    await page.close();
  });
});
