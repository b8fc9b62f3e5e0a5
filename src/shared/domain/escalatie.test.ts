import { describe, expect, it } from 'vitest';
import type { ClaimKind, ClaimPhase } from './claims';
import {
  adviseEscalation,
  aanmaningDueDate,
  gijzelingDays,
  stepsTakenFrom,
  verhogingen,
  vervangendeHechtenisDays,
  type ClaimForEscalation,
  type EscalationStep,
  type PersonSituation,
  voertuigTimeline,
} from './escalatie';
import { escalatieParameterSets } from './parameters/escalatie-parameters';

const p = escalatieParameterSets[0];
if (!p) throw new Error('no parameter set');
const today = '2026-11-29';

const claim = (overrides: Partial<ClaimForEscalation> = {}): ClaimForEscalation => ({
  kind: 'wahv',
  phase: 'tweede_aanmaning',
  outstandingCents: 90000,
  finalDate: '2025-06-01',
  verhaalFailed: true,
  hasDrivingLicence: true,
  vehicle: 'eigen',
  ...overrides,
});
const calm: PersonSituation = {
  arrangementRunning: false,
  arrangementAgreed: false,
  noodstopUntil: null,
  moratorium: false,
  betalingsonmacht: 'geen',
  deceased: false,
};
const advise = (c: Partial<ClaimForEscalation> = {}, s: Partial<PersonSituation> = {}, day = today) =>
  adviseEscalation(claim(c), { ...calm, ...s }, day);
const allowedSteps = (c: Partial<ClaimForEscalation> = {}, s: Partial<PersonSituation> = {}, day = today) =>
  advise(c, s, day).allowed.map((a) => a.step);
const reasonsFor = (stepName: EscalationStep, c: Partial<ClaimForEscalation> = {}, s: Partial<PersonSituation> = {}) =>
  advise(c, s)
    .blocked.find((b) => b.step === stepName)
    ?.reasons.join(' ') ?? '';

describe('verhogingen — worked examples of docs/regels.md, Escalation', () => {
  it('Wahv: € 300 → € 450 → € 900 (three times the fine)', () => {
    const v = verhogingen('wahv', 30000, today);
    expect([v.totalAfterFirstCents, v.totalAfterSecondCents]).toEqual([45000, 90000]);
  });

  it('schadevergoedingsmaatregel: € 200 → € 220 → € 264 (20 % = € 44, above the € 40 minimum)', () => {
    const v = verhogingen('schadevergoedingsmaatregel', 20000, today);
    expect([v.totalAfterFirstCents, v.totalAfterSecondCents]).toEqual([22000, 26400]);
  });

  it('strafbeschikking: the € 40 minimum applies below € 200 after the first increase', () => {
    expect(verhogingen('strafbeschikking', 10000, today).secondCents).toBe(4000); // 20 % of 120 = 24 < 40
    expect(verhogingen('strafbeschikking', 18000, today).secondCents).toBe(4000); // 20 % of 200 = 40
    expect(verhogingen('strafbeschikking', 18005, today).secondCents).toBe(4001); // 20 % of 200,05 = 40,01
  });

  it('geldboetevonnis uses the newer (inferred) amounts and says they are unconfirmed', () => {
    const v = verhogingen('geldboetevonnis', 50000, today);
    expect([v.firstCents, v.secondCents]).toEqual([2000, 10400]);
    expect(v.trace.every((s) => s.unconfirmed)).toBe(true);
  });

  it('partner claims get no increase', () => {
    expect(verhogingen('duo', 50000, today).totalAfterSecondCents).toBe(50000);
  });

  it('an aanmaning is due four weeks after it is sent, across a year end', () => {
    expect(aanmaningDueDate('2026-12-15')).toBe('2027-01-12');
  });
});

