import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkStandardArrangement,
  generatePlan,
  generatePlanForInstalment,
  maxMonthsFor,
  proposeArrangement,
  type OpenClaim,
  type StandardCheckInput,
  arrangementStanding,
} from './betalingsregeling';
import { addMonths, isValidIsoDate, monthsBetween } from './calendar';
import { regelingParameterSets } from './parameters/regeling-parameters';

const parameters = regelingParameterSets[0];
if (!parameters) throw new Error('no parameter set');

const claim = (outstandingCents: number, extra: Partial<OpenClaim> = {}): OpenClaim => ({
  id: `c${outstandingCents}`,
  outstandingCents,
  administratiekostenCents: 900,
  outsideArrangement: false,
  ...extra,
});

const check = (overrides: Partial<StandardCheckInput>) =>
  checkStandardArrangement({
    peildatum: '2026-03-01',
    claims: [claim(50000)],
    deurwaarderInvolved: false,
    dwangmiddelInProgress: false,
    previousArrangements: [],
    ...overrides,
  });

describe('standard arrangement conditions (docs/regels.md, Payment arrangements, Standard arrangement)', () => {
  it('needs at least € 75,00 outstanding: € 74,99 is refused, € 75,00 accepted', () => {
    expect(check({ claims: [claim(7499)] }).value.eligible).toBe(false);
    expect(check({ claims: [claim(7499)] }).value.refusals[0]).toMatch(/lager dan €\s75,00/);
    expect(check({ claims: [claim(7500)] }).value.eligible).toBe(true);
  });

  it('counts the threshold without administratiekosten, but collects them', () => {
    const result = check({ claims: [claim(7400, { administratiekostenCents: 900 })] });
    expect(result.value).toMatchObject({ eligible: false, outstandingCents: 7400, totalCents: 8300 });
  });

  it('takes all open CJIB claims together and leaves partner claims out', () => {
    const result = check({
      claims: [
        claim(4000),
        claim(4000, { id: 'b' }),
        claim(900000, { id: 'duo', outsideArrangement: true }),
        claim(0, { id: 'paid' }),
      ],
    });
    expect(result.value).toMatchObject({ eligible: true, outstandingCents: 8000, maxMonths: 3 });
  });

  it('refuses once a deurwaarder has the case or a dwangmiddel runs', () => {
    expect(check({ deurwaarderInvolved: true }).value.refusals).toEqual([
      'De deurwaarder heeft de zaak al in behandeling.',
    ]);
    expect(check({ dwangmiddelInProgress: true }).value.refusals).toEqual(['Er wordt al een dwangmiddel toegepast.']);
  });

  it('allows a second arrangement within 12 months only after an exactly honoured one', () => {
    const broken = { endedOn: '2025-03-01', honouredExactly: false };
    expect(check({ peildatum: '2026-02-28', previousArrangements: [broken] }).value.eligible).toBe(false);
    expect(check({ peildatum: '2026-03-01', previousArrangements: [broken] }).value.eligible).toBe(true);
    expect(
      check({ peildatum: '2025-09-01', previousArrangements: [{ ...broken, honouredExactly: true }] }).value.eligible,
    ).toBe(true);
  });
});

describe('term table, both sides of every edge', () => {
  it.each([
    [7500, 3],
    [11999, 3],
    [12000, 6],
    [29999, 6],
    [30000, 9],
    [44999, 9],
    [45000, 12],
    [124999, 12],
    [125000, 18],
    [199999, 18],
    [200000, 24],
    [299999, 24],
    [300000, 30],
    [399999, 30],
    [400000, 36],
    [10_000_000, 36],
  ])('%i cents → at most %i months', (cents, months) => {
    expect(maxMonthsFor(cents, parameters)).toBe(months);
  });
});

describe('plan generator', () => {
  it('splits in whole cents that add up exactly, the last instalment absorbing the rest', () => {
    const plan = generatePlan(10000, 3, '2026-01-15');
    expect(plan.map((i) => i.amountCents)).toEqual([3333, 3333, 3334]);
    expect(plan.map((i) => i.dueDate)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
  });

  it('keeps the anchor day across short months and leap years', () => {
    expect(generatePlan(600, 6, '2024-01-31').map((i) => i.dueDate)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
    ]);
    expect(generatePlan(300, 3, '2025-12-31').map((i) => i.dueDate)).toEqual([
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
    ]);
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
  });

  it('counts whole months between dates at month ends', () => {
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(monthsBetween('2025-03-01', '2026-02-28')).toBe(11);
    expect(monthsBetween('2025-03-01', '2026-03-01')).toBe(12);
  });

  it('always adds up, never has a zero or negative instalment, and gives valid dates (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (total, months, start) => {
          const plan = generatePlan(total, months, start.toISOString().slice(0, 10));
          expect(plan.reduce((s, i) => s + i.amountCents, 0)).toBe(total);
          expect(plan.length).toBeLessThanOrEqual(months);
          expect(
            plan.every((i) => i.amountCents > 0 && Number.isInteger(i.amountCents) && isValidIsoDate(i.dueDate)),
          ).toBe(true);
          const last = plan.at(-1)?.amountCents ?? 0;
          expect(plan.every((i) => i.amountCents <= last)).toBe(true);
        },
      ),
    );
  });

  it('a tailored plan never asks more than the capacity in any month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (capacity, months, fraction) => {
          const total = (months - 1) * capacity + 1 + Math.floor(fraction * (capacity - 1));
          const plan = generatePlanForInstalment(total, capacity, '2026-01-31');
          expect(plan).toHaveLength(months);
          expect(plan.reduce((s, i) => s + i.amountCents, 0)).toBe(total);
          expect(plan.every((i) => i.amountCents > 0 && i.amountCents <= capacity)).toBe(true);
        },
      ),
    );
  });

  it('refuses amounts that are not whole positive cents', () => {
    expect(() => generatePlan(0, 3, '2026-01-01')).toThrow(RangeError);
    expect(() => generatePlan(100.5, 3, '2026-01-01')).toThrow(RangeError);
    expect(() => generatePlan(100, 0, '2026-01-01')).toThrow(RangeError);
  });
});

