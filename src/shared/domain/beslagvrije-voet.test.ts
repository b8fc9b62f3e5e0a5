import { describe, expect, it } from 'vitest';
import { computeBeslagvrijeVoet, monthlyIncome, nextScheduledNormUpdate, type BvvInput } from './beslagvrije-voet';
import { singleOnBijstand2025 } from './beslagvrije-voet.examples';
import { bvvParameterSets, type BvvParameterSet } from './parameters/beslagvrije-voet-parameters';
import { selectParameterSet } from './parameters/parameter-set';

const latestSet = bvvParameterSets.at(-1) as BvvParameterSet;

const base: BvvInput = singleOnBijstand2025;

const bvv = (overrides: Partial<BvvInput>) => computeBeslagvrijeVoet({ ...base, ...overrides });

describe('beslagvrije voet — worked example of docs/regels.md, Beslagvrije voet', () => {
  it('single on bijstand in 2025: BVV € 1.278,18 and capacity € 67,27', () => {
    const result = bvv({});
    expect(result.value.bvvCents).toBe(127818); // 0,95 × 1.345,45 = 1.278,1775
    expect(result.value.afloscapaciteitCents).toBe(6727);
    expect(result.parameterSet).toEqual({ id: 'bvv-2025-01', validFrom: '2025-01-01' });
    expect(result.trace.map((s) => s.text).join('\n')).toMatch(/95 % van de bijstandsnorm €\s1\.345,45/);
    expect(result.value.hasUnconfirmedSteps).toBe(false);
  });
});

describe('beslagvrije voet — 95 % of each norm, rounded half away from zero to whole cents', () => {
  it.each([
    ['2024-07-01', 'alleenstaand', '21_tot_pgl', 124303], // 1.243,0275
    ['2024-07-01', 'paar', '21_tot_pgl', 177575], // 1.775,7495
    ['2024-12-31', 'alleenstaande_ouder', 'pgl', 138401], // 1.384,0075
    ['2024-12-31', 'paar_met_kind', 'pgl', 187781], // 1.877,808
    ['2025-01-01', 'paar', '21_tot_pgl', 182597], // 1.825,9665
    ['2025-01-01', 'alleenstaand', 'pgl', 142602], // 1.426,0165
    ['2025-06-30', 'paar_met_kind', 'pgl', 195081], // 1.950,806
    ['2025-06-30', 'alleenstaand', '18_20', 127818], // under 21: the norm of 21+ (art. 475da Rv)
  ] as const)('%s %s %s → %i cents', (peildatum, livingSituation, ageGroup, expected) => {
    // An income well above every norm, so the 95 %-of-income limit does not apply.
    expect(bvv({ peildatum, livingSituation, ageGroup, netIncomeMonthlyCents: 300000 }).value.bvvCents).toBe(expected);
  });

  it('uses the 1 July 2024 norms until 31 December and the 1 January 2025 norms from that day', () => {
    expect(bvv({ peildatum: '2024-12-31' }).parameterSet.id).toBe('bvv-2024-07');
    expect(bvv({ peildatum: '2025-01-01' }).parameterSet.id).toBe('bvv-2025-01');
    expect(() => bvv({ peildatum: '2023-12-31' })).toThrow(/Geen parameterset geldig op 2023-12-31/);
  });

  it('switches on 1 July when a new set is added as data', () => {
    const julySet: BvvParameterSet = { ...latestSet, id: 'bvv-2026-07', validFrom: '2026-07-01' };
    const sets = [...bvvParameterSets, julySet];
    expect(selectParameterSet(sets, '2026-06-30').id).toBe('bvv-2026-01');
    expect(selectParameterSet(sets, '2026-07-01').id).toBe('bvv-2026-07');
    expect(computeBeslagvrijeVoet({ ...base, peildatum: '2026-07-01' }, sets).parameterSet.id).toBe('bvv-2026-07');
  });

  it('knows the scheduled norm updates: 1 January and 1 July, the first one after a set starts', () => {
    expect(nextScheduledNormUpdate('2025-01-01')).toBe('2025-07-01');
    expect(nextScheduledNormUpdate('2025-06-30')).toBe('2025-07-01');
    expect(nextScheduledNormUpdate('2025-07-01')).toBe('2026-01-01');
    expect(nextScheduledNormUpdate('2024-12-31')).toBe('2025-01-01');
  });

  it('flags an assessment past the next scheduled update with no newer set as unconfirmed, for the team lead', () => {
    const lastDay = bvv({ peildatum: '2026-06-30' });
    expect(lastDay.value.requiresApproval).toBe(false);
    expect(lastDay.trace.some((s) => s.rule === 'bvv.normen-verouderd')).toBe(false);
    // Today (7 December 2026) no set for 1 July 2026 has been found: the same norms, flagged.
    const stale = bvv({ peildatum: '2026-12-07' });
    expect(stale.value.bvvCents).toBe(lastDay.value.bvvCents);
    expect(stale.value).toMatchObject({ requiresApproval: true, hasUnconfirmedSteps: true });
    expect(stale.trace[0]).toMatchObject({ rule: 'bvv.normen-verouderd', unconfirmed: true });
    expect(stale.trace[0]?.text).toContain('01-07-2026');
    const julySet: BvvParameterSet = { ...latestSet, id: 'j', validFrom: '2026-07-01' };
    const withJuly = computeBeslagvrijeVoet({ ...base, peildatum: '2026-12-31' }, [...bvvParameterSets, julySet]);
    expect(withJuly.value.requiresApproval).toBe(false);
    expect(
      computeBeslagvrijeVoet({ ...base, peildatum: '2027-01-01' }, [...bvvParameterSets, julySet]).value
        .requiresApproval,
    ).toBe(true);
  });

  it('has no norm in the first half of 2024 (only the maxima are known), and says so', () => {
    const result = bvv({ peildatum: '2024-03-01' });
    expect(result.value.bvvCents).toBeNull();
    expect(result.value.requiresApproval).toBe(true);
    expect(result.trace.at(-1)?.text).toMatch(/Geen bijstandsnorm bekend/);
  });
});

