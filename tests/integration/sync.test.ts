import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../src/central/central-server';
import { createBackend, type Backend } from '../../src/main/backend/backend';
import { Database } from '../../src/main/db/connection';
import { startTestCentral, demoLogin } from '../support/central';
import { localMigrationsDir, makeTempDir } from '../support/temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function central(options: Parameters<typeof startTestCentral>[0] = {}): Promise<CentralServer> {
  const server = await startTestCentral(options);
  cleanups.push(() => server.close().catch(() => undefined));
  return server;
}

function desktop(centralUrl: string, dbPath?: string): { backend: Backend; dbPath: string } {
  const temp = makeTempDir('cjib-sync-');
  const path = dbPath ?? join(temp.dir, 'cache.sqlite');
  const backend = createBackend({
    dbPath: path,
    migrationsDir: localMigrationsDir,
    appVersion: 'test',
    centralUrl,
    localUser: null,
    sync: { intervalMs: 3_600_000, pageSize: 100 },
  });
  cleanups.push(async () => {
    await backend.close();
    temp.cleanup();
  });
  return { backend, dbPath: path };
}

async function call<T>(backend: Backend, channel: string, request: unknown = {}): Promise<T> {
  const result = await backend.invoke(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function serverCount(server: CentralServer, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await server.db.query<{ n: number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

async function firstClaimId(backend: Backend): Promise<string> {
  const page = await call<{ rows: { id: string }[] }>(backend, 'werkvoorraad.list', { limit: 1 });
  const id = page.rows[0]?.id;
  if (!id) throw new Error('no claims synced');
  return id;
}

describe('sync against the real central API on loopback', () => {
  it('signs in, pulls exactly the team’s cases in pages, and reports it in the status', async () => {
    const server = await central();
    const { backend } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    const status = await call<{ connection: string; error: string | null; lastSyncAt: string | null }>(
      backend,
      'sync.now',
    );
    expect(status).toMatchObject({ connection: 'online', error: null });
    expect(status.lastSyncAt).not.toBeNull();
    const teamClaims = await serverCount(
      server,
      `SELECT count(*) AS n FROM claims WHERE team_id = 'team-inning-leeuwarden'`,
    );
    const local = await call<{ total: number }>(backend, 'werkvoorraad.list', {});
    expect(teamClaims).toBeGreaterThan(100); // more than one page of 100
    expect(local.total).toBe(teamClaims);
  });

  it('refuses a wrong password with a Dutch message and keeps the user signed out', async () => {
    const server = await central();
    const { backend } = desktop(server.url);
    const result = await backend.invoke('session.login', { ...demoLogin, password: 'fout' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: 'Gebruikersnaam of wachtwoord is onjuist.' },
    });
    expect(await call(backend, 'session.current')).toMatchObject({ user: null, centralConfigured: true });
    expect((await backend.invoke('werkvoorraad.list', {})).ok).toBe(false);
  });

  it('applies a note exactly once even when the same command is sent again', async () => {
    const server = await central();
    const { backend, dbPath } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    const claimId = await firstClaimId(backend);
    const note = await call<{ id: string; pending: boolean }>(backend, 'notes.add', {
      claimId,
      text: 'Debiteur gebeld',
    });
    expect(note.pending).toBe(true);
    await call(backend, 'sync.now');

    expect(await serverCount(server, 'SELECT count(*) AS n FROM case_notes WHERE id = $1', [note.id])).toBe(1);

    // Put the already-applied command back in the outbox, as if its acknowledgement was lost.
    const commands = await server.db.query<{ command_id: string; seq: number }>('SELECT command_id, seq FROM commands');
    expect(commands).toHaveLength(1);
    const db = new Database(dbPath);
    const review = db.raw.prepare('SELECT count(*) AS n FROM command_reviews').get() as { n: number };
    expect(review.n).toBe(0);
    const command = {
      type: 'AddCaseNote',
      commandId: commands[0]?.command_id,
      seq: Number(commands[0]?.seq),
      issuedAt: new Date().toISOString(),
      baseVersion: null,
      payload: { noteId: note.id, claimId, text: 'Debiteur gebeld' },
    };
    db.raw
      .prepare(`INSERT INTO outbox (seq, command_id, type, body, created_at) VALUES (?, ?, 'AddCaseNote', ?, ?)`)
      .run(command.seq, command.commandId, JSON.stringify(command), command.issuedAt);
    db.close();
    expect(await call(backend, 'sync.status')).toMatchObject({ pendingCommands: 1 });
    await call(backend, 'sync.now');

    expect(await serverCount(server, 'SELECT count(*) AS n FROM case_notes WHERE id = $1', [note.id])).toBe(1);
    expect(await serverCount(server, 'SELECT count(*) AS n FROM commands')).toBe(1);
    expect((await call<{ reviews: unknown[] }>(backend, 'reviews.list')).reviews).toEqual([]);
    const notes = await call<{ notes: { id: string; pending: boolean }[] }>(backend, 'notes.list', { claimId });
    expect(notes.notes).toEqual([expect.objectContaining({ id: note.id, pending: false })]);
    expect(await call(backend, 'sync.status')).toMatchObject({ pendingCommands: 0 });
  });

  it('keeps decisions made while the server is down and delivers them after it restarts', async () => {
    const temp = makeTempDir('cjib-central-');
    cleanups.push(temp.cleanup);
    let server = await startTestCentral({ dataDir: temp.dir, port: 0 });
    const port = Number(new URL(server.url).port);
    const { backend } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    const claimId = await firstClaimId(backend);
    await server.close();

    for (let i = 0; i < 5; i++) await call(backend, 'notes.add', { claimId, text: `Offline notitie ${i}` });
    const offline = await call<{ connection: string; pendingCommands: number; error: string }>(backend, 'sync.now');
    expect(offline).toMatchObject({ connection: 'offline', pendingCommands: 5 });
    expect(offline.error).toMatch(/Geen verbinding met de centrale API/);

    server = await startTestCentral({ dataDir: temp.dir, port });
    cleanups.push(() => server.close());
    const online = await call<{ connection: string; pendingCommands: number }>(backend, 'sync.now');
    expect(online).toMatchObject({ connection: 'online', pendingCommands: 0 });
    expect(await serverCount(server, `SELECT count(*) AS n FROM case_notes WHERE text LIKE 'Offline notitie %'`)).toBe(
      5,
    );
    const local = await call<{ notes: { pending: boolean }[] }>(backend, 'notes.list', { claimId });
    expect(local.notes).toHaveLength(5);
    expect(local.notes.every((n) => !n.pending)).toBe(true);
  });

  it('lets a worker whose session ran out keep deciding offline, and sends it all after they sign in again', async () => {
    const server = await central();
    const { backend } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    const claimId = await firstClaimId(backend);
    // The session ran out by time (the absolute lifetime, say) while the worker was at work.
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = 'u-sdevries'`);
    await server.db.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = 'u-sdevries'`,
    );
    await call(backend, 'notes.add', { claimId, text: 'Vóór het verlopen opgeslagen' });
    const lapsed = await call<{ connection: string; pendingCommands: number; error: string }>(backend, 'sync.now');
    expect(lapsed).toMatchObject({ connection: 'session_expired', pendingCommands: 1 });
    expect(lapsed.error).toMatch(/sessie is verlopen.*doorwerken/);
    // Still the same worker on the same cache: reading and deciding go on, nothing is sent.
    expect((await call<{ user: { id: string } | null }>(backend, 'session.current')).user?.id).toBe('u-sdevries');
    await call(backend, 'notes.add', { claimId, text: 'Na het verlopen opgeslagen' });
    expect(await call(backend, 'sync.now')).toMatchObject({ connection: 'session_expired', pendingCommands: 2 });
    expect(
      await serverCount(server, `SELECT count(*) AS n FROM case_notes WHERE text LIKE '%het verlopen opgeslagen'`),
    ).toBe(0);

    const wrong = await backend.invoke('session.unlock', { password: 'fout' });
    expect(wrong).toMatchObject({ ok: false });
    await call(backend, 'session.unlock', { password: demoLogin.password });
    expect(await call(backend, 'sync.now')).toMatchObject({ connection: 'online', pendingCommands: 0, error: null });
    expect(
      await serverCount(server, `SELECT count(*) AS n FROM case_notes WHERE text LIKE '%het verlopen opgeslagen'`),
    ).toBe(2);
  });

  it('signs the worker out when the session was ended (signed out elsewhere, stolen, or the user left), outbox kept', async () => {
    const server = await central();
    const { backend, dbPath } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    const claimId = await firstClaimId(backend);
    await call(backend, 'notes.add', { claimId, text: 'Bewaard voor de volgende aanmelding' });
    await server.db.query(`UPDATE sessions SET ended_at = now() WHERE user_id = 'u-sdevries'`);
    expect(await call(backend, 'sync.now')).toMatchObject({ connection: 'signed_out', pendingCommands: 1 });
    expect((await call<{ user: unknown }>(backend, 'session.current')).user).toBeNull();
    expect(await backend.invoke('notes.add', { claimId, text: 'Mag niet' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    const db = new Database(dbPath);
    expect((db.raw.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('moves a command the server rejects to the review list and undoes its optimistic note', async () => {
    const server = await central();
    const { backend, dbPath } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    // A claim of another team, planted in this cache: the server must refuse a note on it.
    const foreign = await server.db.query<{ id: string; person_id: string }>(
      `SELECT id, person_id FROM claims WHERE team_id = 'team-inning-zwolle' LIMIT 1`,
    );
    const db = new Database(dbPath);
    db.raw
      .prepare(
        `INSERT INTO claims (id, person_id, kind, phase, reference, original_cents, outstanding_cents, due_date, version)
         VALUES (?, ?, 'wahv', 'beschikking', 'X', 100, 100, '2026-01-01', 1)`,
      )
      .run(foreign[0]?.id, foreign[0]?.person_id);
    db.close();

    await call(backend, 'notes.add', { claimId: foreign[0]?.id, text: 'Mag niet' });
    const status = await call<{ pendingCommands: number }>(backend, 'sync.now');
    expect(status.pendingCommands).toBe(0);
    const reviews = await call<{ reviews: { outcome: string; reason: string; mine: { text: string } }[] }>(
      backend,
      'reviews.list',
    );
    expect(reviews.reviews).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        reason: 'Deze vordering bestaat niet of hoort niet bij uw team.',
        mine: expect.objectContaining({ text: 'Mag niet' }),
      }),
    ]);
    expect((await call<{ notes: unknown[] }>(backend, 'notes.list', { claimId: foreign[0]?.id })).notes).toEqual([]);
    expect(await serverCount(server, `SELECT count(*) AS n FROM case_notes WHERE text = 'Mag niet'`)).toBe(0);
  });

  it('rebuilds the cache from the server and keeps unsent decisions', async () => {
    const server = await central();
    const { backend } = desktop(server.url);
    await call(backend, 'session.login', demoLogin);
    await call(backend, 'sync.now');
    const before = await call<{ total: number }>(backend, 'werkvoorraad.list', {});
    const claimId = await firstClaimId(backend);
    // Saved locally, not yet sent: the rebuild must keep it and deliver it exactly once.
    await call(backend, 'notes.add', { claimId, text: 'Nog niet verzonden' });
    expect(await call(backend, 'sync.status')).toMatchObject({ pendingCommands: 1 });
    const status = await call(backend, 'sync.rebuild');
    expect(status).toMatchObject({ pendingCommands: 0, error: null });
    const after = await call<{ total: number }>(backend, 'werkvoorraad.list', {});
    expect(after.total).toBe(before.total);
    expect(await serverCount(server, `SELECT count(*) AS n FROM case_notes WHERE text = 'Nog niet verzonden'`)).toBe(1);
    const notes = await call<{ notes: { text: string; pending: boolean }[] }>(backend, 'notes.list', { claimId });
    expect(notes.notes).toEqual([expect.objectContaining({ text: 'Nog niet verzonden', pending: false })]);
  });

  it('reports an unexpected local failure in Dutch and logs its kind, without row data', async () => {
    const server = await central();
    const temp = makeTempDir('cjib-sync-');
    const dbPath = join(temp.dir, 'cache.sqlite');
    const errors: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (message: string, fields?: Record<string, unknown>) => errors.push({ message, fields }),
    };
    const backend = createBackend(
      {
        dbPath,
        migrationsDir: localMigrationsDir,
        appVersion: 'test',
        centralUrl: server.url,
        localUser: null,
        sync: { intervalMs: 3_600_000, pageSize: 100 },
      },
      logger,
    );
    cleanups.push(async () => {
      await backend.close();
      temp.cleanup();
    });
    // A cache that cannot take what the server sends (as one made with an older schema could not).
    const cache = new Database(dbPath);
    cache.raw.exec(
      `CREATE TRIGGER broken BEFORE INSERT ON team_members BEGIN SELECT RAISE(ABORT, 'kolom ontbreekt'); END`,
    );
    cache.close();
    await call(backend, 'session.login', demoLogin);
    const status = await call<{ error: string | null }>(backend, 'sync.now');
    expect(status.error).toBe('Synchroniseren mislukte door een interne fout; er wordt later opnieuw geprobeerd.');
    expect(errors).toContainEqual({
      message: 'sync failed',
      fields: { error: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER', detail: 'kolom ontbreekt' },
    });
  });
});