describe('arrangement proposal from repayment capacity (docs/regels.md, Payment arrangements, Persoonlijke betalingsregeling)', () => {
  const propose = (
    totalCents: number,
    afloscapaciteitCents: number,
    standardMaxMonths = maxMonthsFor(totalCents, parameters),
  ) => proposeArrangement({ peildatum: '2026-03-01', totalCents, standardMaxMonths, afloscapaciteitCents }).value;

  it('offers the standard arrangement when its instalment fits the capacity', () => {
    expect(propose(60000, 6727)).toEqual({ kind: 'standaard', months: 12, instalmentCents: 5000 });
  });

  it('offers a tailored arrangement paying the capacity, longer than standard, for approval', () => {
    expect(propose(100000, 6727)).toEqual({
      kind: 'persoonlijk',
      months: 15,
      instalmentCents: 6727,
      belowStandardTerms: true,
    });
  });

  it('cannot clear in 36 months: noodstop or schuldhulpverlening by a second person', () => {
    expect(propose(300000, 6727).kind).toBe('niet_aflosbaar'); // 45 months needed
    expect(propose(242172, 6727).kind).toBe('persoonlijk'); // exactly 36 × 6.727
    expect(propose(242173, 6727).kind).toBe('niet_aflosbaar');
    expect(propose(10000, 0).kind).toBe('niet_aflosbaar');
  });

  it('proposes nothing, and does not fail, when nothing is outstanding', () => {
    expect(propose(0, 6727)).toEqual({ kind: 'niets_open', months: null, instalmentCents: 0 });
  });

  it('limits standard terms by the (unconfirmed) minimum instalment and flags it', () => {
    const result = proposeArrangement({
      peildatum: '2026-03-01',
      totalCents: 8000,
      standardMaxMonths: 3,
      afloscapaciteitCents: 100000,
    });
    expect(result.value).toEqual({ kind: 'standaard', months: 3, instalmentCents: 2668 }); // 2.666 + 2.666 + 2.668
    const small = proposeArrangement({
      peildatum: '2026-03-01',
      totalCents: 7500,
      standardMaxMonths: 3,
      afloscapaciteitCents: 100000,
    });
    expect(small.value).toEqual({ kind: 'standaard', months: 3, instalmentCents: 2500 });
    const capped = proposeArrangement({
      peildatum: '2026-03-01',
      totalCents: 12000,
      standardMaxMonths: 6,
      afloscapaciteitCents: 100000,
    });
    expect(capped.value).toMatchObject({ months: 4 });
    expect(capped.trace.some((s) => s.rule === 'regeling.minimum-termijn' && s.unconfirmed)).toBe(true);
  });
});

describe('arrangementStanding (is a running arrangement being kept to?)', () => {
  const plan = [
    { dueDate: '2026-10-01', amountCents: 5000 },
    { dueDate: '2026-11-01', amountCents: 5000 },
    { dueDate: '2026-12-01', amountCents: 5000 },
  ];

  it('counts only instalments due up to and including today', () => {
    expect(arrangementStanding(plan, 10000, '2026-11-01')).toEqual({
      dueCents: 10000,
      paidCents: 10000,
      behindCents: 0,
      honoured: true,
    });
    expect(arrangementStanding(plan, 10000, '2026-10-31').honoured).toBe(true);
  });

  it('is not honoured from the first cent behind on a due date, and paying ahead keeps it honoured', () => {
    expect(arrangementStanding(plan, 9999, '2026-11-01')).toMatchObject({ behindCents: 1, honoured: false });
    expect(arrangementStanding(plan, 15000, '2026-11-15')).toMatchObject({ behindCents: 0, honoured: true });
    expect(arrangementStanding([], 0, '2026-11-15').honoured).toBe(true);
  });
});
