import { afterEach, describe, expect, it } from 'vitest';
import { localMigrationsDir } from '../../../tests/support/temp-dir';
import { can, refusalOf, type PermissionName } from '../../shared/domain/permissions';
import { roles, type Role } from '../../shared/domain/roles';
import { createBackend, type Backend } from './backend';
import { channelAccess } from './channel-access';

let backend: Backend | undefined;
afterEach(async () => backend?.close());

const open = (role: Role | null) =>
  (backend = createBackend({
    dbPath: ':memory:',
    migrationsDir: localMigrationsDir,
    appVersion: 'test',
    localUser: role ? { id: 'u-test', displayName: 'Test', role, teamName: 'Team Test' } : null,
  }));

const entries = Object.entries(channelAccess);

describe('the door of every channel', () => {
  it('refuses every channel but the open ones to nobody signed in', async () => {
    const b = open(null);
    for (const [channel, access] of entries) {
      const result = await b.invoke(channel, {});
      if (access === 'anyone') expect(result, channel).not.toMatchObject({ error: { code: 'unauthorized' } });
      else expect(result, channel).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it.each(roles)('refuses a %s each channel of a permission that role lacks, with its sentence', async (role) => {
    const b = open(role);
    const closed = entries.filter(
      (entry): entry is [string, PermissionName] =>
        entry[1] !== 'anyone' && entry[1] !== 'signedIn' && !can({ role }, entry[1] as PermissionName),
    );
    expect(closed.length).toBeGreaterThan(0);
    for (const [channel, permission] of closed) {
      expect(await b.invoke(channel, {}), channel).toEqual({
        ok: false,
        error: { code: 'forbidden', message: refusalOf(permission) },
      });
    }
    // A channel the role may use passes the door (and then meets the contract's own checks).
    const opened = entries.find(
      ([, access]) => access !== 'anyone' && (access === 'signedIn' || can({ role }, access)),
    );
    expect(await b.invoke(opened?.[0], {})).not.toMatchObject({ error: { code: 'forbidden' } });
  });
});