describe('durations of coercive measures', () => {
  it.each([
    [1, 1],
    [5000, 1],
    [5001, 2],
    [34999, 7],
    [35000, 7],
    [1_000_000, 7],
  ])('gijzeling for %i cents: %i days (1 per € 50, at most 7)', (cents, days) =>
    expect(gijzelingDays(cents, p)).toBe(days),
  );

  it.each([
    [2500, 1],
    [2501, 2],
    [912_500, 365],
    [912_501, 365],
  ])('vervangende hechtenis for %i cents: %i days (1 per € 25, at most a year)', (cents, days) =>
    expect(vervangendeHechtenisDays(cents, p)).toBe(days),
  );

  it('uses the days fixed in the judgment when known', () => {
    const advice = advise({ kind: 'geldboetevonnis', phase: 'deurwaarder', judgmentDays: 12 });
    expect(advice.allowed.find((a) => a.step === 'vervangende_hechtenis')?.duration).toEqual({ days: 12 });
  });
});

describe('the life of each claim kind, phase by phase', () => {
  it.each<[ClaimKind, ClaimPhase, EscalationStep | null]>([
    ['wahv', 'beschikking', 'eerste_aanmaning'],
    ['wahv', 'eerste_aanmaning', 'tweede_aanmaning'],
    ['wahv', 'tweede_aanmaning', 'verhaal_zonder_dwangbevel'],
    ['wahv', 'verhaal', 'dwangbevel_deurwaarder'], // verhaal was taken: the next step, never the same
    ['wahv', 'dwangmiddel', 'verhaal_zonder_dwangbevel'],
    ['strafbeschikking', 'beschikking', 'eerste_aanmaning'],
    ['strafbeschikking', 'tweede_aanmaning', 'dwangbevel_deurwaarder'],
    ['geldboetevonnis', 'eerste_aanmaning', 'tweede_aanmaning'],
    ['geldboetevonnis', 'tweede_aanmaning', 'dwangbevel_deurwaarder'],
    ['schadevergoedingsmaatregel', 'tweede_aanmaning', 'dwangbevel_deurwaarder'],
    ['wahv', 'betaald', null],
    ['wahv', 'gestopt', null],
    ['cak', 'tweede_aanmaning', null],
    ['duo', 'beschikking', null],
  ])('%s in phase %s → recommended %s', (kind, phase, expected) => {
    expect(advise({ kind, phase }).recommended).toBe(expected);
  });

  it('never offers vervangende hechtenis for a strafbeschikking, nor gijzeling for a court fine', () => {
    expect(allowedSteps({ kind: 'strafbeschikking', phase: 'deurwaarder' })).not.toContain('vervangende_hechtenis');
    expect(allowedSteps({ kind: 'geldboetevonnis', phase: 'deurwaarder' })).not.toContain('gijzeling');
    expect(allowedSteps({ kind: 'schadevergoedingsmaatregel', phase: 'deurwaarder' })).toContain(
      'vervangende_hechtenis',
    );
  });

  it('cannot skip the aanmaningen', () => {
    expect(allowedSteps({ phase: 'beschikking' })).toEqual(['eerste_aanmaning']);
    expect(reasonsFor('dwangbevel_deurwaarder', { phase: 'eerste_aanmaning' })).toMatch(/tweede aanmaning/);
  });
});

