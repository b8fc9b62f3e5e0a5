import { addDays } from '../domain/calendar';
import { isPartnerClaim, type ClaimEventKind, type ClaimKind, type ClaimPhase } from '../domain/claims';
import { verhogingen } from '../domain/escalatie';
import type { Cents } from '../domain/money';

export interface ClaimHistoryEvent {
  kind: ClaimEventKind;
  occurredOn: string;
  /** The verhoging an aanmaning added, the amount paid, or 0. */
  amountCents: Cents;
  description: string;
}

const reached: Record<ClaimPhase, number> = {
  beschikking: 0,
  eerste_aanmaning: 1,
  tweede_aanmaning: 2,
  regeling: 2,
  verhaal: 2,
  deurwaarder: 2,
  dwangmiddel: 2,
  betaald: 2,
  gestopt: 1,
};

/**
 * A plausible past for a demo claim in a given phase: the beschikking, the aanmaningen it went
 * through with their verhogingen (by the domain rules), and payments; plus what it owes now.
 */
export function demoClaimHistory(claim: {
  kind: ClaimKind;
  phase: ClaimPhase;
  originalCents: Cents;
  dueDate: string;
  paidFraction: number;
}): { events: ClaimHistoryEvent[]; outstandingCents: Cents } {
  const events: ClaimHistoryEvent[] = [
    {
      kind: 'beschikking',
      occurredOn: addDays(claim.dueDate, -56),
      amountCents: claim.originalCents,
      description: 'Beschikking of vonnis',
    },
  ];
  let owed = claim.originalCents;
  if (!isPartnerClaim(claim.kind)) {
    const increases = verhogingen(claim.kind, claim.originalCents, claim.dueDate);
    if (reached[claim.phase] >= 1) {
      events.push({
        kind: 'eerste_aanmaning',
        occurredOn: addDays(claim.dueDate, 14),
        amountCents: increases.firstCents,
        description: 'Eerste aanmaning met verhoging',
      });
      owed += increases.firstCents;
    }
    if (reached[claim.phase] >= 2) {
      events.push({
        kind: 'tweede_aanmaning',
        occurredOn: addDays(claim.dueDate, 42),
        amountCents: increases.secondCents,
        description: 'Tweede aanmaning met verhoging',
      });
      owed += increases.secondCents;
    }
  }
  if (claim.phase === 'betaald') {
    events.push({
      kind: 'betaling',
      occurredOn: addDays(claim.dueDate, 60),
      amountCents: owed,
      description: 'Volledig betaald',
    });
    return { events, outstandingCents: 0 };
  }
  if (claim.phase === 'regeling') {
    const paid = Math.max(1, Math.min(owed - 1, Math.round(owed * claim.paidFraction)));
    events.push({
      kind: 'betaling',
      occurredOn: addDays(claim.dueDate, 70),
      amountCents: paid,
      description: 'Termijnbetalingen',
    });
    owed -= paid;
  }
  return { events, outstandingCents: owed };
}
