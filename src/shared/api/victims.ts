import { z } from 'zod';

/** The one way to victim contact data: one victim at a time, with a reason that is audited. */
export const victimContactQuery = z
  .object({ reason: z.string().trim().min(5, 'Geef een reden om de contactgegevens in te zien.').max(500) })
  .strict();

export const victimContact = z.object({
  victimId: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  domicilieAddress: z.string().nullable(),
  /** Where letters go: the domicilie address when there is one, so the home address stays hidden. */
  mailTo: z.string(),
});
export type VictimContact = z.infer<typeof victimContact>;

/** A victim's preferences: whether they want information, how, and through whom. */
export const victimPreferencesFields = z.object({
  victimId: z.string().min(1),
  optedIn: z.boolean(),
  wantsInformation: z.boolean(),
  preferredChannel: z.enum(['brief', 'telefoon', 'email'], { message: 'Kies een kanaal.' }),
  representative: z.string().trim().max(200).nullable(),
});

/** The wensenformulier as the worker fills it in (the contract) and as the command carries it. */
export const victimWishesFields = z.object({
  victimId: z.string().min(1),
  eventId: z.string().min(1),
  contactverbod: z.boolean(),
  gebiedsverbod: z.boolean(),
  zoneDescription: z.string().trim().max(2000).nullable(),
  remarks: z.string().trim().max(4000),
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
