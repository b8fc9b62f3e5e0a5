import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBeslagvrijeVoet } from './beslagvrije-voet';
import { singleOnBijstand2025 } from './beslagvrije-voet.examples';
import { generatePlan, generatePlanForInstalment, proposeArrangement } from './betalingsregeling';
import {
  allocateArrangementPayment,
  arrangementPaymentReference,
  allocatePayments,
  checkJointArrangement,
  creditorOf,
  divideCents,
  divideInstalments,
  jointScope,
  outsideJointArrangement,
  pauseInstalments,
  previewJointArrangement,
  type CreditorShare,
  type RijkClaim,
} from './betalingsregeling-rijk';
import type { RijksincassoParameterSet } from './parameters/rijksincasso-parameters';
import { rijksincassoParameterSets } from './parameters/rijksincasso-parameters';

const claim = (id: string, kind: RijkClaim['kind'], euros: number, adminEuros = 0): RijkClaim => ({
  id,
  kind,
  outstandingCents: Math.round(euros * 100),
  administratiekostenCents: Math.round(adminEuros * 100),
});

describe('Betalingsregeling Rijk — who takes part', () => {
  const claims = [
    claim('w1', 'wahv', 300),
    claim('s1', 'strafbeschikking', 0), // paid: not in the arrangement
    claim('c1', 'cak', 400),
    claim('d1', 'duo', 500),
    claim('u1', 'uwv', 200),
  ];

  it('takes CJIB, CAK and DUO together since 1 December 2022 and leaves UWV outside', () => {
    const scope = jointScope(claims, '2026-12-04');
    expect(scope.value.shares).toEqual([
      { creditor: 'CJIB', claimIds: ['w1'], owedCents: 30000 },
      { creditor: 'CAK', claimIds: ['c1'], owedCents: 40000 },
      { creditor: 'DUO', claimIds: ['d1'], owedCents: 50000 },
    ]);
    expect(scope.value.outside).toEqual([{ creditor: 'UWV', claimIds: ['u1'], owedCents: 20000 }]);
    expect(scope.value.totalCents).toBe(120000);
    expect(scope.trace.map((s) => s.rule)).toEqual(['rijk.deelnemers', 'rijk.buiten']);
  });

  it('arranges only CJIB’s own claims before 1 December 2022, and takes in a creditor from the date a set says', () => {
    expect(jointScope(claims, '2022-11-30').value.shares.map((share) => share.creditor)).toEqual(['CJIB']);
    expect(outsideJointArrangement('cak', '2022-11-30')).toBe(true);
    expect(outsideJointArrangement('cak', '2022-12-01')).toBe(false);
    expect(outsideJointArrangement('uwv', '2026-12-04')).toBe(true);
    const withUwv: RijksincassoParameterSet[] = [
      ...rijksincassoParameterSets,
      {
        ...(rijksincassoParameterSets[0] as RijksincassoParameterSet),
        id: 'test-uwv',
        validFrom: '2027-01-01',
        participants: {
          value: [
            { creditor: 'CJIB', from: '2022-12-01' },
            { creditor: 'CAK', from: '2022-12-01' },
            { creditor: 'DUO', from: '2022-12-01' },
            { creditor: 'UWV', from: '2027-01-01' },
          ],
          source: 'test',
          status: 'inferred',
        },
      },
    ];
    expect(jointScope(claims, '2026-12-31', withUwv).value.outside.map((s) => s.creditor)).toEqual(['UWV']);
    expect(jointScope(claims, '2027-01-01', withUwv).value.totalCents).toBe(140000);
  });

  it('maps every claim kind to its creditor', () => {
    expect(
      ['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel'].map((k) => creditorOf(k as never)),
    ).toEqual(['CJIB', 'CJIB', 'CJIB', 'CJIB']);
    expect((['cak', 'duo', 'uwv', 'rvo', 'nvwa'] as const).map(creditorOf)).toEqual([
      'CAK',
      'DUO',
      'UWV',
      'RVO',
      'NVWA',
    ]);
  });

  it('Stcrt. 2023, 30505 (beleidsregels 2024): the NVWA takes part from 1 January 2024, marked open', () => {
    const withNvwa = [...claims, claim('n1', 'nvwa', 250)];
    expect(outsideJointArrangement('nvwa', '2023-12-31')).toBe(true);
    expect(outsideJointArrangement('nvwa', '2024-01-01')).toBe(false);
    const scope = jointScope(withNvwa, '2026-12-07');
    expect(scope.value.shares.map((s) => s.creditor)).toEqual(['CJIB', 'CAK', 'DUO', 'NVWA']);
    expect(scope.value.totalCents).toBe(145000);
    expect(scope.value.outside.map((s) => s.creditor)).toEqual(['UWV']);
    expect(jointScope(withNvwa, '2023-06-01').value.outside.map((s) => s.creditor)).toEqual(['UWV', 'NVWA']);
  });
});

