import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import type { Rule } from '../json.js';

describe('date helpers take "now" from the caller', () => {
  const now = '2024-05-01';

  it('computes completed years of age relative to now', () => {
    expect(evaluate({ age: [{ var: 'birthDate' }] }, { birthDate: '2000-05-01' }, { now })).toBe(24);
    expect(evaluate({ age: [{ var: 'birthDate' }] }, { birthDate: '2000-05-02' }, { now })).toBe(23);
    expect(evaluate({ age: ['2024-04-30'] }, null, { now })).toBe(0);
    expect(evaluate({ '<': [{ age: [{ var: 'child.birthDate' }] }, 3] }, { child: { birthDate: '2023-01-15' } }, { now })).toBe(true);
  });

  it('counts someone born on 29 February a year older on 1 March of a common year', () => {
    expect(evaluate({ age: ['2004-02-29', '2023-02-28'] }, null)).toBe(18);
    expect(evaluate({ age: ['2004-02-29', '2023-03-01'] }, null)).toBe(19);
    expect(evaluate({ age: ['2004-02-29', '2024-02-29'] }, null)).toBe(20);
  });

  it('gives null without now, for impossible dates and for non-dates, instead of guessing', () => {
    expect(evaluate({ age: ['2000-01-01'] }, null)).toBeNull();
    expect(evaluate({ today: [] }, null)).toBeNull();
    expect(evaluate({ age: ['2023-02-29'] }, null, { now })).toBeNull();
    expect(evaluate({ age: ['yesterday'] }, null, { now })).toBeNull();
    expect(evaluate({ age: [19990101] }, null, { now })).toBeNull();
    expect(evaluate({ age: [null] }, null, { now })).toBeNull();
  });

  it('takes the calendar date a date-time is written in, and a Date at China Standard Time by default', () => {
    expect(evaluate({ today: [] }, null, { now: '2024-05-01T23:59:59+08:00' })).toBe('2024-05-01');
    expect(evaluate({ today: [] }, null, { now: new Date('2024-04-30T16:30:00Z') })).toBe('2024-05-01');
    expect(evaluate({ today: [] }, null, { now: new Date('2024-04-30T16:30:00Z'), utcOffsetMinutes: 0 })).toBe('2024-04-30');
    expect(evaluate({ today: [] }, null, { now: new Date(Number.NaN) })).toBeNull();
  });

  it('counts days between dates and adds days', () => {
    expect(evaluate({ days_between: ['2024-02-28', '2024-03-01'] }, null)).toBe(2);
    expect(evaluate({ days_between: ['2024-05-11'] }, null, { now })).toBe(-10);
    expect(evaluate({ add_days: ['2024-02-28', 2] }, null)).toBe('2024-03-01');
    expect(evaluate({ add_days: ['2024-01-01', -1] }, null)).toBe('2023-12-31');
    expect(evaluate({ add_days: ['2024-01-01', 'x'] }, null)).toBeNull();
    expect(evaluate({ add_days: ['9999-12-31', 1] }, null)).toBeNull();
    expect(evaluate({ add_days: ['0001-01-01', -1] }, null)).toBe('0000-12-31');
  });
});

describe('item_active', () => {
  it('answers from the active items the caller passes, and counts every item active without them', () => {
    const rule: Rule = { and: [{ item_active: 'a' }, { var: 'x' }] };
    expect(evaluate(rule, { x: 1 }, { activeItems: ['a'] })).toBe(1);
    expect(evaluate(rule, { x: 1 }, { activeItems: new Set(['b']) })).toBe(false);
    expect(evaluate(rule, { x: 1 })).toBe(1);
    expect(evaluate({ item_active: 3 }, null)).toBe(false);
  });
});