describe('beslagvrije voet — income groups, halving, residence, corrections', () => {
  it.each([
    ['alleenstaand', 199621],
    ['alleenstaande_ouder', 216260],
    ['paar', 263149],
    ['paar_met_kind', 274709],
  ] as const)(
    'group 3 (no toeslagen) %s: the fixed maximum, flagged as not confirmed for today',
    (livingSituation, expected) => {
      const result = bvv({ incomeGroup: 'geen_toeslagen', livingSituation, netIncomeMonthlyCents: 300000 });
      expect(result.value.bvvCents).toBe(expected);
      expect(result.value.afloscapaciteitCents).toBe(300000 - expected);
      expect(result.value.hasUnconfirmedSteps).toBe(true);
    },
  );

  it('group 2 flags the missing compensation, and adds it when the worker enters it with a reason', () => {
    const without = bvv({ incomeGroup: 'gedeeltelijke_toeslagen' });
    expect(without.value.bvvCents).toBe(127818);
    expect(without.trace.some((s) => s.rule === 'bvv.groep2.compensatie-ontbreekt' && s.unconfirmed)).toBe(true);
    const withCompensation = bvv({
      incomeGroup: 'gedeeltelijke_toeslagen',
      corrections: [
        {
          topic: 'compensatie_gedeeltelijke_toeslagen',
          amountCents: 4512,
          reason: 'Rekentool BVV, uitdraai in dossier',
        },
      ],
    });
    expect(withCompensation.value.bvvCents).toBe(127818 + 4512);
    expect(withCompensation.trace.some((s) => s.rule === 'bvv.groep2.compensatie-ontbreekt')).toBe(false);
    expect(
      withCompensation.trace.find((s) => s.rule === 'bvv.correctie.compensatie_gedeeltelijke_toeslagen'),
    ).toMatchObject({
      unconfirmed: true,
      text: expect.stringContaining('Rekentool BVV, uitdraai in dossier'),
    });
  });

  it('halves the BVV when information is withheld (after corrections), rounding to whole cents', () => {
    expect(bvv({ informationWithheld: true }).value.bvvCents).toBe(63909);
    expect(
      bvv({ informationWithheld: true, corrections: [{ topic: 'woonkosten', amountCents: 1, reason: 'test' }] }).value
        .bvvCents,
    ).toBe(63910); // 127819 / 2 = 63909,5
  });

  it('never goes below zero, whatever the corrections', () => {
    const result = bvv({ corrections: [{ topic: 'overig', amountCents: -200000, reason: 'fout ingevoerd' }] });
    expect(result.value.bvvCents).toBe(0);
    expect(result.value.afloscapaciteitCents).toBe(134545);
  });

  it('gives no BVV to a non-resident and asks for a decision', () => {
    const result = bvv({ residentOfNetherlands: false });
    expect(result.value).toMatchObject({ bvvCents: null, afloscapaciteitCents: 0, requiresApproval: true });
  });

  it('takes an override as it is, and sends it to the team lead', () => {
    const result = bvv({ override: { bvvCents: 140000, reason: 'Hoge zorgkosten aangetoond' } });
    expect(result.value).toMatchObject({ bvvCents: 140000, requiresApproval: true, hasUnconfirmedSteps: true });
  });

  it('capacity is zero, never negative, when corrections lift the BVV above the income', () => {
    const result = bvv({ corrections: [{ topic: 'woonkosten', amountCents: 20000, reason: 'huur aangetoond' }] });
    expect(result.value.afloscapaciteitCents).toBe(0);
  });
});

