import type { Json } from '../../json.js';
import { text } from '../../text.js';
import { finite, numberOf } from '../coerce.js';
import { dateParts, dayNumber, formatDay } from '../dates.js';
import type { EagerOperator, EvalContext } from '../types.js';

/** A date argument as a day number; `undefined` (absent) means today. */
function day(value: Json | undefined, ctx: EvalContext): number | null {
  return value === undefined ? ctx.today() : dayNumber(value);
}

/** `{"today": []}`: the caller's `now` as `YYYY-MM-DD`; `null` when no `now` was given. */
export const today: EagerOperator = {
  name: 'today',
  title: text('今天', 'Today'),
  args: { min: 0, max: 0 },
  apply(_values, ctx) {
    const now = ctx.today();
    return now === null ? null : formatDay(now);
  },
};

/**
 * `{"age": [birthDate, onDate?]}`: completed years from `birthDate` to `onDate` (default: today).
 * Someone born on 29 February turns a year older on 1 March in common years.
 * @example {"age": ["2000-05-02", "2024-05-01"]} → 23
 */
export const age: EagerOperator = {
  name: 'age',
  title: text('周岁', 'Age in years'),
  args: { min: 1, max: 2 },
  apply([birth, on], ctx) {
    const from = dayNumber(birth ?? null);
    const to = day(on, ctx);
    if (from === null || to === null) return null;
    const birthday = dateParts(from);
    const reference = dateParts(to);
    if (!birthday || !reference) return null;
    const [by, bm, bd] = birthday;
    const [ty, tm, td] = reference;
    return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  },
};

/** `{"days_between": [from, to]}`: whole days from `from` to `to` (negative when `to` is earlier; `to` defaults to today). */
export const daysBetween: EagerOperator = {
  name: 'days_between',
  title: text('相隔天数', 'Days between'),
  args: { min: 1, max: 2 },
  apply([from, to], ctx) {
    const a = dayNumber(from ?? null);
    const b = day(to, ctx);
    return a === null || b === null ? null : b - a;
  },
};

/** `{"add_days": [date, n]}`: the date n days later (earlier when n < 0), as `YYYY-MM-DD`. */
export const addDays: EagerOperator = {
  name: 'add_days',
  title: text('加天数', 'Add days'),
  args: { min: 2, max: 2 },
  apply([date, n], ctx) {
    const start = dayNumber(date ?? null);
    const offset = finite(Math.trunc(numberOf(n, ctx)));
    if (start === null || offset === null) return null;
    return formatDay(start + (offset as number));
  },
};

export const dateOperators = [today, age, daysBetween, addDays];