describe('blockers', () => {
  const heavy = { phase: 'deurwaarder' as const };

  it('a claim in the phase regeling is under an arrangement: no new step either', () => {
    expect(allowedSteps({ phase: 'regeling' })).toEqual([]);
    expect(advise({ phase: 'regeling' }).recommended).toBeNull();
  });

  it('a running arrangement blocks every new step', () => {
    expect(allowedSteps(heavy, { arrangementRunning: true })).toEqual([]);
    expect(reasonsFor('gijzeling', heavy, { arrangementRunning: true })).toMatch(/betalingsregeling/);
  });

  it('noodstop blocks until and including its last day', () => {
    expect(allowedSteps(heavy, { noodstopUntil: '2026-11-29' })).toEqual([]);
    expect(allowedSteps(heavy, { noodstopUntil: '2026-11-28' })).not.toEqual([]);
  });

  it('a moratorium and death block everything', () => {
    expect(allowedSteps(heavy, { moratorium: true })).toEqual([]);
    expect(allowedSteps(heavy, { deceased: true })).toEqual([]);
  });

  it('an open betalingsonmacht assessment blocks every dwangmiddel but not verhaal', () => {
    const steps = allowedSteps(heavy, { betalingsonmacht: 'in_beoordeling' });
    expect(steps).toContain('verhaal_zonder_dwangbevel');
    expect(
      steps.filter((s) => ['gijzeling', 'rijbewijsinneming', 'buitengebruikstelling_voertuig'].includes(s)),
    ).toEqual([]);
  });

  it('established betalingsonmacht blocks gijzeling, whatever else is possible', () => {
    for (const c of [
      heavy,
      { ...heavy, hasDrivingLicence: false, vehicle: 'geen' as const },
      { kind: 'strafbeschikking' as const, ...heavy },
    ]) {
      const advice = advise(c, { betalingsonmacht: 'vastgesteld' });
      expect(advice.allowed.map((a) => a.step)).not.toContain('gijzeling');
      expect(advice.recommended).not.toBe('gijzeling');
      expect(reasonsFor('gijzeling', c, { betalingsonmacht: 'vastgesteld' })).toMatch(
        /Betalingsonmacht is vastgesteld/,
      );
    }
  });

  it('prefers a lighter measure: gijzeling only when licence and vehicle are not possible', () => {
    expect(reasonsFor('gijzeling', heavy)).toMatch(/lichter dwangmiddel/);
    expect(allowedSteps({ ...heavy, hasDrivingLicence: false, vehicle: 'geen' })).toContain('gijzeling');
  });

  it('never immobilises a third party’s vehicle', () => {
    expect(reasonsFor('buitengebruikstelling_voertuig', { ...heavy, vehicle: 'van_derde' })).toMatch(/van een derde/);
  });

  it('dwangmiddelen on a Wahv fine only after verhaal failed', () => {
    expect(allowedSteps({ ...heavy, verhaalFailed: false })).not.toContain('rijbewijsinneming');
  });

  it('gijzeling, licence and vehicle measures need the team lead', () => {
    const advice = advise({ ...heavy, hasDrivingLicence: true, vehicle: 'eigen' });
    expect(advice.allowed.find((a) => a.step === 'rijbewijsinneming')).toMatchObject({
      requiresApproval: true,
      duration: { weeks: 4 },
    });
    expect(advice.allowed.find((a) => a.step === 'verhaal_zonder_dwangbevel')?.requiresApproval).toBe(false);
  });
});

describe('terms, on both sides of each boundary', () => {
  const final = '2023-11-29';
  it('verhaal ends 3 years after the claim became final, 4 with an arrangement', () => {
    expect(allowedSteps({ finalDate: final, phase: 'verhaal' }, {}, '2026-11-28')).toContain('dwangbevel_deurwaarder');
    expect(allowedSteps({ finalDate: final, phase: 'verhaal' }, {}, '2026-11-29')).not.toContain(
      'dwangbevel_deurwaarder',
    );
    expect(allowedSteps({ finalDate: final, phase: 'verhaal' }, { arrangementAgreed: true }, '2027-11-28')).toContain(
      'dwangbevel_deurwaarder',
    );
    expect(
      allowedSteps({ finalDate: final, phase: 'verhaal' }, { arrangementAgreed: true }, '2027-11-29'),
    ).not.toContain('dwangbevel_deurwaarder');
  });

  it('dwangmiddelen end 5 years after, 6 with an arrangement', () => {
    const c = { finalDate: '2021-11-29', phase: 'deurwaarder' as const, hasDrivingLicence: true };
    expect(allowedSteps(c, {}, '2026-11-28')).toContain('rijbewijsinneming');
    expect(allowedSteps(c, {}, '2026-11-29')).not.toContain('rijbewijsinneming');
    expect(allowedSteps(c, { arrangementAgreed: true }, '2027-11-28')).toContain('rijbewijsinneming');
    expect(allowedSteps(c, { arrangementAgreed: true }, '2027-11-29')).not.toContain('rijbewijsinneming');
  });
});

describe('every advice explains itself in Dutch', () => {
  it('names the recommended step and each blocked one with its reason', () => {
    const advice = advise({ phase: 'deurwaarder' }, { betalingsonmacht: 'vastgesteld' });
    const text = advice.trace.map((s) => s.text).join('\n');
    expect(text).toMatch(/Advies: verhaal zonder dwangbevel/);
    expect(text).toMatch(/Niet toegestaan: gijzeling — .*Betalingsonmacht is vastgesteld/);
    expect(advice.parameterSet).toBe('escalatie-2026-07');
  });
});

