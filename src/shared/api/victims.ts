import { z } from 'zod';
import { text } from '../validation/text';

/** The one way to victim contact data: one victim at a time, with a reason that is audited. */
export const victimContactQuery = z
  .object({ reason: text().trim().min(5, 'Geef een reden om de contactgegevens in te zien.').max(500) })
  .strict();

export const victimContact = z.object({
  victimId: text(),
  street: text(),
  houseNumber: text(),
  postalCode: text(),
  city: text(),
  phone: text().nullable(),
  email: text().nullable(),
  domicilieAddress: text().nullable(),
  /** Where letters go: the domicilie address when there is one, so the home address stays hidden. */
  mailTo: text(),
});
export type VictimContact = z.infer<typeof victimContact>;

/** A victim's preferences: whether they want information, how, and through whom. */
export const victimPreferencesFields = z.object({
  victimId: text().min(1),
  optedIn: z.boolean(),
  wantsInformation: z.boolean(),
  preferredChannel: z.enum(['brief', 'telefoon', 'email'], { message: 'Kies een kanaal.' }),
  representative: text().trim().max(200).nullable(),
});

/** The wensenformulier as the worker fills it in (the contract) and as the command carries it. */
export const victimWishesFields = z.object({
  victimId: text().min(1),
  eventId: text().min(1),
  contactverbod: z.boolean(),
  gebiedsverbod: z.boolean(),
  zoneDescription: text().trim().max(2000).nullable(),
  remarks: text().trim().max(4000),
});

/** A gebiedsverbod needs a description of its zones. */
export function withZoneRule<T extends z.ZodType<{ gebiedsverbod: boolean; zoneDescription: string | null }>>(
  schema: T,
) {
  return schema.refine((p) => !p.gebiedsverbod || (p.zoneDescription !== null && p.zoneDescription.length >= 5), {
    message: 'Beschrijf de zone van het gebiedsverbod.',
    path: ['zoneDescription'],
  });
}