describe('Betalingsregeling Rijk — the standard rules over all claims together', () => {
  const base = {
    peildatum: '2026-12-04',
    deurwaarderInvolved: false,
    dwangmiddelInProgress: false,
    previousArrangements: [],
  };

  it('reaches the € 75 threshold together where no creditor alone does', () => {
    const claims = [claim('w1', 'wahv', 50), claim('c1', 'cak', 40)];
    const joint = checkJointArrangement({ ...base, claims });
    expect(joint.value).toMatchObject({ eligible: true, outstandingCents: 9000, maxMonths: 3 });
    // CJIB's own arrangement would not have: € 50 < € 75.
    const cjibOnly = checkJointArrangement({ ...base, claims: [claim('w1', 'wahv', 50)] });
    expect(cjibOnly.value.eligible).toBe(false);
  });

  it('sets the term by the total, and the 12-month rule counts an arrangement broken at any creditor', () => {
    const claims = [claim('w1', 'wahv', 300, 9), claim('c1', 'cak', 400), claim('d1', 'duo', 600)];
    const joint = checkJointArrangement({ ...base, claims });
    expect(joint.value).toMatchObject({ eligible: true, outstandingCents: 130000, totalCents: 130900, maxMonths: 18 });
    const broken = checkJointArrangement({
      ...base,
      claims,
      previousArrangements: [{ endedOn: '2026-03-01', honouredExactly: false }],
    });
    expect(broken.value.eligible).toBe(false);
    expect(broken.value.refusals.join(' ')).toMatch(/binnen 12 maanden niet precies nagekomen/);
  });

  it('leaves the claims of creditors that do not take part out of the total', () => {
    const joint = checkJointArrangement({ ...base, claims: [claim('w1', 'wahv', 100), claim('u1', 'uwv', 5000)] });
    expect(joint.value.outstandingCents).toBe(10000);
    expect(joint.value.scope.outside.map((s) => s.creditor)).toEqual(['UWV']);
  });
});

describe('Betalingsregeling Rijk — dividing in whole cents', () => {
  it('divides by largest remainder, ties to the earlier creditor', () => {
    expect(divideCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(divideCents(1, [1, 1])).toEqual([1, 0]);
    expect(divideCents(10, [5000, 3000, 2000])).toEqual([5, 3, 2]);
    expect(divideCents(6727, [30000, 40000, 50000])).toEqual([1682, 2242, 2803]); // .75, .33, .92
    expect(divideCents(0, [0, 0])).toEqual([0, 0]);
    expect(() => divideCents(5, [0, 0])).toThrow(RangeError);
    expect(() => divideCents(1.5, [1])).toThrow(RangeError);
  });

  it('adds up exactly and stays within a cent of the exact share, also for amounts beyond 2^53 when multiplied', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 900_000_000_000 }), { minLength: 1, maxLength: 5 }),
        (amount, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const shares = divideCents(amount, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            const exact = (amount * (weights[i] ?? 0)) / total;
            expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6 * exact);
          });
        },
      ),
      { seed: 20261204, numRuns: 300 },
    );
  });
});

