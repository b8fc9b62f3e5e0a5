import { randomUUID } from 'node:crypto';
import type { Command } from '../../shared/api/commands';
import type { Database } from '../db/connection';
import { OutboxRepository } from '../db/repositories/outbox-repository';
import { SyncStateRepository } from '../db/repositories/sync-state-repository';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * Puts a command in the outbox with a fresh id and the next seq. Call it inside the transaction
 * that makes the optimistic local change, so both commit or neither does.
 */
export function enqueueCommand<T extends Command['type']>(
  db: Database,
  type: T,
  baseVersion: number | null,
  payload: CommandOf<T>['payload'],
): void {
  const command = {
    type,
    commandId: randomUUID(),
    seq: new SyncStateRepository(db).takeSeq(),
    issuedAt: new Date().toISOString(),
    baseVersion,
    payload,
  } as CommandOf<T>;
  new OutboxRepository(db).add(command);
}
