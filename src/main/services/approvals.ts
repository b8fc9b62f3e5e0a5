import type { Database } from '../db/connection';
import { ArrangementsRepository } from '../db/repositories/arrangements-repository';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { EscalationsRepository } from '../db/repositories/escalations-repository';

/** Decisions waiting for a team lead (four eyes): arrangements, escalation steps and voorschotten. */
export function countAwaitingApproval(db: Database): number {
  return (
    new ArrangementsRepository(db).countWithStatus('ter_goedkeuring') +
    new EscalationsRepository(db).countWithStatus('ter_goedkeuring') +
    new CompensationRepository(db).countPaymentsWithStatus('ter_goedkeuring')
  );
}
