import { randomUUID } from 'node:crypto';
import type { VictimCompensationWire, VoorschotPaymentWire } from '../../shared/api/entities';
import { voorschot, type VoorschotResult } from '../../shared/domain/slachtoffer';
import type { SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { Database } from '../db/connection';
import { CompensationRepository } from '../db/repositories/compensation-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { enqueueCommand } from './command-outbox';
import { requirePermission } from './require-permission';

/** The voorschot on a victim's maatregel today, from the cached figures (the server decides again). */
export function voorschotFor(
  compensation: VictimCompensationWire,
  victim: { offenceCategory: string; isNaturalPerson: boolean },
  today: string,
): VoorschotResult {
  return voorschot({
    judgmentFinalDate: compensation.judgmentFinalOn,
    orderedCents: compensation.orderedCents,
    receivedFromOffenderCents: compensation.collectedCents,
    schadefondsCents: compensation.schadefondsCents,
    offenceCategory: victim.offenceCategory,
    victimIsNaturalPerson: victim.isNaturalPerson,
    today,
  });
}

/** Proposes the voorschot as a payment for a team lead's approval; it syncs as a command. */
export function proposeVoorschot(
  db: Database,
  user: SessionUser,
  compensationId: string,
  today: string,
): VoorschotPaymentWire & { pending: boolean } {
  requirePermission(user, 'proposeVoorschot');
  return db.transaction(() => {
    const repo = new CompensationRepository(db);
    const compensation = repo.compensation(compensationId);
    const victim = compensation ? new VictimsRepository(db).victim(compensation.victimId) : undefined;
    if (!compensation || !victim) throw new AppError('not_found', 'Deze maatregel staat niet in uw werkvoorraad.');
    if (repo.paymentsForVictim(victim.id).some((p) => p.status !== 'afgewezen')) {
      throw new AppError('conflict', 'Er is al een voorschot voorgesteld of betaald op deze maatregel.');
    }
    const result = voorschotFor(compensation, victim, today);
    if (!result.eligible) {
      throw new AppError('invalid_request', result.trace.at(-1)?.text ?? 'Er is (nog) geen voorschot mogelijk.');
    }
    const payment: VoorschotPaymentWire = {
      id: randomUUID(),
      compensationId,
      victimId: victim.id,
      amountCents: result.advanceCents,
      status: 'ter_goedkeuring',
      proposedBy: user.displayName,
      proposedById: user.id,
      proposedAt: new Date().toISOString(),
      approvedBy: null,
      approvalNote: null,
      trace: result.trace,
      version: 0,
    };
    enqueueCommand(db, 'ProposeVoorschot', compensation.version, {
      paymentId: payment.id,
      compensationId,
      expectedAmountCents: payment.amountCents,
    });
    repo.savePaymentPending(payment);
    return { ...payment, pending: true };
  });
}

/** The team lead's list of voorschotten waiting for approval, with the victim's name only. */
export function voorschotApprovals(db: Database, user: SessionUser) {
  requirePermission(user, 'approveVoorschot');
  const victims = new VictimsRepository(db);
  const compensation = new CompensationRepository(db);
  return compensation.paymentsWithStatus('ter_goedkeuring').map((payment) => ({
    ...payment,
    victimName: victims.victim(payment.victimId)?.displayName ?? '',
    claimReference: compensation.compensation(payment.compensationId)?.claimReference ?? '',
  }));
}

export function decideVoorschot(
  db: Database,
  user: SessionUser,
  request: { paymentId: string; approve: boolean; note: string },
): void {
  requirePermission(user, 'approveVoorschot');
  db.transaction(() => {
    const repo = new CompensationRepository(db);
    const payment = repo.payment(request.paymentId);
    if (!payment) throw new AppError('not_found', 'Dit voorstel staat niet (meer) in de lijst.');
    if (payment.proposedById === user.id) {
      throw new AppError('forbidden', 'Vier ogen: u kunt uw eigen voorstel niet goedkeuren.');
    }
    if (payment.status !== 'ter_goedkeuring') throw new AppError('conflict', 'Over dit voorstel is al beslist.');
    enqueueCommand(db, 'DecideVoorschot', payment.version, request);
    repo.savePaymentPending({
      ...payment,
      status: request.approve ? 'goedgekeurd' : 'afgewezen',
      approvedBy: user.displayName,
      approvalNote: request.note || null,
    });
  });
}
