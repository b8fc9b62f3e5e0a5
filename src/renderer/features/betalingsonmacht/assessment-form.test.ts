import { describe, expect, it } from 'vitest';
import { firstOfNextMonth } from '../../../shared/domain/calendar';
import { emptyForm, formFromDeclaration, toBvvInput, toChoice, type AssessmentForm } from './assessment-form';

const filled = (overrides: Partial<AssessmentForm> = {}): AssessmentForm => ({
  ...emptyForm('2026-11-29'),
  netIncome: '1.345,45',
  motivation: 'Loonstroken ontvangen en gecontroleerd.',
  ...overrides,
});

describe('assessment form → domain input', () => {
  it('turns typed euros into cents', () => {
    const { input, errors } = toBvvInput(filled({ holidayPaid: 'jaarlijks', holidayAmount: '1.200,00' }));
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      netIncomeMonthlyCents: 134545,
      holidayAllowance: { paid: 'jaarlijks', amountCents: 120000 },
    });
  });

  it.each([
    ['a negative income', { netIncome: '-100' }, 'netIncome', 'Een bedrag kan hier niet negatief zijn.'],
    [
      'letters in an amount',
      { otherIncome: 'veel' },
      'otherIncome',
      "Vul een bedrag in euro's in, bijvoorbeeld 1.250,00.",
    ],
    ['an impossible date', { peildatum: '2026-02-30' }, 'peildatum', 'Deze datum bestaat niet.'],
    [
      'a correction without reason',
      { corrections: [{ topic: 'woonkosten', amount: '50', reason: '' }] },
      'corrections.0.reason',
      'Geef bij elke correctie een reden.',
    ],
    [
      'an override without motivation',
      { overrideEnabled: true, overrideAmount: '1.400', overrideReason: 'kort' },
      'overrideReason',
      'Motiveer de afwijking (minstens 10 tekens).',
    ],
  ] as const)('refuses %s with an inline Dutch message and no input', (_label, overrides, field, message) => {
    const { input, errors } = toBvvInput(filled(overrides as Partial<AssessmentForm>));
    expect(input).toBeNull();
    expect(errors[field]).toBe(message);
  });

  it('checks the decision fields the same way', () => {
    expect(toChoice(filled({ decisionKind: 'persoonlijk', instalment: 'abc' })).errors.instalment).toMatch(
      /Vul een bedrag in euro's in/,
    );
    expect(toChoice(filled({ decisionKind: 'persoonlijk', instalment: '0' })).errors.instalment).toBe(
      'De termijn moet meer dan € 0,00 zijn.',
    );
    expect(toChoice(filled({ months: '40' })).errors.months).toBe('Vul een aantal termijnen van 1 tot 36 in.');
    expect(toChoice(filled({ firstDueDate: '2027-13-01' })).errors.firstDueDate).toBe('Deze datum bestaat niet.');
    expect(toChoice(filled({ motivation: 'kort' })).errors.motivation).toBe(
      'Geef een motivering van minstens 10 tekens.',
    );
    expect(toChoice(filled({ decisionKind: 'persoonlijk', instalment: '26,08' })).choice).toMatchObject({
      kind: 'persoonlijk',
      instalmentCents: 2608,
    });
  });

  it('suggests the first of next month for the first instalment, also in December', () => {
    expect(firstOfNextMonth('2026-11-29')).toBe('2026-12-01');
    expect(firstOfNextMonth('2026-12-15')).toBe('2027-01-01');
  });

  it('fills the form with what the person declared at the Digitaal Loket, and reads it back to the same input', () => {
    const declared = {
      livingSituation: 'paar_met_kind',
      ageGroup: '21_tot_pgl',
      incomeGroup: 'gedeeltelijke_toeslagen',
      netIncomeMonthlyCents: 212_345,
      otherIncomeMonthlyCents: 15_000,
      holidayAllowance: { paid: 'jaarlijks', amountCents: 140_000 },
      residentOfNetherlands: false,
    } as const;
    const form = formFromDeclaration(declared, '2026-12-04');
    expect(form).toMatchObject({
      netIncome: '2.123,45',
      otherIncome: '150,00',
      holidayAmount: '1.400,00',
      peildatum: '2026-12-04',
    });
    const { input, errors } = toBvvInput(form);
    expect(errors).toEqual({});
    expect(input).toEqual({
      ...declared,
      peildatum: '2026-12-04',
      informationWithheld: false,
      corrections: [],
      override: undefined,
    });
  });
});
