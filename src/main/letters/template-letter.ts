import { organisatieParameterSets } from '../../shared/domain/parameters/organisatie-parameters';
import { selectParameterSet } from '../../shared/domain/parameters/parameter-set';
import { fillTemplate, type LetterTemplate, type OrganisationDetails } from '../../shared/letters/templates';
import { endLetter, saveLetter, startLetter } from './letter-head';

export interface TemplateLetter<F extends string> {
  template: LetterTemplate<F>;
  values: Record<F, string>;
  /** Name and address lines on the envelope window. */
  addressLines: readonly string[];
  reference: string;
  today: string;
}

/** CJIB's phone and account on `day`, for the {cjib.*} placeholders. */
export function organisationDetails(day: string): OrganisationDetails {
  const set = selectParameterSet(organisatieParameterSets, day);
  return { telefoon: set.telefoon.value, iban: set.iban.value };
}

/** A letter from a template as a PDF: sender, address, date and reference, subject, body. */
export async function renderTemplateLetter<F extends string>(
  letter: TemplateLetter<F>,
): Promise<{ pdf: Uint8Array; paragraphs: string[] }> {
  const paragraphs = fillTemplate(letter.template, letter.values, organisationDetails(letter.today));
  const { pdf, writer } = await startLetter({
    title: letter.template.subject,
    addressLines: letter.addressLines,
    today: letter.today,
    reference: letter.reference,
    subject: letter.template.subject,
  });
  for (const paragraph of paragraphs) writer.paragraph(paragraph);
  endLetter(writer);
  return { pdf: await saveLetter(pdf, writer, letter.reference), paragraphs };
}
