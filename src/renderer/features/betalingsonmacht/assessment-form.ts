import type { DecisionRequest } from '../../../shared/api/betalingsonmacht';
import type { BvvCorrection, BvvInput } from '../../../shared/domain/beslagvrije-voet';
import type { DecisionChoice } from '../../../shared/domain/betalingsonmacht-besluit';
import { firstOfNextMonth, isValidIsoDate } from '../../../shared/domain/calendar';
import type { LoketDeclaration } from '../../../shared/api/loket';
import { centsToEuroInput, parseEuroInput } from './euro-input';

/**
 * The assessment form as the worker types it (amounts as text), and its translation into the
 * domain input with a Dutch message per field that does not parse. Saved as the draft as is.
 */
export interface AssessmentForm {
  peildatum: string;
  livingSituation: BvvInput['livingSituation'];
  ageGroup: BvvInput['ageGroup'];
  incomeGroup: BvvInput['incomeGroup'];
  netIncome: string;
  otherIncome: string;
  holidayPaid: BvvInput['holidayAllowance']['paid'];
  holidayAmount: string;
  residentOfNetherlands: boolean;
  informationWithheld: boolean;
  corrections: { topic: BvvCorrection['topic']; amount: string; reason: string }[];
  overrideEnabled: boolean;
  overrideAmount: string;
  overrideReason: string;
  documents: DecisionRequest['documents'];
  decisionKind: DecisionChoice['kind'];
  months: string;
  instalment: string;
  firstDueDate: string;
  withDebtHelp: boolean;
  motivation: string;
}

export function emptyForm(today: string): AssessmentForm {
  return {
    peildatum: today,
    livingSituation: 'alleenstaand',
    ageGroup: '21_tot_pgl',
    incomeGroup: 'volledige_toeslagen',
    netIncome: '',
    otherIncome: '0',
    holidayPaid: 'geen',
    holidayAmount: '0',
    residentOfNetherlands: true,
    informationWithheld: false,
    corrections: [],
    overrideEnabled: false,
    overrideAmount: '',
    overrideReason: '',
    documents: {
      loonstroken: false,
      bankafschriften: false,
      woonlasten: false,
      verzekeringen: false,
      andereSchulden: false,
      bijzondereOmstandigheden: false,
    },
    decisionKind: 'standaard',
    months: '',
    instalment: '',
    firstDueDate: firstOfNextMonth(today),
    withDebtHelp: false,
    motivation: '',
  };
}

/**
 * The form filled in with what the person declared at the Digitaal Loket: the worker checks it
 * against the documents and corrects it, rather than typing it again.
 */
export function formFromDeclaration(declared: LoketDeclaration, today: string): AssessmentForm {
  return {
    ...emptyForm(today),
    livingSituation: declared.livingSituation,
    ageGroup: declared.ageGroup,
    incomeGroup: declared.incomeGroup,
    netIncome: centsToEuroInput(declared.netIncomeMonthlyCents),
    otherIncome: centsToEuroInput(declared.otherIncomeMonthlyCents),
    holidayPaid: declared.holidayAllowance.paid,
    holidayAmount: centsToEuroInput(declared.holidayAllowance.amountCents),
    residentOfNetherlands: declared.residentOfNetherlands,
  };
}

export type FieldErrors = Partial<Record<string, string>>;

export function toBvvInput(form: AssessmentForm): { input: BvvInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const amount = (field: string, text: string, allowNegative = false) => {
    const parsed = parseEuroInput(text, { allowNegative });
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return 0;
    }
    return parsed.cents;
  };
  if (!isValidIsoDate(form.peildatum)) errors.peildatum = 'Deze datum bestaat niet.';
  const input: BvvInput = {
    peildatum: form.peildatum,
    livingSituation: form.livingSituation,
    ageGroup: form.ageGroup,
    incomeGroup: form.incomeGroup,
    netIncomeMonthlyCents: amount('netIncome', form.netIncome),
    otherIncomeMonthlyCents: amount('otherIncome', form.otherIncome),
    holidayAllowance: {
      paid: form.holidayPaid,
      amountCents: form.holidayPaid === 'geen' ? 0 : amount('holidayAmount', form.holidayAmount),
    },
    residentOfNetherlands: form.residentOfNetherlands,
    informationWithheld: form.informationWithheld,
    corrections: form.corrections.map((c, i) => {
      if (c.reason.trim().length < 5) errors[`corrections.${i}.reason`] = 'Geef bij elke correctie een reden.';
      return {
        topic: c.topic,
        amountCents: amount(`corrections.${i}.amount`, c.amount, true),
        reason: c.reason.trim(),
      };
    }),
    override: form.overrideEnabled
      ? {
          bvvCents: amount('overrideAmount', form.overrideAmount),
          reason: form.overrideReason.trim(),
        }
      : undefined,
  };
  if (form.overrideEnabled && form.overrideReason.trim().length < 10) {
    errors.overrideReason = 'Motiveer de afwijking (minstens 10 tekens).';
  }
  return { input: Object.keys(errors).length ? null : input, errors };
}

export function toChoice(form: AssessmentForm): { choice: DecisionChoice | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let months: number | undefined;
  let instalmentCents: number | undefined;
  if (form.decisionKind === 'standaard' && form.months.trim() !== '') {
    months = Number(form.months);
    if (!Number.isInteger(months) || months < 1 || months > 36)
      errors.months = 'Vul een aantal termijnen van 1 tot 36 in.';
  }
  if (form.decisionKind === 'persoonlijk') {
    const parsed = parseEuroInput(form.instalment);
    if (parsed.ok && parsed.cents > 0) instalmentCents = parsed.cents;
    else errors.instalment = parsed.ok ? 'De termijn moet meer dan € 0,00 zijn.' : parsed.message;
  }
  if (!isValidIsoDate(form.firstDueDate)) errors.firstDueDate = 'Deze datum bestaat niet.';
  if (form.motivation.trim().length < 10) errors.motivation = 'Geef een motivering van minstens 10 tekens.';
  const choice: DecisionChoice = {
    kind: form.decisionKind,
    months,
    instalmentCents,
    firstDueDate: form.firstDueDate,
    withDebtHelp: form.decisionKind === 'noodstop' ? form.withDebtHelp : undefined,
    motivation: form.motivation.trim(),
  };
  return { choice: Object.keys(errors).length ? null : choice, errors };
}
