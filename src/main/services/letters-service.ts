import type { VictimContact } from '../../shared/api/victims';
import { aanmaningDueDate } from '../../shared/domain/escalatie';
import { detentionEventLabels, needsNotificationTask } from '../../shared/domain/slachtoffer';
import { formatCents, formatDate } from '../../shared/format';
import type { SessionUser } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { debtorTemplates, victimTemplates } from '../../shared/letters/templates';
import type { Database } from '../db/connection';
import { ClaimEventsRepository } from '../db/repositories/claim-events-repository';
import { ClaimsRepository } from '../db/repositories/claims-repository';
import { PersonsRepository } from '../db/repositories/persons-repository';
import { VictimsRepository } from '../db/repositories/victims-repository';
import { postalAddressLines } from '../letters/letter-head';
import { renderTemplateLetter } from '../letters/template-letter';
import { requirePermission } from './require-permission';

const claimKindNames: Record<string, string> = {
  wahv: 'verkeersboete (Wahv-beschikking)',
  strafbeschikking: 'strafbeschikking',
  geldboetevonnis: 'geldboete',
  schadevergoedingsmaatregel: 'schadevergoedingsmaatregel',
};

export interface LetterFile {
  fileName: string;
  pdfBase64: string;
  /** The letter's text without the address block, e.g. to record what the victim was told. */
  text: string;
}

/**
 * Mail to a victim goes to the domicilie address when there is one, otherwise to the home address.
 * The address is read from the central API for this letter only (audited with the reason) and is
 * never stored: it exists in this PDF, which goes to the worker who asked for it.
 */
export function victimAddressLines(name: string, contact: VictimContact): string[] {
  return [name, ...contact.mailTo.split(',').map((part) => part.trim())];
}

export async function victimLetter(
  db: Database,
  user: SessionUser,
  readContact: (victimId: string, reason: string) => Promise<VictimContact>,
  request: { victimId: string; eventId: string },
  today: string,
): Promise<LetterFile> {
  requirePermission(user, 'workWithVictims');
  const repo = new VictimsRepository(db);
  const victim = repo.victim(request.victimId);
  const event = repo.event(request.eventId);
  if (!victim || !event || event.offenderPersonId !== victim.offenderPersonId) {
    throw new AppError('not_found', 'Dit slachtoffer of deze gebeurtenis staat niet in uw werkvoorraad.');
  }
  if (!needsNotificationTask(victim))
    throw new AppError('invalid_request', 'Dit slachtoffer wil niet geïnformeerd worden.');
  const label = detentionEventLabels[event.kind];
  const template =
    event.kind === 'ontvluchting'
      ? victimTemplates.ontvluchting
      : event.kind === 'invrijheidstelling' || event.kind === 'vi_beslissing'
        ? victimTemplates.invrijheidstelling
        : victimTemplates.verlof;
  const contact = await readContact(victim.id, `Brief aan slachtoffer: ${label.toLowerCase()}`);
  const reference = victim.id.slice(0, 8).toUpperCase();
  const { pdf, paragraphs } = await renderTemplateLetter({
    template,
    values: {
      naam: victim.displayName,
      gebeurtenis: label.toLowerCase(),
      datum: formatDate(event.eventDate),
      kenmerk: reference,
    },
    addressLines: victimAddressLines(
      victim.representative ? `t.a.v. ${victim.representative}` : victim.displayName,
      contact,
    ),
    reference,
    today,
  });
  return {
    fileName: `brief-slachtoffer-${reference}-${event.eventDate}.pdf`,
    pdfBase64: Buffer.from(pdf).toString('base64'),
    text: paragraphs.join('\n\n'),
  };
}

/** The aanmaning as it was sent: from the template, with the amounts of the claim's own history. */
export async function aanmaningLetter(db: Database, eventId: string): Promise<LetterFile> {
  const event = new ClaimEventsRepository(db).get(eventId);
  if (!event || (event.kind !== 'eerste_aanmaning' && event.kind !== 'tweede_aanmaning')) {
    throw new AppError('not_found', 'Deze aanmaning staat niet in uw werkvoorraad.');
  }
  const claim = new ClaimsRepository(db).get(event.claimId);
  const person = claim ? new PersonsRepository(db).get(claim.personId) : undefined;
  if (!claim || !person)
    throw new AppError('not_found', 'De vordering bij deze aanmaning staat niet in uw werkvoorraad.');
  // What was owed when this aanmaning went out: the fine, the verhogingen so far, minus payments so far.
  const history = new ClaimEventsRepository(db)
    .forClaim(claim.id)
    .filter((e) => e.occurredOn < event.occurredOn || e.id === event.id);
  const owed =
    claim.originalCents +
    history.filter((e) => e.kind.endsWith('aanmaning')).reduce((sum, e) => sum + e.amountCents, 0) -
    history.filter((e) => e.kind === 'betaling').reduce((sum, e) => sum + e.amountCents, 0);
  const { pdf, paragraphs } = await renderTemplateLetter({
    template: debtorTemplates[event.kind],
    values: {
      naam: person.displayName,
      kenmerk: claim.reference,
      soort: claimKindNames[claim.kind] ?? claim.kind,
      oorspronkelijk: formatCents(claim.originalCents),
      verhoging: formatCents(event.amountCents),
      openstaand: formatCents(Math.max(0, owed)),
      betalenVoor: formatDate(aanmaningDueDate(event.occurredOn)),
    },
    addressLines: postalAddressLines(person),
    reference: claim.reference,
    today: event.occurredOn,
  });
  return {
    fileName: `${event.kind.replace('_', '-')}-${claim.reference}.pdf`,
    pdfBase64: Buffer.from(pdf).toString('base64'),
    text: paragraphs.join('\n\n'),
  };
}
