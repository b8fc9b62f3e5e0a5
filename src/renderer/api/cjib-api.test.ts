import { describe, expect, it } from 'vitest';
import type { CjibApi } from '../../shared/ipc/client';
import { cjibBaseQuery } from './cjib-api';

describe('what reaches a screen', () => {
  it('has lost bidi overrides and terminal escapes, in data and in errors', async () => {
    const answers = [
      { ok: true, value: { rows: [{ personName: 'Jan \u202eekej\u202c', note: '\u001b[2Jweg' }] } },
      { ok: false, error: { code: 'invalid_request', message: 'Notitie \u2067X\u2069 te lang' } },
    ];
    const cjib = { invoke: async () => answers.shift() } as unknown as CjibApi;
    const api = { extra: { cjib } } as never;
    const args = { channel: 'werkvoorraad.page', request: {} } as never;
    expect(await cjibBaseQuery(args, api, {})).toEqual({
      data: { rows: [{ personName: 'Jan ekej', note: 'weg' }] },
    });
    expect(await cjibBaseQuery(args, api, {})).toEqual({
      error: { code: 'invalid_request', message: 'Notitie X te lang' },
    });
  });
});
