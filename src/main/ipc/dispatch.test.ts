import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { dispatch, type HandlerTable } from './dispatch';

// Channels these tests do not call get a handler that fails loudly if one is reached.
const failing = Object.fromEntries(
  channels.map((c) => [
    c,
    () => {
      throw new Error(`unexpected call to ${c}`);
    },
  ]),
) as unknown as HandlerTable;

function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  return {
    ...failing,
    'app.info': () => ({ appVersion: '1.0.0', schemaVersion: 10, cacheRecovery: null, storageFull: false }),
    'session.current': () => ({ user: null, centralConfigured: false, locked: false }),
    'sync.status': () => ({ connection: 'offline', pendingCommands: 0, lastSyncAt: null, progress: null, error: null }),
    'werkvoorraad.list': () => ({ rows: [], total: 0 }),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a payload that fails its schema with invalid_request, in Dutch, without calling the handler', async () => {
    const handler = vi.fn(() => ({ rows: [], total: 0 }));
    const result = await dispatch(table({ 'werkvoorraad.list': handler }), 'werkvoorraad.list', {
      limit: 'veel',
      offset: -1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_request');
    expect(result.error.message).toMatch(/^De aanvraag is ongeldig/);
    expect(result.error.issues).toMatchObject({ limit: expect.any(String), offset: 'Begin kan niet negatief zijn.' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const result = await dispatch(table(), 'werkvoorraad.list', { limit: 10, sql: 'DROP TABLE claims' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses channels outside the contract, including prototype names', async () => {
    for (const channel of ['db.exec', '__proto__', 'constructor', 42, null]) {
      const result = await dispatch(table(), channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('passes validated requests with defaults filled in', async () => {
    const handler = vi.fn(() => ({ rows: [], total: 0 }));
    await dispatch(table({ 'werkvoorraad.list': handler }), 'werkvoorraad.list', {});
    expect(handler).toHaveBeenCalledWith({ sort: 'dueDate', direction: 'asc', offset: 0, limit: 50 });
  });

  it('strips fields the response schema does not name, so nothing extra leaves the backend', async () => {
    const leaky = () =>
      ({ user: null, centralConfigured: false, locked: false, victimAddress: 'Geheimstraat 1' }) as never;
    const result = await dispatch(table({ 'session.current': leaky }), 'session.current', {});
    expect(result).toEqual({ ok: true, value: { user: null, centralConfigured: false, locked: false } });
  });

  it('turns AppError into its code and hides other errors behind a generic Dutch message', async () => {
    const notFound = await dispatch(
      table({
        'app.info': () => {
          throw new AppError('not_found', 'Zaak niet gevonden.');
        },
      }),
      'app.info',
      {},
    );
    expect(notFound).toEqual({ ok: false, error: { code: 'not_found', message: 'Zaak niet gevonden.' } });

    const logger = { error: vi.fn() };
    const crash = await dispatch(
      table({
        'app.info': () => {
          throw new Error('SQLITE_CORRUPT at Jansen, 999999990');
        },
      }),
      'app.info',
      {},
      logger,
    );
    expect(crash).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(crash)).not.toContain('Jansen');
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('Jansen');
  });
});