describe('Betalingsregeling Rijk — one capacity, shared (worked example)', () => {
  // docs/regels.md, Beslagvrije voet: single on bijstand in 2025, capacity € 67,27 a month; claims at three creditors.
  const claims = [claim('w1', 'wahv', 300), claim('c1', 'cak', 400), claim('d1', 'duo', 500)];

  it('offers one tailored plan for all three at the shared capacity, divided per instalment', () => {
    const bvv = computeBeslagvrijeVoet(singleOnBijstand2025);
    const capacity = bvv.value.afloscapaciteitCents;
    expect(capacity).toBe(6727);
    const check = checkJointArrangement({
      peildatum: '2025-03-01',
      claims,
      deurwaarderInvolved: false,
      dwangmiddelInProgress: false,
      previousArrangements: [],
    });
    expect(check.value).toMatchObject({ totalCents: 120000, maxMonths: 12 });
    // 12 × € 100 does not fit € 67,27: a tailored plan of 18 months, counted once, not per creditor.
    const proposal = proposeArrangement({
      peildatum: '2025-03-01',
      totalCents: check.value.totalCents,
      standardMaxMonths: check.value.maxMonths,
      afloscapaciteitCents: capacity,
    });
    expect(proposal.value).toMatchObject({ kind: 'persoonlijk', months: 18, instalmentCents: 6727 });
    const plan = divideInstalments(generatePlanForInstalment(120000, 6727, '2025-04-01'), check.value.scope.shares);
    expect(plan).toHaveLength(18);
    expect(plan[0]?.perCreditor).toEqual([
      { creditor: 'CJIB', amountCents: 1682 },
      { creditor: 'CAK', amountCents: 2242 },
      { creditor: 'DUO', amountCents: 2803 },
    ]);
    expect(plan.at(-1)?.amountCents).toBe(120000 - 17 * 6727); // € 56,41
    const perCreditor = (creditor: string) =>
      plan.reduce((sum, i) => sum + (i.perCreditor.find((p) => p.creditor === creditor)?.amountCents ?? 0), 0);
    expect([perCreditor('CJIB'), perCreditor('CAK'), perCreditor('DUO')]).toEqual([30000, 40000, 50000]);
  });

  it('always adds up: per instalment to its amount, per creditor to what it is owed, never negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 36 }),
        (owed, months) => {
          const shares: CreditorShare[] = owed.map((owedCents, i) => ({
            creditor: (['CJIB', 'CAK', 'DUO', 'UWV', 'RVO'] as const)[i] ?? 'CJIB',
            claimIds: [`c${i}`],
            owedCents,
          }));
          const total = owed.reduce((a, b) => a + b, 0);
          const plan = divideInstalments(generatePlan(total, months, '2026-01-31'), shares);
          for (const instalment of plan) {
            expect(instalment.perCreditor.reduce((sum, p) => sum + p.amountCents, 0)).toBe(instalment.amountCents);
            expect(instalment.perCreditor.every((p) => p.amountCents >= 0)).toBe(true);
          }
          shares.forEach((share, i) =>
            expect(plan.reduce((sum, inst) => sum + (inst.perCreditor[i]?.amountCents ?? 0), 0)).toBe(share.owedCents),
          );
        },
      ),
      { seed: 4122026, numRuns: 200 },
    );
  });

  it('allocates payments as they come in, and reports what was paid beyond the debt', () => {
    const shares: CreditorShare[] = [
      { creditor: 'CJIB', claimIds: ['w1'], owedCents: 30000 },
      { creditor: 'CAK', claimIds: ['c1'], owedCents: 40000 },
      { creditor: 'DUO', claimIds: ['d1'], owedCents: 50000 },
    ];
    const partly = allocatePayments([6727, 6727], shares);
    // Second payment over what is still owed (28.318, 37.758, 47.197): exact 1.681,73 / 2.242,33 / 2.802,94.
    expect(partly.perCreditor.map((p) => p.paidCents)).toEqual([1682 + 1682, 2242 + 2242, 2803 + 2803]);
    expect(partly.perCreditor.reduce((sum, p) => sum + p.paidCents, 0)).toBe(13454);
    expect(partly.surplusCents).toBe(0);
    const overpaid = allocatePayments([100000, 25000], shares);
    expect(overpaid.perCreditor.map((p) => p.stillOwedCents)).toEqual([0, 0, 0]);
    expect(overpaid.perCreditor.map((p) => p.paidCents)).toEqual([30000, 40000, 50000]);
    expect(overpaid.surplusCents).toBe(5000);
  });
});

