const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * RFC 3339 `full-date` (YYYY-MM-DD, a real calendar day): the same answers as ajv-formats'
 * `date`, without its regular expression — dates are common in forms and this is the hot path
 * (a regex `exec` allocates its match array on every call).
 * @example isDate('2024-02-29') // true
 * @example isDate('2023-02-29') // false
 */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1) return false;
  const y = hi * 100 + lo;
  if (d <= DAYS_IN_MONTH[m - 1]!) return true;
  return m === 2 && d === 29 && (y % 100 === 0 ? y % 400 === 0 : y % 4 === 0);
}

/**
 * Orders two full-dates (for `formatMinimum` and friends), as ajv-formats' `compareDate` does:
 * `undefined` when either is empty; fixed-width YYYY-MM-DD strings sort chronologically (the
 * `format` keyword itself rejects non-dates).
 * @example compareDate('2024-01-31', '2024-02-01') // -1
 */
export function compareDate(a: string, b: string): number | undefined {
  if (!a || !b) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ajv's `date` format. Self-contained on purpose: spreading ajv-formats' table here pulled the
 * whole of it (~2.5 KB gzip) into every browser form bundle.
 */
export const dateFormat = { validate: isDate, compare: compareDate };