describe('the person’s status from the BRP and the courts', () => {
  it('death stops every step; a moratorium blocks until and including its last day', async () => {
    const { situationFromDecisions } = await import('./escalatie-situatie');
    const deceased = situationFromDecisions([], { deceasedOn: '2026-10-01', moratoriumUntil: null }, today);
    expect(adviseEscalation(claim({ phase: 'deurwaarder' }), deceased, today).allowed).toEqual([]);
    const moratorium = (day: string) =>
      situationFromDecisions([], { deceasedOn: null, moratoriumUntil: '2026-11-29' }, day);
    expect(adviseEscalation(claim({ phase: 'deurwaarder' }), moratorium('2026-11-29'), '2026-11-29').allowed).toEqual(
      [],
    );
    expect(
      adviseEscalation(claim({ phase: 'deurwaarder' }), moratorium('2026-11-30'), '2026-11-30').allowed,
    ).not.toEqual([]);
  });
});

describe('voertuigTimeline (4 weeks out of use, abandoned after 12 weeks)', () => {
  it('moves from out of use to collect to abandoned on the exact days', () => {
    const on = '2026-01-05';
    expect(voertuigTimeline(on, '2026-02-01').state).toBe('buiten_gebruik'); // day 27
    expect(voertuigTimeline(on, '2026-02-02')).toMatchObject({ state: 'op_te_halen', releasedOn: '2026-02-02' });
    expect(voertuigTimeline(on, '2026-03-29').state).toBe('op_te_halen'); // day 83
    expect(voertuigTimeline(on, '2026-03-30')).toMatchObject({ state: 'achtergelaten', abandonedOn: '2026-03-30' });
    expect(voertuigTimeline(on, '2026-03-30').text).toContain('30-03-2026');
  });

  it('counts across a leap day', () => {
    expect(voertuigTimeline('2028-02-10', '2028-02-10').releasedOn).toBe('2028-03-09');
    expect(voertuigTimeline('2028-02-10', '2028-02-10').abandonedOn).toBe('2028-05-04');
  });
});

describe('a step moves the claim on: never the same step twice', () => {
  it('after verhaal zonder dwangbevel the advice no longer offers it, but the next steps', () => {
    expect(advise({ phase: 'tweede_aanmaning' }).recommended).toBe('verhaal_zonder_dwangbevel');
    const after = advise({ phase: 'verhaal' });
    expect(after.recommended).not.toBe('verhaal_zonder_dwangbevel');
    expect(reasonsFor('verhaal_zonder_dwangbevel', { phase: 'verhaal' })).toContain(
      'Deze stap is al gezet of wacht op goedkeuring.',
    );
    expect(reasonsFor('dwangbevel_deurwaarder', { phase: 'deurwaarder' })).toContain(
      'Deze stap is al gezet of wacht op goedkeuring.',
    );
  });

  it('a step recorded or waiting for the team lead is blocked; a rejected one or a waiver is not', () => {
    const c = {
      phase: 'deurwaarder' as const,
      verhaalFailed: true,
      hasDrivingLicence: false,
      vehicle: 'geen' as const,
    };
    expect(allowedSteps(c)).toContain('gijzeling');
    const waiting = stepsTakenFrom([{ step: 'gijzeling', status: 'ter_goedkeuring' }]);
    expect(allowedSteps({ ...c, stepsTaken: waiting })).not.toContain('gijzeling');
    const rejected = stepsTakenFrom([
      { step: 'gijzeling', status: 'afgewezen' },
      { step: 'verhoging_kwijtschelden', status: 'vastgelegd' },
    ]);
    expect(rejected).toEqual([]);
    expect(allowedSteps({ ...c, stepsTaken: rejected })).toContain('gijzeling');
  });
});