describe('Betalingsregeling Rijk — pauzeknop', () => {
  const shares: CreditorShare[] = [
    { creditor: 'CJIB', claimIds: ['w1'], owedCents: 30000 },
    { creditor: 'DUO', claimIds: ['d1'], owedCents: 30000 },
  ];
  const plan = divideInstalments(generatePlan(60000, 6, '2026-01-15'), shares);

  it('moves the instalments from the pause on by its months, and keeps the ones before', () => {
    const paused = pauseInstalments(plan, { from: '2026-03-15', months: 2, earlierPauses: [] });
    expect(paused.value.allowed).toBe(true);
    expect(paused.value.plan.map((i) => i.dueDate)).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-05-15',
      '2026-06-15',
      '2026-07-15',
      '2026-08-15',
    ]);
    expect(paused.value.plan.map((i) => i.amountCents)).toEqual(plan.map((i) => i.amountCents));
    expect(paused.trace[0]?.unconfirmed).toBe(true); // duration and frequency are not public
  });

  it('refuses a pause that is too long, or a second one within twelve months', () => {
    const tooLong = pauseInstalments(plan, { from: '2026-03-15', months: 3, earlierPauses: [] });
    expect(tooLong.value).toMatchObject({ allowed: false, refusals: ['Een pauze duurt 1 tot en met 2 maanden.'] });
    expect(tooLong.value.plan).toEqual(plan);
    const again = pauseInstalments(plan, { from: '2026-05-15', months: 1, earlierPauses: ['2025-08-15'] });
    expect(again.value.refusals.join(' ')).toMatch(/al een pauze binnen 12 maanden \(vanaf 2025-08-15\)/);
    const later = pauseInstalments(plan, { from: '2026-05-15', months: 1, earlierPauses: ['2025-04-15'] });
    expect(later.value.allowed).toBe(true);
    // A pause already recorded for a later instalment counts as well.
    const before = pauseInstalments(plan, { from: '2026-02-15', months: 1, earlierPauses: ['2026-04-15'] });
    expect(before.value.refusals.join(' ')).toMatch(/al een pauze binnen 12 maanden \(vanaf 2026-04-15\)/);
  });

  it('pauses from an instalment still to come, never one already due or a day without one', () => {
    const past = pauseInstalments(plan, { from: '2026-02-15', months: 1, earlierPauses: [], today: '2026-02-20' });
    expect(past.value.refusals).toEqual(['Een termijn die al verlopen is, kan niet meer worden gepauzeerd.']);
    const noInstalment = pauseInstalments(plan, { from: '2026-03-01', months: 1, earlierPauses: [] });
    expect(noInstalment.value.refusals).toEqual(['Kies de vervaldatum van een termijn.']);
    const today = pauseInstalments(plan, { from: '2026-03-15', months: 1, earlierPauses: [], today: '2026-03-15' });
    expect(today.value.allowed).toBe(true);
  });
});

describe('Betalingsregeling Rijk — the preview on the person page', () => {
  const base = {
    peildatum: '2026-12-04',
    deurwaarderInvolved: false,
    dwangmiddelInProgress: false,
    previousArrangements: [],
  };

  it('shows who takes part, the standard term over the total and the first instalment per creditor', () => {
    const preview = previewJointArrangement({
      ...base,
      claims: [claim('w1', 'wahv', 300, 9), claim('c1', 'cak', 400), claim('d1', 'duo', 600), claim('u1', 'uwv', 80)],
    });
    expect(preview).toMatchObject({ eligible: true, totalCents: 130900, maxMonths: 18 });
    expect(preview.shares.map((s) => [s.creditor, s.claimCount, s.owedCents])).toEqual([
      ['CJIB', 1, 30900],
      ['CAK', 1, 40000],
      ['DUO', 1, 60000],
    ]);
    expect(preview.outside).toEqual([{ creditor: 'UWV', claimCount: 1, owedCents: 8000 }]);
    // 18 equal instalments of € 72,72 (the last € 72,76); the first divided pro rata: 17,17 / 22,22 / 33,33.
    expect(preview.firstInstalment).toEqual({
      amountCents: 7272,
      perCreditor: [
        { creditor: 'CJIB', amountCents: 1717 },
        { creditor: 'CAK', amountCents: 2222 },
        { creditor: 'DUO', amountCents: 3333 },
      ],
    });
    expect(preview.trace.at(-1)).toMatchObject({ rule: 'rijk.termijn', unconfirmed: true });
  });

  it('gives no instalment when the standard terms are closed, and says why', () => {
    const preview = previewJointArrangement({ ...base, deurwaarderInvolved: true, claims: [claim('w1', 'wahv', 300)] });
    expect(preview.eligible).toBe(false);
    expect(preview.firstInstalment).toBeNull();
    expect(preview.refusals).toEqual(['De deurwaarder heeft de zaak al in behandeling.']);
  });
});

