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

  it('applies the rules in force when the judgment became final: before 2016 only violent and sexual offences, without a cap', () => {
    const old = voorschot({ ...base, judgmentFinalDate: '2015-12-31' });
    expect(old).toMatchObject({ eligible: false, advanceCents: 0 });
    // cjib.nl, Voorschotregeling: "sinds 2011 … geweld- of zedenmisdrijf"; others from 2016.
    expect(old.trace.find((s) => s.rule === 'voorschot.niet-gedekt')?.unconfirmed).toBeUndefined();
    expect(old.trace.find((s) => s.rule === 'voorschot.niet-gedekt')).toMatchObject({
      text: expect.stringMatching(/vóór 01-01-2016 .* alleen voor geweldsmisdrijven en zedenmisdrijven/),
    });
    const violent = voorschot({ ...base, judgmentFinalDate: '2015-12-31', offenceCategory: 'geweld' });
    expect(violent).toMatchObject({ eligible: true, advanceCents: 650000, capApplied: false });
    // From the first day of 2016 every offence is covered, with the cap for the others.
    expect(voorschot({ ...base, judgmentFinalDate: '2016-01-01' })).toMatchObject({
      eligible: true,
      advanceCents: 500000,
      capApplied: true,
    });
    const ancient = voorschot({ ...base, judgmentFinalDate: '2009-05-01', offenceCategory: 'zeden' });
    expect(ancient).toMatchObject({ eligible: false });
    expect(ancient.trace.at(-1)?.rule).toBe('voorschot.geen-regeling');
  });

  it('from 2016 lifts the cap for a violent offence only as the Besluit lists it: flagged, with the article', () => {
    const violent = voorschot({ ...base, judgmentFinalDate: '2020-03-01', offenceCategory: 'geweld' });
    expect(violent).toMatchObject({ eligible: true, advanceCents: 650000, capApplied: false });
    expect(violent.trace.find((s) => s.rule === 'voorschot.onbegrensd')).toMatchObject({
      unconfirmed: true,
      text: expect.stringMatching(/mits het feit in de lijst van art\. 4:14 lid 2 .* geldt €\s5\.000,00/),
      source: { label: 'art. 4:14 Besluit tenuitvoerlegging strafrechtelijke beslissingen' },
    });
  });

  it('chooses the rules by the judgment date, not by today', () => {
    // A 2015 judgment assessed today still falls under the rules of 2015.
    const assessedLater = voorschot({ ...base, judgmentFinalDate: '2015-06-30', today: '2030-01-01' });
    expect(assessedLater.eligible).toBe(false);
  });
});
