import { describe, expect, it } from 'vitest';
import { checkCalendar, chinaCalendar, daysBetween, dueAfter, isWorkingDay } from './calendar.js';
import type { HolidayCalendar } from './types.js';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekday = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()];

describe('the national holiday calendar (State Council notices as data)', () => {
  it('is well-formed: every adjusted working day is a weekend day of its year', () => {
    expect(checkCalendar(chinaCalendar)).toEqual([]);
  });

  it('matches the weekdays and lengths the 2025 and 2026 notices print', () => {
    // Each notice names the weekday of the first and last day and the number of days off.
    const printed: Array<[string, string, string, string, number]> = [
      ['2025-01-28', '周二', '2025-02-04', '周二', 8],
      ['2025-05-01', '周四', '2025-05-05', '周一', 5],
      ['2025-05-31', '周六', '2025-06-02', '周一', 3],
      ['2025-10-01', '周三', '2025-10-08', '周三', 8],
      ['2026-01-01', '周四', '2026-01-03', '周六', 3],
      ['2026-02-15', '周日', '2026-02-23', '周一', 9],
      ['2026-04-04', '周六', '2026-04-06', '周一', 3],
      ['2026-10-01', '周四', '2026-10-07', '周三', 7],
    ];
    for (const [from, fromDay, to, toDay, days] of printed) {
      const holiday = chinaCalendar.years.flatMap((y) => y.holidays).find((h) => h.from === from);
      expect(holiday?.to).toBe(to);
      expect([weekday(from), weekday(to)]).toEqual([fromDay, toDay]);
      expect(daysBetween(chinaCalendar, `${from}T00:00:00+08:00`, `${to}T00:00:00+08:00`, 'calendar') + 1).toBe(days);
    }
    expect(chinaCalendar.years.find((y) => y.year === 2026)?.workdays.map(weekday)).toEqual(['周日', '周六', '周六', '周六', '周日', '周六']);
  });

  it('knows holidays, adjusted working days and ordinary weekends apart', () => {
    expect(isWorkingDay(chinaCalendar, '2025-10-08')).toBe(false); // a Wednesday of the National Day holiday
    expect(isWorkingDay(chinaCalendar, '2025-10-11')).toBe(true); // a Saturday worked instead
    expect(isWorkingDay(chinaCalendar, '2025-10-18')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(chinaCalendar, '2026-02-14')).toBe(true);
  });
});

