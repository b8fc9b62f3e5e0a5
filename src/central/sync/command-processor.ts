import { command as commandSchema, type Command } from '../../shared/api/commands';
import type { CommandOutcome, PushEnvelope, PushResponse } from '../../shared/api/wire';
import { firstIssue, zodIssues } from '../../shared/validation/zod-issues';
import type { Principal } from '../auth/access-token';
import { audit } from '../audit';
import type { Queryable, SqlClient } from '../db/sql-client';
import { applyCommand, type CommandResult } from './command-handlers';
import { isTransientDatabaseError } from '../db/database-errors';
import { storeRecordedPayloads } from './change-feed';
import { retryOnClash } from '../db/retry-on-clash';

export class ClientOwnershipError extends Error {
  constructor() {
    super('Deze client hoort bij een andere gebruiker.');
    this.name = 'ClientOwnershipError';
  }
}

/** Test hook: the fault-injection checker proves it notices when deduplication is off. */
export interface ProcessorOptions {
  deduplicate?: boolean;
}

type Incoming = PushEnvelope['commands'][number];

/**
 * Applies a client's commands exactly once, each in its own transaction (one bad command never
 * blocks the rest): a known commandId returns its stored outcome; a seq beyond last+1 is a gap
 * the client must fill first; otherwise the command's rules run and its outcome, its effect and
 * the client's last seq commit together.
 *
 * A command that fails its schema, or fails inside the server for a reason that would fail again
 * (bad data, a bug in a handler), is recorded as `rejected` with a Dutch reason, so the commands
 * behind it still go through. A failure that may pass (the database unreachable, a serialization
 * conflict) ends the batch: the outcomes so far are answered, the rest stay in the client's outbox.
 */
export async function processCommands(
  db: SqlClient,
  principal: Principal,
  clientId: string,
  commands: readonly Incoming[],
  options: ProcessorOptions = {},
): Promise<PushResponse> {
  const deduplicate = options.deduplicate ?? true;
  await registerClient(db, principal, clientId);
  const outcomes: CommandOutcome[] = [];
  for (const incoming of [...commands].sort((a, b) => a.seq - b.seq)) {
    const parsed = commandSchema.safeParse(incoming);
    const run = (apply: Apply) =>
      retryOnClash(() =>
        db.transaction((tx) => processOne(tx, principal, clientId, incoming, apply, deduplicate), {
          isolation: 'serializable',
        }),
      );
    try {
      outcomes.push(
        await run(
          parsed.success
            ? (tx) => applyCommand(tx, principal, parsed.data)
            : () => refused(`De opdracht is ongeldig: ${firstIssue(zodIssues(parsed.error))}`),
        ),
      );
    } catch (error) {
      if (isTransientDatabaseError(error)) {
        if (outcomes.length === 0) throw error;
        break;
      }
      outcomes.push(await run(() => refused(failedInsideServer, error)));
    }
  }
  const last = await db.query<{ last_seq: number }>(
    'SELECT last_seq::bigint AS last_seq FROM clients WHERE client_id = $1',
    [clientId],
  );
  return { outcomes, lastProcessedSeq: Number(last[0]?.last_seq ?? 0) };
}

const failedInsideServer =
  'De centrale API kon deze opdracht niet verwerken en heeft haar niet toegepast. Controleer de invoer en leg het besluit zo nodig opnieuw vast.';

type Apply = (tx: Queryable) => Promise<CommandResult>;

async function refused(reason: string, cause?: unknown): Promise<CommandResult> {
  return { status: 'rejected', reason, ...(cause === undefined ? {} : { failure: failureKind(cause) }) };
}

/** What is kept of an internal failure: its kind and SQLSTATE, never its message (it may hold data). */
function failureKind(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.name : typeof error;
  return typeof code === 'string' ? `${name}:${code}` : name;
}

async function registerClient(db: SqlClient, principal: Principal, clientId: string): Promise<void> {
  await db.query('INSERT INTO clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [
    clientId,
    principal.sub,
  ]);
  const owner = await db.query<{ user_id: string }>('SELECT user_id FROM clients WHERE client_id = $1', [clientId]);
  if (owner[0]?.user_id !== principal.sub) throw new ClientOwnershipError();
}

async function processOne(
  tx: Queryable,
  principal: Principal,
  clientId: string,
  command: Incoming,
  apply: Apply,
  deduplicate: boolean,
): Promise<CommandOutcome> {
  // The client's row first: its commands run one at a time, on any API node.
  const client = await tx.query<{ last_seq: number }>(
    'SELECT last_seq::bigint AS last_seq FROM clients WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  if (deduplicate) {
    const stored = await tx.query<{
      seq: number;
      status: CommandOutcome['status'];
      reason: string | null;
      client_id: string;
    }>('SELECT seq::bigint AS seq, status, reason, client_id FROM commands WHERE command_id = $1', [command.commandId]);
    const previous = stored[0];
    if (previous) {
      if (previous.client_id !== clientId) {
        return outcome(command, 'rejected', 'Deze opdracht is al door een andere client verstuurd.');
      }
      return {
        commandId: command.commandId,
        seq: Number(previous.seq),
        status: previous.status,
        reason: previous.reason,
      };
    }
  }
  const lastSeq = Number(client[0]?.last_seq ?? 0);
  if (deduplicate && command.seq <= lastSeq) {
    return outcome(command, 'rejected', `Volgnummer ${command.seq} is al gebruikt door een andere opdracht.`);
  }
  if (command.seq > lastSeq + 1) {
    return outcome(command, 'gap', `Opdracht ${lastSeq + 1} ontbreekt nog; stuur eerst die.`);
  }

  const result = await apply(tx);
  await storeRecordedPayloads(tx);
  await tx.query(
    `INSERT INTO commands (client_id, seq, command_id, type, user_id, status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING`,
    [clientId, command.seq, command.commandId, command.type, principal.sub, result.status, result.reason],
  );
  await tx.query('UPDATE clients SET last_seq = GREATEST(last_seq, $2) WHERE client_id = $1', [clientId, command.seq]);
  await audit(tx, {
    actorId: principal.sub,
    action: result.status === 'applied' ? 'create' : 'update',
    entity: 'command',
    entityId: command.commandId,
    detail: { type: command.type, status: result.status, ...(result.failure ? { failure: result.failure } : {}) },
  });
  return outcome(command, result.status, result.reason);
}

function outcome(
  command: Pick<Command, 'commandId' | 'seq'>,
  status: CommandOutcome['status'],
  reason: string | null,
): CommandOutcome {
  return { commandId: command.commandId, seq: command.seq, status, reason };
}
