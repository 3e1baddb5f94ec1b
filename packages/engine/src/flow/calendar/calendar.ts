import type { Text } from '../../text.js';
import { text } from '../../text.js';
import type { HolidayCalendar, HolidayYear } from './types.js';
import cn from './cn.json' with { type: 'json' };

/**
 * Time limits counted in days, the way Chinese administrative law counts them: the day a
 * period starts is not counted (期间开始之日不计算在内); the period ends at the end (local
 * midnight) of its last counted day. Working days skip the weekend and public holidays
 * and count the adjusted working days (调休上班) — all kept as data in a `HolidayCalendar`.
 */

/** The national calendar: State Council holiday notices for the years it lists (see cn.json). */
export const chinaCalendar: HolidayCalendar = cn as HolidayCalendar;

export type DayKind = 'working' | 'calendar';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarIndex {
  holidays: Set<number>;
  workdays: Set<number>;
  weekend: Set<number>;
  /** First and last day number covered by a published year (inclusive); NaN when none. */
  first: number;
  last: number;
  offsetMs: number;
}

const indexes = new WeakMap<HolidayCalendar, CalendarIndex>();

function dateToDay(date: string): number {
  const m = DATE.exec(date);
  if (!m) return NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  // Reject 2025-02-30 and the like: Date.UTC would roll them over.
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return NaN;
  return ms / DAY_MS;
}

function index(calendar: HolidayCalendar): CalendarIndex {
  let idx = indexes.get(calendar);
  if (idx) return idx;
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  let first = NaN;
  let last = NaN;
  for (const year of calendar.years) {
    const start = dateToDay(`${year.year}-01-01`);
    const end = dateToDay(`${year.year}-12-31`);
    if (!(start >= first)) first = start;
    if (!(end <= last)) last = end;
    for (const h of year.holidays) {
      for (let d = dateToDay(h.from), to = dateToDay(h.to); d <= to; d++) holidays.add(d);
    }
    for (const w of year.workdays) workdays.add(dateToDay(w));
  }
  idx = { holidays, workdays, weekend: new Set(calendar.weekend), first, last, offsetMs: calendar.utcOffsetMinutes * 60_000 };
  indexes.set(calendar, idx);
  return idx;
}

/** The calendar day (days since 1970-01-01, local to the calendar) an instant falls on. */
function dayOfInstant(idx: CalendarIndex, instant: number): number {
  return Math.floor((instant + idx.offsetMs) / DAY_MS);
}

function counts(idx: CalendarIndex, day: number, kind: DayKind): boolean {
  if (kind === 'calendar') return true;
  if (idx.holidays.has(day)) return false;
  if (idx.workdays.has(day)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return !idx.weekend.has(weekday);
}

function covered(idx: CalendarIndex, day: number): boolean {
  return day >= idx.first && day <= idx.last;
}

/**
 * Is this date (YYYY-MM-DD) a working day?
 * @example isWorkingDay(chinaCalendar, '2026-02-14') // true — a Saturday worked for the Spring Festival
 */
export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  return counts(index(calendar), dateToDay(date), 'working');
}

/**
 * When a limit of `days` started at `start` runs out: the end (local midnight) of the
 * `days`-th counted day after the start day; `days = 0` ends with the start day. A limit in
 * calendar days whose last day is a rest day or holiday runs to the end of the next working day.
 * `provisional` is true when the count ran through a year the calendar does not publish.
 * @example dueAfter(chinaCalendar, '2025-09-30T02:00:00.000Z', 1, 'working')
 * // { due: '2025-10-09T16:00:00.000Z', provisional: false } — the National Day holiday is skipped
 */
