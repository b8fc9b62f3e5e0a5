import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { SeededRandom } from '../../src/shared/demo/random';

/**
 * A loopback HTTP proxy in front of the central API that misbehaves on a seeded random schedule:
 * it drops requests, drops responses after the server acted, duplicates requests (now, or later so
 * they arrive out of order, or twice at the same moment), answers 5xx, stalls past the client's
 * timeout, or truncates bodies. Given several targets (API nodes on one database), it sends each
 * request — and each copy of a duplicated one — to one of them at random, as a load balancer might.
 */

export type Fault =
  | 'pass'
  | 'drop_request'
  | 'drop_response'
  | 'duplicate'
  | 'late_duplicate'
  | 'parallel_duplicate'
  | 'error_5xx'
  | 'stall'
  | 'truncate';

/** An answer on its way back to the client, as the proxy holds it. */
export interface ProxiedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** Turn faults on (with these weights) or off (`null`). */
  setFaults(weights: Partial<Record<Fault, number>> | null): void;
  /** Rewrite answers that pass (a hostile or broken server), or stop doing so (`null`). */
  setTamper(tamper: ((path: string, answer: ProxiedAnswer) => ProxiedAnswer) | null): void;
  /** Send to these targets from now on (say, after one node was stopped). */
  setTargets(targets: readonly string[]): void;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

export async function startFaultProxy(
  target: string | readonly string[],
  seed: number,
  stallMs = 1500,
): Promise<FaultProxy> {
  const random = new SeededRandom(seed);
  let targetUrls = (typeof target === 'string' ? [target] : target).map((t) => new URL(t));
  let table: (readonly [Fault, number])[] | null = null;
  let tamper: ((path: string, answer: ProxiedAnswer) => ProxiedAnswer) | null = null;
  const counts: Record<Fault, number> = {
    pass: 0,
    drop_request: 0,
    drop_response: 0,
    duplicate: 0,
    late_duplicate: 0,
    parallel_duplicate: 0,
    error_5xx: 0,
    stall: 0,
    truncate: 0,
  };
  const pendingTimers = new Set<NodeJS.Timeout>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<ProxiedAnswer> =>
    new Promise((resolve, reject) => {
      const targetUrl = targetUrls.length === 1 ? targetUrls[0] : random.pick(targetUrls);
      if (!targetUrl) return reject(new Error('no target'));
      const upstream = httpRequest(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: targetUrl.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (typeof v === 'string' && k !== 'content-length') headers[k] = v;
            resolve({ status: res.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
          });
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const reply = (res: ServerResponse, answer: ProxiedAnswer) => {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault = table ? random.weighted(table) : 'pass';
      counts[fault]++;
      const run = async () => {
        switch (fault) {
          case 'drop_request':
            return res.socket?.destroy();
          case 'error_5xx':
            res.writeHead(503, { 'content-type': 'application/json' });
            return res.end('{"error":{"code":"unavailable","message":"Tijdelijk niet beschikbaar"}}');
          case 'stall':
            await new Promise((r) => setTimeout(r, stallMs));
            return res.socket?.destroy();
          case 'drop_response':
            await forward(req, body);
            return res.socket?.destroy();
          case 'truncate': {
            const answer = await forward(req, body);
            res.writeHead(answer.status, answer.headers);
            return res.end(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
          }
          case 'duplicate':
            await forward(req, body);
            return reply(res, await forward(req, body));
          case 'parallel_duplicate': {
            const [first] = await Promise.all([forward(req, body), forward(req, body)]);
            return reply(res, first);
          }
          case 'late_duplicate': {
            const timer = setTimeout(
              () => {
                pendingTimers.delete(timer);
                forward(req, body).catch(() => undefined);
              },
              random.int(50, 400),
            );
            pendingTimers.add(timer);
            return reply(res, await forward(req, body));
          }
          case 'pass': {
            const answer = await forward(req, body);
            return reply(res, tamper ? tamper(req.url ?? '', answer) : answer);
          }
        }
      };
      run().catch(() => res.socket?.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    setFaults(weights) {
      table = weights ? (Object.entries(weights) as [Fault, number][]) : null;
    },
    setTamper(next) {
      tamper = next;
    },
    setTargets(next) {
      targetUrls = next.map((t) => new URL(t));
    },
    counts,
    close: () =>
      new Promise((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
