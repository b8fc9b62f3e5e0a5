import { randomUUID } from 'node:crypto';
import type { CentralServer } from '../../src/central/central-server';
import { demoPassword } from '../../src/central/demo/demo-users';

/** A demo user's access token, signed in over HTTP as a desktop does. */
export async function apiToken(server: CentralServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Commands sent straight to the API, as a desktop (or an attacker) would, from a new client; each
 * gets its own id and the next sequence number. `baseVersion` null unless a command gives one.
 */
export async function pushCommands(
  server: CentralServer,
  bearer: string,
  commands: Record<string, unknown>[],
): Promise<{ status: string; reason: string | null }[]> {
  const response = await fetch(`${server.url}/api/v1/sync/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({
      clientId: randomUUID(),
      commands: commands.map((command, i) => ({
        commandId: randomUUID(),
        seq: i + 1,
        issuedAt: new Date().toISOString(),
        baseVersion: null,
        ...command,
      })),
    }),
  });
  return ((await response.json()) as { outcomes: { status: string; reason: string | null }[] }).outcomes;
}
