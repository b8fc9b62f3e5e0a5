import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { demoPassword } from './demo/demo-users';

/** `npm run central` puts demo users into a store only when asked: never into a real, empty one. */
async function signInOnCli(args: string[]): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--memory', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('CENTRAL_API_LISTENING ')) resolve(line.slice('CENTRAL_API_LISTENING '.length));
      });
      child.once('exit', (code) => reject(new Error(`central stopped (${code})`)));
    });
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sdevries', password: demoPassword }),
    });
    return response.status;
  } finally {
    child.kill('SIGTERM');
  }
}

describe('the central API command line', () => {
  it('seeds no demo users without --demo, and does with it', async () => {
    expect(await signInOnCli([])).toBe(401);
    expect(await signInOnCli(['--demo', '--persons', '20', '--claims', '40'])).toBe(200);
  }, 60_000);
});