describe('holiday allowance paid yearly or monthly gives the same result', () => {
  it.each([
    [8000, 96000],
    [10417, 125004],
  ])('monthly %i equals yearly %i', (monthly, yearly) => {
    const a = bvv({ netIncomeMonthlyCents: 150000, holidayAllowance: { paid: 'maandelijks', amountCents: monthly } });
    const b = bvv({ netIncomeMonthlyCents: 150000, holidayAllowance: { paid: 'jaarlijks', amountCents: yearly } });
    expect(b.value).toEqual(a.value);
  });

  it('counts a twelfth of a yearly allowance each month, rounded to whole cents', () => {
    expect(
      monthlyIncome({
        netIncomeMonthlyCents: 0,
        otherIncomeMonthlyCents: 0,
        holidayAllowance: { paid: 'jaarlijks', amountCents: 100001 },
      }),
    ).toBe(8333);
  });
});

describe('the norms of 2025–2026, each from its source (docs/regels.md)', () => {
  const high = 400000; // above every norm: the BVV is 95 % of the norm
  it.each([
    ['SZW Normenbrief 1 juli 2025 (Stimulansz kopie)', '2025-07-01', 'alleenstaand', '21_tot_pgl', 136906],
    ['SZW Normenbrief 1 juli 2025 (Stimulansz kopie)', '2025-12-31', 'paar', '21_tot_pgl', 195580],
    ['SZW Normenbrief 1 juli 2025 (Stimulansz kopie)', '2025-07-01', 'alleenstaand', 'pgl', 153021],
    ['SZW Normenbrief 1 juli 2025 (Stimulansz kopie)', '2025-07-01', 'paar_met_kind', 'pgl', 209498],
    ['SZW Normenbrief 1 januari 2026 (issue 27)', '2026-01-01', 'alleenstaand', '21_tot_pgl', 140150],
    ['SZW Normenbrief 1 januari 2026 (issue 27)', '2026-06-30', 'alleenstaande_ouder', '21_tot_pgl', 140150],
    ['SZW Normenbrief 1 januari 2026 (issue 27)', '2026-01-01', 'paar', '21_tot_pgl', 200213],
    ['SZW Normenbrief 1 januari 2026 (issue 27)', '2026-01-01', 'alleenstaand', 'pgl', 156469],
    ['SZW Normenbrief 1 januari 2026 (issue 27)', '2026-01-01', 'paar', 'pgl', 214416],
  ] as const)('%s: %s %s %s → norm %i cents', (_source, peildatum, livingSituation, ageGroup, norm) => {
    const result = bvv({ peildatum, livingSituation, ageGroup, netIncomeMonthlyCents: high });
    expect(result.value.bvvCents).toBe(Math.round(norm * 0.95));
    const step = result.trace.find((s) => s.rule === 'bvv.95-procent');
    // Secondary copies only: the value is used, named and shown as not confirmed.
    expect(step).toMatchObject({ unconfirmed: true, source: { label: expect.stringContaining('475da') } });
    expect(step?.text).toContain('Normenbrief');
  });

  it('single on 1 January 2026: BVV € 1.331,43 (0,95 × € 1.401,50), not the 2025 € 1.278,18', () => {
    expect(bvv({ peildatum: '2026-01-01', netIncomeMonthlyCents: high }).value.bvvCents).toBe(133143);
  });

  it.each([
    ['schuldinfo.nl, maximale BVV 1 januari 2024', '2024-01-01', 'alleenstaand', 199621],
    ['schuldinfo.nl, maximale BVV 1 januari 2024', '2024-03-01', 'alleenstaande_ouder', 216260],
    ['schuldinfo.nl, maximale BVV 1 januari 2024', '2024-06-30', 'paar', 263149],
    ['schuldinfo.nl, maximale BVV 1 januari 2024', '2024-01-01', 'paar_met_kind', 274709],
  ] as const)('%s: %s %s → %i cents, no longer throws before July 2024', (_s, peildatum, livingSituation, max) => {
    const result = bvv({ peildatum, livingSituation, incomeGroup: 'geen_toeslagen', netIncomeMonthlyCents: high });
    expect(result.value.bvvCents).toBe(max);
    expect(result.trace.find((s) => s.rule === 'bvv.groep3.maximum')?.unconfirmed).toBe(true);
  });

  it('1 July 2026 has no set: an assessment dated today says so and goes to the team lead', () => {
    expect(bvvParameterSets.some((s) => s.validFrom === '2026-07-01')).toBe(false);
    const today = bvv({ peildatum: '2026-12-07', netIncomeMonthlyCents: high });
    expect(today.parameterSet.id).toBe('bvv-2026-01');
    expect(today.value.requiresApproval).toBe(true);
    expect(today.trace[0]?.source?.label).toMatch(/Normenbrief/);
  });
});

