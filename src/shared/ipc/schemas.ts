import { z } from 'zod';
import { claimKinds, claimPhases } from '../domain/claims';
import { roles } from '../domain/roles';
import { text } from '../validation/text';

/** Reusable field schemas with Dutch messages, shared by the contract and the forms. */

export const isoDate = z.iso.date({ message: 'Vul een geldige datum in (dd-mm-jjjj).' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Ongeldig tijdstip.' });
export const id = text().min(1, 'Id ontbreekt.').max(64, 'Id is te lang.');
export const cents = z.number().int('Bedrag moet in hele centen zijn.').safe();
export const claimKind = z.enum(claimKinds, { message: 'Onbekende soort vordering.' });
export const claimPhase = z.enum(claimPhases, { message: 'Onbekende fase.' });
export const role = z.enum(roles);

export const emptyRequest = z.object({}).strict();
/** One step of a rule trace (src/shared/domain/trace.ts). */
export const traceStep = z.object({
  rule: text(),
  text: text(),
  unconfirmed: z.boolean().optional(),
  source: z.object({ label: text(), url: z.url().optional() }).optional(),
});
