import { describe, expect, it } from 'vitest';
import { computeBeslagvrijeVoet, monthlyIncome, nextScheduledNormUpdate, type BvvInput } from './beslagvrije-voet';
import { singleOnBijstand2025 } from './beslagvrije-voet.examples';
import { bvvParameterSets, type BvvParameterSet } from './parameters/beslagvrije-voet-parameters';
import { selectParameterSet } from './parameters/parameter-set';

const base: BvvInput = singleOnBijstand2025;

const bvv = (overrides: Partial<BvvInput>) => computeBeslagvrijeVoet({ ...base, ...overrides });

describe('beslagvrije voet — worked example of DOMAIN.md §3', () => {
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
    ['2025-06-30', 'alleenstaand', '18_20', 31556], // 315,5615
  ] as const)('%s %s %s → %i cents', (peildatum, livingSituation, ageGroup, expected) => {
    expect(bvv({ peildatum, livingSituation, ageGroup }).value.bvvCents).toBe(expected);
  });

  it('uses the 1 July 2024 norms until 31 December and the 1 January 2025 norms from that day', () => {
    expect(bvv({ peildatum: '2024-12-31' }).parameterSet.id).toBe('bvv-2024-07');
    expect(bvv({ peildatum: '2025-01-01' }).parameterSet.id).toBe('bvv-2025-01');
    expect(() => bvv({ peildatum: '2024-06-30' })).toThrow(/Geen parameterset geldig op 2024-06-30/);
  });

  it('switches on 1 July when a new set is added as data', () => {
    const julySet: BvvParameterSet = {
      ...(bvvParameterSets[1] as BvvParameterSet),
      id: 'bvv-2025-07',
      validFrom: '2025-07-01',
    };
    const sets = [...bvvParameterSets, julySet];
    expect(selectParameterSet(sets, '2025-06-30').id).toBe('bvv-2025-01');
    expect(selectParameterSet(sets, '2025-07-01').id).toBe('bvv-2025-07');
    expect(computeBeslagvrijeVoet({ ...base, peildatum: '2025-07-01' }, sets).parameterSet.id).toBe('bvv-2025-07');
  });

  it('knows the scheduled norm updates: 1 January and 1 July, the first one after a set starts', () => {
    expect(nextScheduledNormUpdate('2025-01-01')).toBe('2025-07-01');
    expect(nextScheduledNormUpdate('2025-06-30')).toBe('2025-07-01');
    expect(nextScheduledNormUpdate('2025-07-01')).toBe('2026-01-01');
    expect(nextScheduledNormUpdate('2024-12-31')).toBe('2025-01-01');
  });

  it('flags an assessment past the next scheduled update with no newer set as unconfirmed, for the team lead', () => {
    const lastDay = bvv({ peildatum: '2025-06-30' });
    expect(lastDay.value).toMatchObject({ requiresApproval: false, hasUnconfirmedSteps: false });
    const stale = bvv({ peildatum: '2025-07-01' });
    // Same norms, same amount: only the confidence changes.
    expect(stale.value.bvvCents).toBe(lastDay.value.bvvCents);
    expect(stale.value).toMatchObject({ requiresApproval: true, hasUnconfirmedSteps: true });
    expect(stale.trace[0]).toMatchObject({ rule: 'bvv.normen-verouderd', unconfirmed: true });
    expect(stale.trace[0]?.text).toContain('01-07-2025');
    const julySet: BvvParameterSet = { ...(bvvParameterSets[1] as BvvParameterSet), id: 'j', validFrom: '2025-07-01' };
    const withJuly = computeBeslagvrijeVoet({ ...base, peildatum: '2025-12-31' }, [...bvvParameterSets, julySet]);
    expect(withJuly.value.requiresApproval).toBe(false);
    expect(
      computeBeslagvrijeVoet({ ...base, peildatum: '2026-01-01' }, [...bvvParameterSets, julySet]).value
        .requiresApproval,
    ).toBe(true);
  });

  it('has no norm for 18–20 before 2025 or for a couple of 18–20, and says so', () => {
    for (const result of [
      bvv({ peildatum: '2024-08-01', ageGroup: '18_20' }),
      bvv({ livingSituation: 'paar', ageGroup: '18_20' }),
    ]) {
      expect(result.value.bvvCents).toBeNull();
      expect(result.value.requiresApproval).toBe(true);
      expect(result.trace.at(-1)?.text).toMatch(/Geen bijstandsnorm bekend/);
    }
  });
});

describe('beslagvrije voet — income groups, halving, residence, corrections', () => {
  it.each([
    ['alleenstaand', 166451],
    ['alleenstaande_ouder', 178262],
    ['paar', 220377],
    ['paar_met_kind', 232189],
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

  it('capacity is zero, never negative, when income is below the BVV', () => {
    expect(bvv({ netIncomeMonthlyCents: 100000 }).value.afloscapaciteitCents).toBe(0);
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
