import type { Text } from '../../text.js';

/**
 * A working-day calendar kept as data: the regular weekend plus, per year, the public
 * holidays and the adjusted working days (调休) announced by the State Council. A region
 * passes its own (e.g. with local holidays) to `createApplicationFlow`.
 */
export interface HolidayCalendar {
  id: string;
  title: Text;
  /** The calendar's civil time zone as minutes east of UTC (China Standard Time: 480). Days end at local midnight. */
  utcOffsetMinutes: number;
  /** Days of the regular weekend, 0 = Sunday … 6 = Saturday. */
  weekend: number[];
  /** Published years. Dates outside them count by the weekend rule alone (deadlines are then `provisional`). */
  years: HolidayYear[];
}

export interface HolidayYear {
  year: number;
  /** The notice the dates come from. */
  source: Text;
  /** Days off, as inclusive ranges of ISO dates (YYYY-MM-DD). */
  holidays: Array<{ name: Text; from: string; to: string }>;
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
}
