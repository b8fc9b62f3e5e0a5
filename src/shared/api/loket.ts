import { z } from 'zod';
import { id, isoDate, isoDateTime } from '../ipc/schemas';
import { text, wireText } from '../validation/text';
import { bvvInputSchema } from './betalingsonmacht';

/**
 * Requests for a betalingsregeling from the Digitaal Loket: what the person declared about their
 * household and income, and their documents. A standard request the shared rules allow is decided
 * by the central API at once; any other becomes a betalingsonmacht task for a worker.
 */

/** `decidedById` of a decision the system took on a Loket request (no worker took it). */
export const systemDeciderId = 'systeem';

export const loketMediaTypes = ['application/pdf', 'image/jpeg'] as const;
export type LoketMediaType = (typeof loketMediaTypes)[number];
export const loketDocumentMaxBytes = 5 * 1024 * 1024;
export const loketDocumentsMax = 4;

/** The extension a saved document gets: from its checked type, never from the name the sender gave. */
export const loketExtensions: Record<LoketMediaType, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg' };

/**
 * The name a Loket document is kept and offered under: the sender's name without its own extension
 * when that already is its type's, every other dot made a hyphen (so "loonstrook.pdf.cmd" cannot
 * end in .cmd), cut to 80 characters, and the extension of its checked type. A name with nothing
 * left becomes "document".
 */
export function normalizedDocumentName(senderName: string, mediaType: LoketMediaType): string {
  const own = mediaType === 'application/pdf' ? /\.pdf$/i : /\.jpe?g$/i;
  const stem =
    senderName
      .normalize('NFC')
      .replace(own, '')
      .replace(/[^\p{L}\p{N} _()-]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-\s]+|[-\s]+$/g, '')
      .slice(0, 80) || 'document';
  return `${stem}${loketExtensions[mediaType]}`;
}

/** The first bytes each accepted type starts with: the declared type alone proves nothing. */
export const loketMagicBytes: Record<LoketMediaType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
};

export const loketDocument = z
  .object({
    fileName: text()
      .min(1)
      .max(120)
      .regex(/^[\p{L}\p{N} ._()-]+$/u, 'Een bestandsnaam bestaat uit letters, cijfers, spaties en . _ ( ) -'),
    mediaType: z.enum(loketMediaTypes, { message: 'Alleen PDF- en JPEG-bestanden worden aangenomen.' }),
    // base64 of at most 5 MB: 4/3 of it, rounded up to whole groups of four characters.
    contentBase64: z.base64({ message: 'De inhoud van een bestand moet base64 zijn.' }).max(6_990_508, {
      message: 'Een bestand is hoogstens 5 MB.',
    }),
  })
  .strict();
export type LoketDocument = z.infer<typeof loketDocument>;

/** The household and income as the person declared them: the assessment's input without a worker's corrections. */
export const loketDeclaration = bvvInputSchema.omit({
  peildatum: true,
  corrections: true,
  override: true,
  informationWithheld: true,
});
export type LoketDeclaration = z.infer<typeof loketDeclaration>;

export const loketRequest = z
  .object({
    requestId: z.uuid({ message: 'requestId moet een UUID zijn.' }),
    submittedAt: isoDateTime,
    bsn: text().regex(/^\d{9}$/, 'Een BSN heeft negen cijfers.'),
    /** standaard: the standard arrangement; maatwerk: the person says even that is more than they can pay. */
    kind: z.enum(['standaard', 'maatwerk'], { message: 'Kies standaard of maatwerk.' }),
    declared: loketDeclaration,
    explanation: text().trim().max(2000).default(''),
    documents: z
      .array(loketDocument)
      .max(loketDocumentsMax, `Hoogstens ${loketDocumentsMax} bestanden per aanvraag.`)
      .default([]),
  })
  .strict();
export type LoketRequest = z.infer<typeof loketRequest>;
export type LoketRequestInput = z.input<typeof loketRequest>;

export const loketOutcomes = ['automatisch_toegekend', 'in_behandeling', 'onbekende_persoon'] as const;

/** The answer the Loket shows the person at once. */
export const loketResult = z.object({
  requestId: z.uuid(),
  outcome: z.enum(loketOutcomes),
  /** In Dutch, for the person. */
  message: text(),
  arrangement: z
    .object({
      id,
      totalCents: z.number().int(),
      instalments: z.array(z.object({ number: z.number().int(), dueDate: isoDate, amountCents: z.number().int() })),
    })
    .nullable(),
  replayed: z.boolean(),
});
export type LoketResult = z.infer<typeof loketResult>;

/** A request as the change feed sends it to the person's team: never the documents' content. */
export const loketRequestWire = z.object({
  id,
  personId: id,
  kind: z.enum(['standaard', 'maatwerk']),
  submittedAt: isoDateTime,
  declared: loketDeclaration,
  explanation: wireText(),
  outcome: z.enum(loketOutcomes),
  outcomeReason: wireText().nullable(),
  arrangementId: id.nullable(),
  documents: z.array(
    z.object({
      number: z.number().int(),
      fileName: wireText(),
      mediaType: z.enum(loketMediaTypes),
      sizeBytes: z.number().int(),
    }),
  ),
  version: z.number().int().nonnegative(),
});
export type LoketRequestWire = z.infer<typeof loketRequestWire>;

/** One document, for a worker of the person's team (the read is audited). */
export const loketDocumentContent = z.object({
  fileName: text(),
  mediaType: z.enum(loketMediaTypes),
  contentBase64: text(),
});
export type LoketDocumentContent = z.infer<typeof loketDocumentContent>;

export const loketDocumentParams = z.object({
  requestId: z.uuid(),
  number: z.coerce.number().int().min(1).max(loketDocumentsMax),
});
