import { PDFDocument } from 'pdf-lib';
import { formatDate } from '../../shared/format';
import { fillTemplate, type LetterTemplate } from '../../shared/letters/templates';
import { embedLetterFonts } from './letter-fonts';
import { LetterWriter } from './letter-writer';

export interface TemplateLetter<F extends string> {
  template: LetterTemplate<F>;
  values: Record<F, string>;
  /** Name and address lines on the envelope window. */
  addressLines: readonly string[];
  reference: string;
  today: string;
}

/** A letter from a template as a PDF: sender, address, date and reference, subject, body. */
export async function renderTemplateLetter<F extends string>(
  letter: TemplateLetter<F>,
): Promise<{ pdf: Uint8Array; paragraphs: string[] }> {
  const paragraphs = fillTemplate(letter.template, letter.values);
  const pdf = await PDFDocument.create();
  pdf.setTitle(letter.template.subject);
  pdf.setAuthor('Centraal Justitieel Incassobureau');
  pdf.setLanguage('nl-NL');
  const fonts = await embedLetterFonts(pdf);
  const writer = new LetterWriter(pdf, fonts.regular, fonts.bold);
  writer.line('Centraal Justitieel Incassobureau', { font: 'bold', size: 13 });
  writer.gap();
  for (const line of letter.addressLines) writer.line(line);
  writer.gap();
  writer.line(`Datum: ${formatDate(letter.today)}`);
  writer.line(`Ons kenmerk: ${letter.reference}`);
  writer.line(`Onderwerp: ${letter.template.subject}`, { font: 'bold' });
  writer.gap();
  for (const paragraph of paragraphs) writer.paragraph(paragraph);
  writer.paragraph('Met vriendelijke groet,');
  writer.line('Centraal Justitieel Incassobureau');
  return { pdf: await pdf.save(), paragraphs };
}