describe('due dates', () => {
  it('do not count the start day and end at local midnight of the last counted day', () => {
    // Monday 2025-03-03 10:00 in Beijing; 5 working days → end of Monday 2025-03-10.
    expect(dueAfter(chinaCalendar, '2025-03-03T02:00:00.000Z', 5, 'working')).toEqual({
      due: '2025-03-10T16:00:00.000Z',
      provisional: false,
    });
  });

  it('skip a holiday week and count the Saturday worked after it', () => {
    // Tuesday 2025-09-30: Oct 1–8 off, Thu 9, Fri 10, Sat 11 (worked) → 3 working days end on Oct 11.
    expect(dueAfter(chinaCalendar, '2025-09-30T02:00:00.000Z', 3, 'working').due).toBe('2025-10-11T16:00:00.000Z');
  });

  it('count calendar days straight through holidays', () => {
    // Tuesday 2025-09-30 + 10 days = Friday 10 October, a working day.
    expect(dueAfter(chinaCalendar, '2025-09-30T02:00:00.000Z', 10, 'calendar').due).toBe('2025-10-10T16:00:00.000Z');
  });

  it('in calendar days ending on a holiday or rest day run to the next working day (Civil Code art. 203)', () => {
    // 3 days from 30 September end on 3 October, inside the National Day holiday (1–8 October): Thursday 9 October.
    expect(dueAfter(chinaCalendar, '2025-09-30T02:00:00.000Z', 3, 'calendar').due).toBe('2025-10-09T16:00:00.000Z');
    // 5 days from Monday 3 March end on Saturday 8 March: Monday 10 March.
    expect(dueAfter(chinaCalendar, '2025-03-03T02:00:00.000Z', 5, 'calendar').due).toBe('2025-03-10T16:00:00.000Z');
    // An adjusted working day (Sunday 28 September 2025, worked) is a working day: the period ends on it.
    expect(dueAfter(chinaCalendar, '2025-09-25T02:00:00.000Z', 3, 'calendar').due).toBe('2025-09-28T16:00:00.000Z');
  });

  it('end with the start day for a limit of 0 days (immediate handling)', () => {
    expect(dueAfter(chinaCalendar, '2025-03-03T15:59:00.000Z', 0, 'working').due).toBe('2025-03-03T16:00:00.000Z');
  });

  it('use the calendar day in Beijing, not in UTC', () => {
    // 2025-03-02T17:00Z is already Monday 01:00 in Beijing.
    expect(dueAfter(chinaCalendar, '2025-03-02T17:00:00.000Z', 1, 'working').due).toBe('2025-03-04T16:00:00.000Z');
  });

  it('are provisional when they run into a year the calendar does not publish', () => {
    expect(dueAfter(chinaCalendar, '2026-12-28T02:00:00.000Z', 10, 'working').provisional).toBe(true);
    // Calendar days too, when the last day falls in such a year: it might be a holiday.
    expect(dueAfter(chinaCalendar, '2026-12-28T02:00:00.000Z', 10, 'calendar').provisional).toBe(true);
    expect(dueAfter(chinaCalendar, '2026-12-01T02:00:00.000Z', 10, 'calendar').provisional).toBe(false);
  });

  it('follow a region calendar passed as data', () => {
    const region: HolidayCalendar = {
      ...chinaCalendar,
      id: 'xz',
      years: [{ year: 2025, source: { 'zh-CN': '地方', en: 'local' }, holidays: [{ name: { 'zh-CN': '藏历新年', en: 'Losar' }, from: '2025-03-04', to: '2025-03-04' }], workdays: [] }],
    };
    expect(dueAfter(region, '2025-03-03T02:00:00.000Z', 1, 'working').due).toBe('2025-03-05T16:00:00.000Z');
  });
});

describe('elapsed days', () => {
  it('count the days after the start day up to the current day', () => {
    expect(daysBetween(chinaCalendar, '2025-01-24T01:00:00Z', '2025-02-05T01:00:00Z', 'working')).toBe(3);
    expect(daysBetween(chinaCalendar, '2025-03-03T01:00:00Z', '2025-03-03T09:00:00Z', 'working')).toBe(0);
    expect(daysBetween(chinaCalendar, '2025-03-05T01:00:00Z', '2025-03-03T09:00:00Z', 'working')).toBe(0);
  });
});

describe('a calendar with mistakes', () => {
  it('is reported, not trusted', () => {
    const bad: HolidayCalendar = {
      ...chinaCalendar,
      years: [{ year: 2025, source: { 'zh-CN': 'x', en: 'x' }, holidays: [{ name: { 'zh-CN': 'x', en: 'x' }, from: '2025-02-30', to: '2025-03-01' }], workdays: ['2025-03-04'] }],
    };
    expect(checkCalendar(bad).map((t) => t.en)).toMatchInlineSnapshot(`
      [
        "Holiday 2025-02-30–2025-03-01 of 2025 has invalid dates",
        "Adjusted working day 2025-03-04 is not a weekend day of 2025",
      ]
    `);
  });

  it('reports a calendar missing its lists instead of throwing', () => {
    const broken = [
      null,
      { ...chinaCalendar, years: undefined },
      { ...chinaCalendar, years: [{ year: 2025 }] },
      { ...chinaCalendar, years: [{ year: 2025, holidays: [{ from: 20250101 }], workdays: [7] }] },
    ] as unknown as HolidayCalendar[];
    expect(broken.map((c) => checkCalendar(c).map((t) => t.en))).toMatchInlineSnapshot(`
      [
        [
          "A calendar is an object",
        ],
        [
          "years must be an array",
        ],
        [
          "Every year needs an integer year and holidays and workdays arrays",
        ],
        [
          "Holiday 20250101–undefined of 2025 has invalid dates",
          "Adjusted working day 7 is not a weekend day of 2025",
        ],
      ]
    `);
  });
});