describe('Betalingsregeling Rijk — one payment allocated to creditors and claims', () => {
  const claims = [
    { id: 'w2', kind: 'wahv' as const, outstandingCents: 20_000, dueDate: '2026-05-01' },
    { id: 'w1', kind: 'wahv' as const, outstandingCents: 10_000, dueDate: '2026-03-01' },
    { id: 'c1', kind: 'cak' as const, outstandingCents: 30_000, dueDate: '2026-04-01' },
    { id: 'd1', kind: 'duo' as const, outstandingCents: 60_000, dueDate: '2026-02-01' },
  ];

  it('divides by what each creditor is owed, and pays a creditor’s oldest claim first', () => {
    const { perCreditor, perClaim, surplusCents } = allocateArrangementPayment(12_000, claims);
    expect(perCreditor).toEqual([
      { creditor: 'CJIB', cents: 3_000 },
      { creditor: 'CAK', cents: 3_000 },
      { creditor: 'DUO', cents: 6_000 },
    ]);
    expect(perClaim).toEqual([
      { claimId: 'w1', creditor: 'CJIB', cents: 3_000 },
      { claimId: 'c1', creditor: 'CAK', cents: 3_000 },
      { claimId: 'd1', creditor: 'DUO', cents: 6_000 },
    ]);
    expect(surplusCents).toBe(0);
    // More than the oldest CJIB claim holds: the rest goes to the next one.
    const big = allocateArrangementPayment(60_000, claims).perClaim.filter((p) => p.creditor === 'CJIB');
    expect(big).toEqual([
      { claimId: 'w1', creditor: 'CJIB', cents: 10_000 },
      { claimId: 'w2', creditor: 'CJIB', cents: 5_000 },
    ]);
  });

  it('never pays a claim more than it owes, keeps every cent, and reports what is paid beyond all as surplus', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('wahv' as const, 'cak' as const, 'duo' as const),
            outstandingCents: fc.integer({ min: 0, max: 500_000 }),
            dueDate: fc.constantFrom('2026-01-01', '2026-06-01', '2027-01-01'),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 3_000_000 }),
        (rows, amount) => {
          const claims = rows.map((r, i) => ({ ...r, id: `k${i}` }));
          const owed = claims.reduce((sum, c) => sum + c.outstandingCents, 0);
          const { perClaim, perCreditor, surplusCents } = allocateArrangementPayment(amount, claims);
          for (const p of perClaim) {
            expect(p.cents).toBeGreaterThan(0);
            expect(p.cents).toBeLessThanOrEqual(claims.find((c) => c.id === p.claimId)?.outstandingCents ?? 0);
          }
          const allocated = perClaim.reduce((sum, p) => sum + p.cents, 0);
          expect(allocated).toBe(perCreditor.reduce((sum, p) => sum + p.cents, 0));
          expect(allocated).toBe(Math.min(amount, owed));
          expect(surplusCents).toBe(Math.max(0, amount - owed));
        },
      ),
    );
  });

  it('has one payment kenmerk per arrangement', () => {
    expect(arrangementPaymentReference('loket-2b5bc053-e113-4e22-8ce9-2fd2e79bef37')).toBe('BRD2E79BEF37');
    expect(arrangementPaymentReference('6f1c2a9e-0000-4000-8000-000000000001')).toBe('BR0000000001');
  });
});
