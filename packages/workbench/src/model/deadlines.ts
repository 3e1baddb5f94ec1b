import { chinaCalendar, daysBetween, dueAfter, type HolidayCalendar } from '@onething/engine';

/** How a deadline stands at a moment, counted in working days on the holiday calendar. */
export interface DeadlineStatus {
  due: string;
  overdue: boolean;
  /** Working days left after today up to the last day of the limit (0: due today). */
  workingDaysLeft: number;
  /** Working days since the last day of the limit passed (0 while not overdue). */
  overdueDays: number;
}

/**
 * Where a deadline stands: how many working days are left, or by how many it is overdue. A
 * deadline is the local midnight after the limit's last day (docs/flows.md), so on that last day
 * the limit is "due today" (0 left).
 * @example deadlineStatus('2026-03-05T16:00:00.000Z', '2026-03-03T02:00:00.000Z') // { overdue: false, workingDaysLeft: 2, … }
 */
export function deadlineStatus(due: string, now: string, calendar: HolidayCalendar = chinaCalendar): DeadlineStatus {
  const lastDay = new Date(Date.parse(due) - 1).toISOString();
  if (Date.parse(now) >= Date.parse(due)) {
    return { due, overdue: true, workingDaysLeft: 0, overdueDays: Math.max(1, daysBetween(calendar, lastDay, now, 'working')) };
  }
  return { due, overdue: false, workingDaysLeft: daysBetween(calendar, now, lastDay, 'working'), overdueDays: 0 };
}

/**
 * The instant `days` working days from now — for the queue's "due within n working days" filter.
 * @example dueWithin(1, '2025-09-30T02:00:00.000Z') // '2025-10-09T16:00:00.000Z' (National Day skipped)
 */
export function dueWithin(days: number, now: string, calendar: HolidayCalendar = chinaCalendar): string {
  return dueAfter(calendar, now, days, 'working').due;
}