describe('art. 475da Rv: income below the norm — the BVV is 95 % of the income', () => {
  it.each([
    // income, expected BVV, capacity (single 21+, 1 January 2026: 95 % of the norm is € 1.331,43)
    [100000, 95000, 5000],
    [120000, 114000, 6000],
    [140150, 133143, 7007],
    [0, 0, 0],
  ])('income %i cents → BVV %i, capacity %i, with the reason in the trace', (income, expected, capacity) => {
    const result = bvv({ peildatum: '2026-03-01', netIncomeMonthlyCents: income });
    expect(result.value.bvvCents).toBe(expected);
    expect(result.value.afloscapaciteitCents).toBe(capacity);
    const limited = result.trace.find((s) => s.rule === 'bvv.inkomen-onder-norm');
    if (income < 140150) expect(limited?.text).toMatch(/lager dan de norm/);
    else expect(limited).toBeUndefined();
  });

  it('counts other income and holiday allowance in the income that is compared', () => {
    const result = bvv({
      peildatum: '2026-03-01',
      netIncomeMonthlyCents: 100000,
      otherIncomeMonthlyCents: 20000,
      holidayAllowance: { paid: 'jaarlijks', amountCents: 60000 },
    });
    expect(result.value.monthlyIncomeCents).toBe(125000);
    expect(result.value.bvvCents).toBe(118750);
  });
});

describe('art. 475da Rv: a debtor under 21 gets the norm of 21 and older', () => {
  it.each([
    ['alleenstaand', '2026-03-01', 133143],
    ['alleenstaande_ouder', '2026-03-01', 133143],
    ['paar', '2026-03-01', 190202],
    ['alleenstaand', '2025-03-01', 127818],
  ] as const)('%s aged 18–20 on %s → %i cents, never the youth norm', (livingSituation, peildatum, expected) => {
    const result = bvv({ livingSituation, peildatum, ageGroup: '18_20', netIncomeMonthlyCents: 400000 });
    expect(result.value.bvvCents).toBe(expected);
    expect(result.trace.some((s) => s.rule === 'bvv.jonger-dan-21')).toBe(true);
  });
});
