/**
 * Letter templates in plain Dutch, kept as data: a template names its audience and the fields it
 * needs, and `fillTemplate` refuses a missing or unknown field. Letters to a betrokkene (the
 * offender or debtor) have no field that could carry victim data, by construction.
 */

export type Audience = 'slachtoffer' | 'betrokkene';

export interface LetterTemplate<F extends string = string> {
  id: string;
  audience: Audience;
  subject: string;
  /** Paragraphs with {field} placeholders. */
  paragraphs: readonly string[];
  fields: readonly F[];
}

const victimFields = ['naam', 'gebeurtenis', 'datum', 'kenmerk'] as const;
export type VictimLetterField = (typeof victimFields)[number];

const debtorFields = ['naam', 'kenmerk', 'soort', 'oorspronkelijk', 'verhoging', 'openstaand', 'betalenVoor'] as const;
export type DebtorLetterField = (typeof debtorFields)[number];

const closing = 'Heeft u vragen? Bel ons op werkdagen op {cjib.telefoon} en noem ons kenmerk {kenmerk}.';

export const victimTemplates = {
  verlof: {
    id: 'slachtoffer-verlof',
    audience: 'slachtoffer',
    subject: 'Verlof van de dader',
    paragraphs: [
      'Beste {naam},',
      'U heeft ons laten weten dat u informatie wilt over de dader in uw zaak. Met deze brief laten wij u weten dat de dader {gebeurtenis} krijgt. Dit begint op {datum}.',
      'Heeft u wensen voor uw veiligheid, zoals een contactverbod of een gebiedsverbod? Laat het ons weten. Wij geven uw wensen door aan het Openbaar Ministerie.',
      closing,
    ],
    fields: victimFields,
  },
  invrijheidstelling: {
    id: 'slachtoffer-invrijheidstelling',
    audience: 'slachtoffer',
    subject: 'Vrijlating van de dader',
    paragraphs: [
      'Beste {naam},',
      'Met deze brief laten wij u weten dat de dader in uw zaak op {datum} vrijkomt ({gebeurtenis}).',
      'Heeft u wensen voor uw veiligheid, zoals een contactverbod of een gebiedsverbod? Laat het ons weten. Wij geven uw wensen door aan het Openbaar Ministerie.',
      closing,
    ],
    fields: victimFields,
  },
  ontvluchting: {
    id: 'slachtoffer-ontvluchting',
    audience: 'slachtoffer',
    subject: 'De dader is ontvlucht',
    paragraphs: [
      'Beste {naam},',
      'Wij hebben u hierover ook al gebeld of gemaild. De dader in uw zaak is op {datum} ontvlucht. De politie zoekt de dader.',
      'Voelt u zich niet veilig? Bel dan 112. Wij laten het u weten zodra de dader weer vastzit.',
      closing,
    ],
    fields: victimFields,
  },
} as const satisfies Record<string, LetterTemplate<VictimLetterField>>;

export const debtorTemplates = {
  eerste_aanmaning: {
    id: 'eerste-aanmaning',
    audience: 'betrokkene',
    subject: 'Eerste aanmaning',
    paragraphs: [
      'Beste {naam},',
      'U heeft de {soort} met kenmerk {kenmerk} van {oorspronkelijk} niet op tijd betaald. Daarom is het bedrag verhoogd met {verhoging}. U moet nu {openstaand} betalen.',
      'Betaal dit bedrag vóór {betalenVoor} op rekening {cjib.iban} ten name van CJIB, met betalingskenmerk {kenmerk}. Betaalt u niet op tijd, dan wordt het bedrag nog een keer verhoogd.',
      'Kunt u niet in één keer betalen? Vraag dan een betalingsregeling aan. Bel ons op {cjib.telefoon} en noem uw kenmerk {kenmerk}.',
    ],
    fields: debtorFields,
  },
  tweede_aanmaning: {
    id: 'tweede-aanmaning',
    audience: 'betrokkene',
    subject: 'Tweede aanmaning',
    paragraphs: [
      'Beste {naam},',
      'U heeft de {soort} met kenmerk {kenmerk} nog steeds niet betaald. Daarom is het bedrag opnieuw verhoogd, met {verhoging}. U moet nu {openstaand} betalen.',
      'Betaal dit bedrag vóór {betalenVoor} op rekening {cjib.iban} ten name van CJIB, met betalingskenmerk {kenmerk}. Betaalt u dan nog niet, dan kunnen wij het bedrag van uw loon, uitkering of bankrekening halen, of een deurwaarder sturen.',
      'Kunt u niet betalen? Bel ons dan direct op {cjib.telefoon} en noem uw kenmerk {kenmerk}. Wij kijken samen met u naar een oplossing.',
    ],
    fields: debtorFields,
  },
} as const satisfies Record<string, LetterTemplate<DebtorLetterField>>;

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/**
 * CJIB's own details a letter prints ({cjib.telefoon}, {cjib.iban}), from the organisation's dated
 * parameters, never from a caller's values: a template's fields stay free of contact data.
 */
export interface OrganisationDetails {
  telefoon: string;
  iban: string;
}

/** The template's paragraphs with every {field} filled in; a missing or unknown field is an error. */
export function fillTemplate<F extends string>(
  template: LetterTemplate<F>,
  values: Record<F, string>,
  organisation?: OrganisationDetails,
): string[] {
  for (const key of Object.keys(values)) {
    if (!(template.fields as readonly string[]).includes(key)) {
      throw new TemplateError(`Sjabloon ${template.id} kent het veld ${key} niet.`);
    }
  }
  return template.paragraphs.map((paragraph) =>
    paragraph.replace(/\{([\w.]+)\}/g, (_match, field: string) => {
      const value = field.startsWith('cjib.')
        ? (organisation as Record<string, string | undefined> | undefined)?.[field.slice(5)]
        : (values as Record<string, string | undefined>)[field];
      if (value === undefined) throw new TemplateError(`Sjabloon ${template.id} mist het veld ${field}.`);
      return value;
    }),
  );
}
