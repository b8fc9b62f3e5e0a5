import { PDFDocument } from 'pdf-lib';
import { formatDate } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { embedLetterFonts } from './letter-fonts';
import { LetterWriter } from './letter-writer';

const sender = 'Centraal Justitieel Incassobureau';

export interface LetterHead {
  /** The PDF's title (document properties). */
  title: string;
  /** Name and address lines on the envelope window. */
  addressLines: readonly string[];
  today: string;
  /** "Ons kenmerk", when the letter has one. */
  reference?: string;
  subject: string;
}

/** A new CJIB letter: the document, its fonts, and sender, address, date, reference and subject written. */
export async function startLetter(head: LetterHead): Promise<{ pdf: PDFDocument; writer: LetterWriter }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(head.title);
  pdf.setAuthor(sender);
  pdf.setLanguage('nl-NL');
  const { regular, bold } = await embedLetterFonts(pdf);
  const writer = new LetterWriter(pdf, regular, bold);
  writer.line(sender, { font: 'bold', size: 13 });
  writer.gap();
  for (const line of head.addressLines) writer.line(line);
  writer.gap();
  writer.line(`Datum: ${formatDate(head.today)}`);
  if (head.reference) writer.line(`Ons kenmerk: ${head.reference}`);
  writer.line(`Onderwerp: ${head.subject}`, { font: 'bold' });
  writer.gap();
  return { pdf, writer };
}

/** The greeting every CJIB letter ends with. */
export function endLetter(writer: LetterWriter): void {
  writer.paragraph('Met vriendelijke groet,');
  writer.line(sender);
}

/**
 * The person's postal address as the envelope window shows it: name, street and number, postcode
 * and place. A letter is not made without one (a decision must reach the person, Awb 3:41).
 */
export function postalAddressLines(person: {
  displayName: string;
  streetAddress?: string | null | undefined;
  postcode?: string | null | undefined;
  city: string;
}): string[] {
  if (!person.streetAddress || !person.postcode) {
    throw new AppError(
      'invalid_request',
      'Het postadres van deze persoon is niet bekend (straat en postcode ontbreken). De brief kan niet worden gemaakt; vraag het adres op in de BRP.',
    );
  }
  return [person.displayName, person.streetAddress, `${person.postcode} ${person.city}`];
}

/** Every page carries the kenmerk and "pagina x van y", so a loose page still belongs somewhere. */
export function saveLetter(pdf: PDFDocument, writer: LetterWriter, reference: string): Promise<Uint8Array> {
  writer.numberPages(reference);
  return pdf.save();
}
