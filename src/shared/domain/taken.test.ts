import { describe, expect, it } from 'vitest';
import { daysBetween } from './calendar';
import { daysLeft, missedDeadline, taskDueDate, urgency, weekStart } from './taken';

describe('taken', () => {
  it('counts calendar days across month ends, leap days and the year end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-29', '2026-11-20')).toBe(-9);
  });

  it('gives a due date from the norm, shorter for urgent work', () => {
    expect(taskDueDate('betalingsonmacht', '2026-11-20', 'normaal')).toBe('2026-12-04');
    expect(taskDueDate('betalingsonmacht', '2026-11-20', 'urgent')).toBe('2026-11-25');
    expect(taskDueDate('correspondentie', '2026-12-28', 'normaal')).toBe('2027-01-07');
  });

  it('classifies urgency on each side of its boundaries', () => {
    expect(urgency('2026-11-28', '2026-11-29')).toBe('te_laat');
    expect(urgency('2026-11-29', '2026-11-29')).toBe('vandaag');
    expect(urgency('2026-12-02', '2026-11-29')).toBe('binnenkort');
    expect(urgency('2026-12-03', '2026-11-29')).toBe('op_tijd');
    expect(daysLeft('2026-12-03', '2026-11-29')).toBe(4);
  });

  it('counts a deadline as missed when done late or still open after it, not when done on the day', () => {
    expect(missedDeadline({ status: 'afgerond', dueDate: '2026-11-10', completedOn: '2026-11-10' }, '2026-11-29')).toBe(
      false,
    );
    expect(missedDeadline({ status: 'afgerond', dueDate: '2026-11-10', completedOn: '2026-11-11' }, '2026-11-29')).toBe(
      true,
    );
    expect(missedDeadline({ status: 'open', dueDate: '2026-11-29', completedOn: null }, '2026-11-29')).toBe(false);
    expect(missedDeadline({ status: 'open', dueDate: '2026-11-28', completedOn: null }, '2026-11-29')).toBe(true);
  });

  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });
});