describe('art. 6:4:2 Sv: the second verhoging is a fifth of what is still owed, at least € 40', () => {
  it.each([
    // kind, original, still owed after the 1st (null: nothing paid), second verhoging, total after
    ['schadevergoedingsmaatregel', 20000, null, 4400, 26400], // docs/regels.md, Escalation: € 200 → € 220 → € 264
    ['schadevergoedingsmaatregel', 20000, 12000, 4000, 16000], // € 100 paid: 20 % of € 120 = € 24 → € 40
    ['strafbeschikking', 50000, 32000, 6400, 38400], // € 200 paid: 20 % of € 320, not of € 520
    ['strafbeschikking', 50000, 52000, 10400, 62400],
    ['geldboetevonnis', 100000, 0, 4000, 4000],
  ] as const)('%s € %i, still owed %s → +%i, total %i', (kind, original, owed, second, total) => {
    const v = verhogingen(kind, original, today, escalatieParameterSets, owed ?? undefined);
    expect(v.secondCents).toBe(second);
    expect(v.totalAfterSecondCents).toBe(total);
    expect(v.trace.find((s) => s.rule === 'verhoging.straf.2')?.source?.label).toMatch(/6:4:2/);
  });

  it('a Wahv fine keeps its own rule: +100 % of fine and first increase, whatever was paid', () => {
    expect(verhogingen('wahv', 30000, today, escalatieParameterSets, 10000).totalAfterSecondCents).toBe(90000);
  });
});

describe('Wahv: the free-reminder pilot from 1 July 2026 (scope and term open)', () => {
  const fresh = { kind: 'wahv' as const, phase: 'beschikking' as const, finalDate: '2026-08-18' };
  it('holds the first aanmaning back two weeks after the due date of a fine due in the pilot, flagged', () => {
    const held = advise({ ...fresh, dueDate: '2026-09-01' }, {}, '2026-09-14');
    expect(held.allowed.map((a) => a.step)).not.toContain('eerste_aanmaning');
    expect(held.trace.find((s) => s.rule === 'wahv.gratis-herinnering')).toMatchObject({
      unconfirmed: true,
      text: expect.stringContaining('15-09-2026'),
    });
    expect(advise({ ...fresh, dueDate: '2026-09-01' }, {}, '2026-09-15').recommended).toBe('eerste_aanmaning');
  });

  it('does not touch a fine due before the pilot, a criminal sanction, or a day before 1 July 2026', () => {
    expect(advise({ ...fresh, dueDate: '2026-06-30' }, {}, '2026-07-03').recommended).toBe('eerste_aanmaning');
    expect(advise({ ...fresh, kind: 'strafbeschikking', dueDate: '2026-09-01' }, {}, '2026-09-02').recommended).toBe(
      'eerste_aanmaning',
    );
    expect(advise({ ...fresh, dueDate: '2026-06-20' }, {}, '2026-06-25').recommended).toBe('eerste_aanmaning');
  });

  it('administratiekosten are a dated parameter: € 9, marked open', () => {
    for (const set of escalatieParameterSets) {
      expect(set.wahvAdministratiekosten).toMatchObject({ value: 900, status: 'open' });
    }
  });
});

describe('the sources a worker can open from the trace', () => {
  it('names the Wahv for its increases and for death, and the Ombudsman for a third party’s vehicle', () => {
    const wahv = verhogingen('wahv', 30000, today, escalatieParameterSets);
    for (const rule of ['verhoging.wahv.1', 'verhoging.wahv.2'])
      expect(wahv.trace.find((s) => s.rule === rule)?.source).toMatchObject({
        label: expect.stringMatching(/Wahv/),
        url: 'https://wetten.overheid.nl/BWBR0004441',
      });
    expect(advise({}, { deceased: true }).trace.find((s) => s.rule === 'blokkade.overleden')?.source?.url).toBe(
      'https://wetten.overheid.nl/BWBR0004441',
    );
    // For a criminal sanction the trace does not claim the Wahv as its source.
    expect(
      advise({ kind: 'strafbeschikking' }, { deceased: true }).trace.find((s) => s.rule === 'blokkade.overleden')
        ?.source,
    ).toBeUndefined();
    expect(
      advise({ vehicle: 'van_derde' }).trace.find((s) => s.rule === 'blokkade.voertuig-derde')?.source?.label,
    ).toMatch(/Nationale ombudsman, rapport 2010\/021/);
  });
});
