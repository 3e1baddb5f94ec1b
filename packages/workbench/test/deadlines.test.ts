import { describe, expect, it } from 'vitest';
import { deadlineStatus, dueWithin } from '../src/model/deadlines.js';

// Deadlines are the local midnight (UTC+8) after a limit's last day: 2025-03-05T16:00Z ends Wednesday 5 March.
const due = '2025-03-05T16:00:00.000Z';

describe('days left on a deadline, in working days', () => {
  it('counts the working days after today up to the last day; on the last day it is due today', () => {
    expect(deadlineStatus(due, '2025-03-03T02:00:00.000Z')).toEqual({ due, overdue: false, workingDaysLeft: 2, overdueDays: 0 });
    expect(deadlineStatus(due, '2025-03-05T01:00:00.000Z')).toMatchObject({ overdue: false, workingDaysLeft: 0 });
  });

  it('is overdue from the next day on, by working days (a weekend adds none)', () => {
    expect(deadlineStatus(due, '2025-03-06T02:00:00.000Z')).toMatchObject({ overdue: true, overdueDays: 1 });
    expect(deadlineStatus('2025-03-07T16:00:00.000Z', '2025-03-09T02:00:00.000Z')).toMatchObject({ overdue: true, overdueDays: 1 }); // Friday's limit, on Sunday
    expect(deadlineStatus('2025-03-07T16:00:00.000Z', '2025-03-11T02:00:00.000Z')).toMatchObject({ overdue: true, overdueDays: 2 });
  });

  it('skips public holidays: on 30 September one working day runs to 9 October', () => {
    expect(dueWithin(1, '2025-09-30T02:00:00.000Z')).toBe('2025-10-09T16:00:00.000Z');
    expect(deadlineStatus('2025-10-09T16:00:00.000Z', '2025-09-30T02:00:00.000Z')).toMatchObject({ workingDaysLeft: 1 });
  });
});
