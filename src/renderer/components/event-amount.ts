import type { ClaimEventWire } from '../../shared/api/entities';
import { lowersDebt } from '../../shared/domain/claims';
import { formatCents } from '../../shared/format';

/** An event's amount with its effect on what is owed: − for a payment or a waived verhoging, + otherwise. */
export function signedEventAmount(event: Pick<ClaimEventWire, 'kind' | 'amountCents'>): string {
  return `${lowersDebt(event.kind) ? '−' : '+'}${formatCents(event.amountCents)}`;
}
