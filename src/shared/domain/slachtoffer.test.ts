import { describe, expect, it } from 'vitest';
import { isLate, needsNotificationTask, notificationDeadline, voorschot, type VoorschotInput } from './slachtoffer';

describe('notification deadlines', () => {
  it.each([
    // event on a Wednesday: the Wednesday before
    ['2026-12-16', '2026-12-01', '2026-12-09'],
    // a week before is a Saturday → Friday
    ['2026-12-19', '2026-12-01', '2026-12-11'],
    // a week before is a Sunday → Friday
    ['2026-12-20', '2026-12-01', '2026-12-11'],
    // a week before is a Monday: stays Monday
    ['2026-12-21', '2026-12-01', '2026-12-14'],
    // across the year end
    ['2027-01-04', '2026-12-01', '2026-12-28'],
  ])('leave on %s reported %s: inform by %s', (eventDate, reportedOn, deadline) => {
    const result = notificationDeadline({ kind: 'langdurend_reintegratieverlof', eventDate, reportedOn });
    expect(result.deadline).toBe(deadline);
    expect(result.urgent).toBe(false);
  });

  it('an escape is urgent: inform the same day it is reported', () => {
    expect(
      notificationDeadline({ kind: 'ontvluchting', eventDate: '2026-11-28', reportedOn: '2026-11-29' }),
    ).toMatchObject({ deadline: '2026-11-29', urgent: true });
  });

  it('an event reported less than a week ahead is urgent too', () => {
    expect(
      notificationDeadline({ kind: 'invrijheidstelling', eventDate: '2026-12-03', reportedOn: '2026-11-30' }),
    ).toMatchObject({ deadline: '2026-11-30', urgent: true });
  });

  it('flags a notification after the deadline as late, and one on the day as on time', () => {
    expect(isLate('2026-12-09', '2026-12-09')).toBe(false);
    expect(isLate('2026-12-09', '2026-12-10')).toBe(true);
  });

  it('gives no task to a victim who opted out or no longer wants information', () => {
    expect(needsNotificationTask({ optedIn: true, wantsInformation: true })).toBe(true);
    expect(needsNotificationTask({ optedIn: false, wantsInformation: true })).toBe(false);
    expect(needsNotificationTask({ optedIn: true, wantsInformation: false })).toBe(false);
  });
});

describe('voorschotregeling at every boundary', () => {
  const base: VoorschotInput = {
    judgmentFinalDate: '2026-01-31',
    orderedCents: 800000,
    receivedFromOffenderCents: 100000,
    schadefondsCents: 50000,
    offenceCategory: 'vermogen',
    victimIsNaturalPerson: true,
    today: '2026-11-29',
  };

  it('starts 8 months after the judgment became final (31 January + 8 months = 30 September)', () => {
    expect(voorschot({ ...base, today: '2026-09-29' })).toMatchObject({
      eligibleFrom: '2026-09-30',
      eligible: false,
      advanceCents: 0,
    });
    expect(voorschot({ ...base, today: '2026-09-30' }).eligible).toBe(true);
  });

  it('advances the remainder minus what was received and the Schadefonds paid', () => {
    expect(voorschot({ ...base, orderedCents: 300000 })).toMatchObject({
      remainderCents: 150000,
      advanceCents: 150000,
      capApplied: false,
    });
  });

  it('caps at € 5.000 for other offences: 4.999,99 / 5.000,00 / 5.000,01', () => {
    const remainder = (cents: number) => voorschot({ ...base, orderedCents: cents + 150000 });
    expect(remainder(499999)).toMatchObject({ advanceCents: 499999, capApplied: false });
    expect(remainder(500000)).toMatchObject({ advanceCents: 500000, capApplied: false });
    expect(remainder(500001)).toMatchObject({ advanceCents: 500000, capApplied: true });
  });

  it('has no cap for violent and sexual offences', () => {
    expect(voorschot({ ...base, offenceCategory: 'geweld' })).toMatchObject({
      advanceCents: 650000,
      capApplied: false,
    });
    expect(voorschot({ ...base, offenceCategory: 'zeden' }).advanceCents).toBe(650000);
  });

  it('is for natural persons only, and nothing when all was received', () => {
    expect(voorschot({ ...base, victimIsNaturalPerson: false })).toMatchObject({ eligible: false, advanceCents: 0 });
    expect(voorschot({ ...base, receivedFromOffenderCents: 750000 })).toMatchObject({
      eligible: false,
      remainderCents: 0,
    });
  });

  it('flags the cap on a judgment from before 2016 as unconfirmed', () => {
    const old = voorschot({ ...base, judgmentFinalDate: '2015-06-30' });
    expect(old.capApplied).toBe(true);
    expect(old.trace.some((s) => s.rule === 'voorschot.maximum' && s.unconfirmed)).toBe(true);
  });
});
