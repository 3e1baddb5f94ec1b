/**
 * Calendar dates as day numbers (days since 1970-01-01), for the date operators. Pure: the
 * current date always comes from the caller (`EvaluateOptions.now`).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const MS_PER_DAY = 86_400_000;
/** Day numbers the formatter round-trips: years 0000–9999. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * The day number of a `YYYY-MM-DD` date or of the calendar date an RFC 3339 date-time is written in;
 * `null` for anything else or an impossible date (`2023-02-29`).
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || date < 1 || date > 31) return null;
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  check.setUTCFullYear(year, month - 1, date);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return Math.round(check.getTime() / MS_PER_DAY);
}

/**
 * A day number as `[year, month, date]`; `null` outside years 0000–9999.
 * @example dateParts(1) // [1970, 1, 2]
 */
export function dateParts(day: number): [number, number, number] | null {
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY) return null;
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * A day number as `YYYY-MM-DD`; `null` outside years 0000–9999.
 * @example formatDay(1) // '1970-01-02'
 */
export function formatDay(day: number): string | null {
  const parts = dateParts(day);
  if (!parts) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts[0], 4)}-${pad(parts[1], 2)}-${pad(parts[2], 2)}`;
}

/**
 * Today's day number from the caller's `now`: a date string, a date-time string (its written
 * calendar date), or a `Date` (its calendar date at `utcOffsetMinutes`).
 * @example todayOf('2024-05-01T23:30:00+08:00', 480) // day number of 2024-05-01
 */
export function todayOf(now: string | Date | undefined, utcOffsetMinutes = 480): number | null {
  if (now === undefined) return null;
  if (typeof now === 'string') return dayNumber(now);
  const ms = now.getTime();
  if (!Number.isFinite(ms)) return null;
  return Math.floor((ms + utcOffsetMinutes * 60_000) / MS_PER_DAY);
}
