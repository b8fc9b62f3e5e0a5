import { z } from 'zod';
import { isValidIsoDate } from '../domain/calendar';
import { decisionKinds } from '../domain/betalingsonmacht-besluit';
import { id } from '../ipc/schemas';
import { text } from '../validation/text';

/**
 * Schemas of the betalingsonmacht assessment and decision: the form, the IPC contract and the
 * command to the central API all validate with these, with messages in Dutch.
 */

const amount = (label: string) =>
  z
    .number({ message: `${label}: vul een bedrag in.` })
    .int(`${label}: gebruik hele centen.`)
    .min(0, `${label} kan niet negatief zijn.`)
    .max(100_000_000, `${label} is onwaarschijnlijk hoog.`);

export const calendarDate = text({ message: 'Vul een datum in.' }).refine(isValidIsoDate, 'Deze datum bestaat niet.');

export const bvvCorrectionSchema = z
  .object({
    topic: z.enum([
      'compensatie_gedeeltelijke_toeslagen',
      'kostendelers',
      'woonkosten',
      'zorgpremie_zorgtoeslag',
      'kindgebonden_budget',
      'partnerinkomen',
      'verblijf_in_instelling',
      'overig',
    ]),
    amountCents: z.number().int('Gebruik hele centen.').min(-10_000_000).max(10_000_000),
    reason: text().trim().min(5, 'Geef bij elke correctie een reden.').max(500),
  })
  .strict();

export const bvvInputSchema = z
  .object({
    peildatum: calendarDate,
    livingSituation: z.enum(['alleenstaand', 'alleenstaande_ouder', 'paar', 'paar_met_kind'], {
      message: 'Kies een leefsituatie.',
    }),
    ageGroup: z.enum(['18_20', '21_tot_pgl', 'pgl'], { message: 'Kies een leeftijdsgroep.' }),
    incomeGroup: z.enum(['volledige_toeslagen', 'gedeeltelijke_toeslagen', 'geen_toeslagen'], {
      message: 'Kies een inkomensgroep.',
    }),
    netIncomeMonthlyCents: amount('Netto inkomen'),
    otherIncomeMonthlyCents: amount('Overig inkomen'),
    holidayAllowance: z
      .object({ paid: z.enum(['maandelijks', 'jaarlijks', 'geen']), amountCents: amount('Vakantiegeld') })
      .strict(),
    residentOfNetherlands: z.boolean(),
    informationWithheld: z.boolean(),
    corrections: z.array(bvvCorrectionSchema).max(20),
    override: z
      .object({
        bvvCents: amount('Beslagvrije voet'),
        reason: text().trim().min(10, 'Motiveer de afwijking (minstens 10 tekens).').max(1000),
      })
      .strict()
      .optional(),
  })
  .strict();

export const decisionChoiceSchema = z
  .object({
    kind: z.enum(decisionKinds, { message: 'Kies een besluit.' }),
    months: z.number().int().min(1).max(36).optional(),
    instalmentCents: z.number().int('Gebruik hele centen.').min(1, 'De termijn moet meer dan € 0,00 zijn.').optional(),
    firstDueDate: calendarDate,
    withDebtHelp: z.boolean().optional(),
    motivation: text().trim().min(10, 'Geef een motivering van minstens 10 tekens.').max(2000),
  })
  .strict();

export const documentChecklistSchema = z
  .object({
    loonstroken: z.boolean(),
    bankafschriften: z.boolean(),
    woonlasten: z.boolean(),
    verzekeringen: z.boolean(),
    andereSchulden: z.boolean(),
    bijzondereOmstandigheden: z.boolean(),
  })
  .strict();

export const decisionRequestSchema = z
  .object({
    personId: id,
    bvvInput: bvvInputSchema,
    choice: decisionChoiceSchema,
    documents: documentChecklistSchema,
  })
  .strict();
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