export function dueAfter(
  calendar: HolidayCalendar,
  start: string,
  days: number,
  kind: DayKind,
): { due: string; provisional: boolean } {
  const idx = index(calendar);
  let day = dayOfInstant(idx, Date.parse(start));
  let provisional = kind === 'working' && !covered(idx, day);
  const total = Math.max(0, Math.floor(days));
  for (let left = total; left > 0; ) {
    day++;
    if (kind === 'working' && !covered(idx, day)) provisional = true;
    if (counts(idx, day, kind)) left--;
  }
  // A period whose last day is a rest day or holiday ends on the next working day
  // (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日 — Civil Code art. 203).
  if (kind === 'calendar' && total > 0) {
    while (!counts(idx, day, 'working')) day++;
    if (!covered(idx, day)) provisional = true;
  }
  return { due: new Date((day + 1) * DAY_MS - idx.offsetMs).toISOString(), provisional };
}

/**
 * How many counted days passed from `from` to `to`: the days after `from`'s day up to and
 * including `to`'s day (0 within one day, never negative).
 * @example daysBetween(chinaCalendar, '2025-01-24T01:00:00Z', '2025-02-05T01:00:00Z', 'working') // 3: Jan 26 (a Sunday worked), Jan 27, Feb 5
 */
export function daysBetween(calendar: HolidayCalendar, from: string, to: string, kind: DayKind): number {
  const idx = index(calendar);
  const a = dayOfInstant(idx, Date.parse(from));
  const b = dayOfInstant(idx, Date.parse(to));
  if (!(b > a)) return 0;
  if (kind === 'calendar') return b - a;
  let n = 0;
  for (let d = a + 1; d <= b; d++) if (counts(idx, d, kind)) n++;
  return n;
}

/**
 * Problems with a calendar given as data (empty when it is usable): malformed dates,
 * ranges out of order, dates outside their year, adjusted working days that are not weekend days.
 * @example checkCalendar(chinaCalendar) // []
 */
export function checkCalendar(calendar: HolidayCalendar): Text[] {
  const problems: Text[] = [];
  // A calendar is data a region passes in: check its shape before reading it.
  const c = calendar as unknown as Record<string, unknown> | null;
  if (typeof c !== 'object' || c === null) return [text('日历必须是对象', 'A calendar is an object')];
  if (!Number.isInteger(c.utcOffsetMinutes) || Math.abs(c.utcOffsetMinutes as number) > 14 * 60) {
    problems.push(text('utcOffsetMinutes 必须是 -840 到 840 之间的整数', 'utcOffsetMinutes must be an integer between -840 and 840'));
  }
  if (!Array.isArray(c.weekend) || c.weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    problems.push(text('weekend 必须是 0（周日）到 6（周六）的数组', 'weekend must be an array of 0 (Sunday) … 6 (Saturday)'));
    return problems;
  }
  if (!Array.isArray(c.years)) return [...problems, text('years 必须是数组', 'years must be an array')];
  for (const year of c.years as unknown[]) {
    const y = year as Partial<HolidayYear> | null;
    if (typeof y !== 'object' || y === null || !Number.isInteger(y.year) || !Array.isArray(y.holidays) || !Array.isArray(y.workdays)) {
      problems.push(text('每一年须有整数 year 及 holidays、workdays 数组', 'Every year needs an integer year and holidays and workdays arrays'));
      continue;
    }
    const inYear = (date: unknown) => typeof date === 'string' && date.startsWith(`${y.year}-`) && !Number.isNaN(dateToDay(date));
    for (const h of y.holidays) {
      if (typeof h !== 'object' || h === null || !inYear(h.from) || !inYear(h.to) || dateToDay(h.from) > dateToDay(h.to)) {
        problems.push(text(`${y.year} 年的假期 ${h?.from}–${h?.to} 日期无效`, `Holiday ${h?.from}–${h?.to} of ${y.year} has invalid dates`));
      }
    }
    for (const w of y.workdays) {
      const day = typeof w === 'string' ? dateToDay(w) : NaN;
      const weekday = (((day + 4) % 7) + 7) % 7;
      if (!inYear(w) || !(c.weekend as number[]).includes(weekday)) {
        problems.push(text(`${y.year} 年的调休上班日 ${w} 不是该年的周末日`, `Adjusted working day ${w} is not a weekend day of ${y.year}`));
      }
    }
  }
  return problems;
}
