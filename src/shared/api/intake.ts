import { z } from 'zod';
import { claimKinds } from '../domain/claims';
import { text } from '../validation/text';

/**
 * Bulk intake into the central store by CJIB's own source systems (new beschikkingen and vonnissen
 * from the daily delivery, and the bank's payments file) and by the partners of Betalingsregeling
 * Rijk (their own claims only, each with its own key), in batches. Each batch has an id chosen
 * by the sender: sending the same batch again answers what the first time did and changes nothing.
 * Batches are kept small (250 claims, 500 payments): each is one transaction that workers' commands
 * on the same pages and the change feed wait behind, so small ones keep the workers' p99 down
 * (bench central-load: 1,000-claim batches tripled it against 250).
 */

const cents = z.number().int().min(1).max(100_000_000_00);
const isoDate = z.iso.date({ message: 'Gebruik een datum als JJJJ-MM-DD.' });
const reference = text()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9./-]+$/, 'Een kenmerk bestaat uit letters, cijfers en . / -');

export const intakeClaim = z
  .object({
    reference,
    kind: z.enum(claimKinds, { message: 'Onbekende soort vordering.' }),
    person: z
      .object({
        bsn: text().regex(/^\d{9}$/, 'Een BSN heeft negen cijfers.'),
        displayName: text().min(1).max(200),
        birthDate: isoDate,
        city: text().min(1).max(100),
      })
      .strict(),
    originalCents: cents,
    dueDate: isoDate,
  })
  .strict();
export type IntakeClaim = z.infer<typeof intakeClaim>;

/** A batch: the sender's id for it, and its items under `key`, at most `max`. */
const batchOf = <K extends string, T extends z.ZodType>(key: K, item: T, max: number, items: string) =>
  z
    .object({
      batchId: z.uuid({ message: 'batchId moet een UUID zijn.' }),
      ...({ [key]: z.array(item).min(1).max(max, `Hoogstens ${max} ${items} per partij.`) } as Record<
        K,
        z.ZodArray<T>
      >),
    })
    .strict();

export const claimsBatch = batchOf('claims', intakeClaim, 250, 'vorderingen');
export type ClaimsBatch = z.infer<typeof claimsBatch>;

export const intakePayment = z
  .object({
    paymentId: text()
      .min(1)
      .max(60)
      .regex(/^[A-Za-z0-9-]+$/, 'Een betalingskenmerk bestaat uit letters, cijfers en -'),
    claimReference: reference,
    amountCents: cents,
    paidOn: isoDate,
  })
  .strict();
export type IntakePayment = z.infer<typeof intakePayment>;

export const paymentsBatch = batchOf('payments', intakePayment, 500, 'betalingen');
export type PaymentsBatch = z.infer<typeof paymentsBatch>;

export const intakeResult = z.object({
  batchId: z.uuid(),
  /** Items taken in by this batch. */
  applied: z.number().int().nonnegative(),
  /** Items the store already had (sent before in another batch): left as they were. */
  alreadyKnown: z.number().int().nonnegative(),
  /** Items that name something the store does not know (a payment for an unknown claim), by their key. */
  unmatched: z.array(text()),
  /** True when this answer is the stored answer of an earlier delivery of the same batch. */
  replayed: z.boolean(),
});
export type IntakeResult = z.infer<typeof intakeResult>;
