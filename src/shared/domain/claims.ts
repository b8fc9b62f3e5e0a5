/** Vorderingen: the claim kinds CJIB collects itself and the partner claims shown for context. */

export const cjibClaimKinds = ['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel'] as const;
export const partnerClaimKinds = ['cak', 'duo', 'uwv', 'rvo', 'nvwa'] as const;
export const claimKinds = [...cjibClaimKinds, ...partnerClaimKinds] as const;
export type ClaimKind = (typeof claimKinds)[number];

/** Where a claim is in its life; escalation rules (docs/regels.md, Escalation) move it forward. */
export const claimPhases = [
  'beschikking',
  'eerste_aanmaning',
  'tweede_aanmaning',
  'regeling',
  'verhaal',
  'deurwaarder',
  'dwangmiddel',
  'betaald',
  'gestopt',
] as const;
export type ClaimPhase = (typeof claimPhases)[number];

/** What can happen to a claim over its life (its timeline). */
export const claimEventKinds = [
  'beschikking',
  'eerste_aanmaning',
  'tweede_aanmaning',
  'betaling',
  'stap',
  'verhoging_kwijtgescholden',
] as const;
export type ClaimEventKind = (typeof claimEventKinds)[number];

export function isPartnerClaim(kind: ClaimKind): boolean {
  return (partnerClaimKinds as readonly string[]).includes(kind);
}

/** Whether an event lowers what is owed (a payment, a waived verhoging) rather than adding to it. */
export function lowersDebt(kind: ClaimEventKind): boolean {
  return kind === 'betaling' || kind === 'verhoging_kwijtgescholden';
}
