import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDemoBvvSet } from '../demo/demo-parameter-sets';
import type { BvvInput } from './beslagvrije-voet';
import { singleIncomeForCapacity } from './beslagvrije-voet.examples';
import { evaluateDecision, type CaseFacts, type DecisionChoice } from './betalingsonmacht-besluit';
import { installApprovedParameterSets } from './parameters/registry';

const bvvInput: BvvInput = {
  peildatum: '2026-11-29',
  livingSituation: 'alleenstaand',
  ageGroup: '21_tot_pgl',
  incomeGroup: 'volledige_toeslagen',
  netIncomeMonthlyCents: singleIncomeForCapacity('2026-11-29', 6000), // capacity € 60
  otherIncomeMonthlyCents: 0,
  holidayAllowance: { paid: 'geen', amountCents: 0 },
  residentOfNetherlands: true,
  informationWithheld: false,
  corrections: [],
};
const facts = (outstanding: number, admin = 900): CaseFacts => ({
  claims: [{ id: 'c1', outstandingCents: outstanding, administratiekostenCents: admin, outsideArrangement: false }],
  deurwaarderInvolved: false,
  dwangmiddelInProgress: false,
  previousArrangements: [],
});
const decide = (choice: Partial<DecisionChoice>, outstanding = 60000) =>
  evaluateDecision(bvvInput, facts(outstanding), {
    kind: 'standaard',
    firstDueDate: '2027-01-01',
    motivation: 'Stukken ontvangen en beoordeeld.',
    ...choice,
  });

describe('betalingsonmacht decisions', () => {
  // The norms of the peildatum's half-year, as a beheerder would have entered them.
  beforeAll(() => installApprovedParameterSets([currentDemoBvvSet(bvvInput.peildatum)]));
  afterAll(() => installApprovedParameterSets([]));

  it('with only norms older than the last scheduled update, every decision goes to the team lead, flagged', () => {
    installApprovedParameterSets([]);
    try {
      const outcome = decide({ kind: 'standaard' });
      expect(outcome).toMatchObject({ allowed: true, requiresApproval: true });
      expect(outcome.trace.find((s) => s.rule === 'bvv.normen-verouderd')).toMatchObject({ unconfirmed: true });
      expect(outcome.assessment.parameterSets[0]).toBe('bvv-2026-01');
    } finally {
      installApprovedParameterSets([currentDemoBvvSet(bvvInput.peildatum)]);
    }
    const current = decide({ kind: 'standaard' });
    expect(current.trace.some((s) => s.rule === 'bvv.normen-verouderd')).toBe(false);
    expect(current.assessment.parameterSets[0]).toBe('bvv-2026-07-01');
  });

  it('a standard arrangement collects outstanding plus administratiekosten, without approval', () => {
    const outcome = decide({ kind: 'standaard' });
    expect(outcome).toMatchObject({ allowed: true, totalCents: 60900, requiresApproval: false });
    if (outcome.allowed) {
      expect(outcome.instalments).toHaveLength(12);
      expect(outcome.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(60900);
    }
  });

  it('a tailored arrangement longer than the standard terms needs the team lead; within them it does not', () => {
    const longer = decide({ kind: 'persoonlijk', instalmentCents: 2000 });
    expect(longer).toMatchObject({ allowed: true, requiresApproval: true });
    if (longer.allowed) expect(longer.instalments).toHaveLength(31); // 60.900 / 2.000 → 31 termijnen > 12
    const within = decide({ kind: 'persoonlijk', instalmentCents: 6000 });
    expect(within).toMatchObject({ allowed: true, requiresApproval: false });
    if (within.allowed) expect(within.instalments).toHaveLength(11);
  });

  it('refuses an instalment above the capacity and a tailored plan over 36 months', () => {
    expect(decide({ kind: 'persoonlijk', instalmentCents: 6001 })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/hoger dan de afloscapaciteit/),
    });
    expect(decide({ kind: 'persoonlijk', instalmentCents: 1000 })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/hoogstens 36/),
    });
  });

  it('noodstop pauses 4 months, 12 with debt help, and always needs a second person', () => {
    expect(decide({ kind: 'noodstop' })).toMatchObject({
      allowed: true,
      pauseUntil: '2027-05-01',
      requiresApproval: true,
      instalments: [],
    });
    expect(decide({ kind: 'noodstop', withDebtHelp: true })).toMatchObject({ pauseUntil: '2028-01-01' });
  });

  it('a referral to schuldhulpverlening needs a second person; a refusal does not', () => {
    expect(decide({ kind: 'schuldhulp' })).toMatchObject({ allowed: true, requiresApproval: true, instalments: [] });
    expect(decide({ kind: 'afwijzing' })).toMatchObject({ allowed: true, requiresApproval: false });
  });

  it('refuses a standard arrangement under the threshold, and any decision without motivation', () => {
    expect(decide({ kind: 'standaard' }, 7499)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/lager dan/),
    });
    expect(decide({ motivation: 'kort' })).toMatchObject({
      allowed: false,
      reason: 'Geef een motivering van minstens 10 tekens.',
    });
  });

  it('keeps the whole rule trace with the decision', () => {
    const outcome = decide({ kind: 'persoonlijk', instalmentCents: 2000 });
    const rules = outcome.trace.map((s) => s.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'bvv.95-procent',
        'afloscapaciteit',
        'regeling.openstaand',
        'besluit.persoonlijk',
        'besluit.vastgelegd',
      ]),
    );
  });
});
