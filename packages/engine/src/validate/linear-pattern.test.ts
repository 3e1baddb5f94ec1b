import fc from 'fast-check';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { isDate } from './fast-date.js';
import { isLinearPattern } from './linear-pattern.js';
import { linearRegExp, re2RegExp } from './re2.js';
import { validateData, ValidatorCache } from './validator.js';

/** Patterns of government forms that run natively: the next character always decides. */
const LINEAR = [
  '^\\d{6}$',
  '^1[3-9]\\d{9}$',
  '^\\d{3,4}-\\d{7,8}$',
  '^[\\u4e00-\\u9fa5·]{2,20}$',
  '^[京津沪渝][A-Z][A-Z0-9]{5}$',
  '^(男|女)$',
  '^\\d+(?:\\.\\d{1,2})?$',
  '^[^@]+@[^@]+$',
  '^[a-z]+[0-9]+$',
  '^(?<year>\\d{4})-(?<month>\\d{2})$',
  '^[\\u{20000}-\\u{2A6DF}]+$',
  '^\\d',
  '^$',
];
/** Patterns left to RE2: ambiguous choices, repeated groups, or constructs whose meaning differs. */
const NOT_LINEAR = [
  '^(a+)+$', // nested quantifier
  '^\\d+\\.?\\d*$', // \d+ and \d* meet across an optional dot
  '^[a-z]*[a-z0-9]*$',
  '^x{1,3}x$',
  '^(?:北京|北海)$', // alternatives with the same first character
  '^(\\d{3}-)?\\d{8}$',
  '^[\\w.-]+@[\\w-]+(\\.[\\w-]+)+$', // repeated group
  '\\d+', // unanchored: every start position
  '^.*$', // `.` differs between ECMAScript and RE2 (\r, \u2028)
  '^\\s*$', // `\s` differs (\u3000, \ufeff)
  '^(?=a)a$', // look-ahead
  '^(a)\\1$', // back-reference
  '^a|b$', // top-level alternation
  '^\\p{Script=Han}+$',
  '^a+?$', // lazy
];

describe('isLinearPattern: the patterns that may run on the native engine', () => {
  it.each(LINEAR)('accepts %s', (p) => expect(isLinearPattern(p)).toBe(true));
  it.each(NOT_LINEAR)('leaves %s to RE2', (p) => expect(isLinearPattern(p)).toBe(false));

  it('agrees with RE2 on every input for every accepted pattern (property)', () => {
    const alphabet = fc.constantFrom(...'0123456789-.@ab男女京A·中\u3000'.split(''), '\u{20000}');
    for (const pattern of LINEAR) {
      const native = linearRegExp(pattern, 'u');
      const re2 = re2RegExp(pattern, 'u');
      expect(native).toBeInstanceOf(RegExp);
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 24 }).map((cs) => cs.join('')), (s) => native.test(s) === re2.test(s)),
        { numRuns: 300 },
      );
    }
  });

  it('stays linear on hostile inputs for every accepted pattern (100,000 characters in well under a second)', () => {
    const hostile = ['1', 'a', '中', '@', '-', '.'].flatMap((c) => [c.repeat(100_000), `${c.repeat(100_000)}!`]);
    for (const pattern of LINEAR) {
      const native = linearRegExp(pattern, 'u');
      const started = performance.now();
      for (const input of hostile) native.test(input);
      expect(performance.now() - started, pattern).toBeLessThan(500);
    }
  });

  it('sends the rest to re2js, which answers ^(a+)+$ quickly', () => {
    expect(linearRegExp('^(a+)+$', 'u')).not.toBeInstanceOf(RegExp);
    const cache = new ValidatorCache();
    const started = performance.now();
    expect(validateData({ type: 'string', pattern: '^(a+)+$' }, `${'a'.repeat(50_000)}!`, { cache })).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('can be told to run every pattern on re2js', () => {
    const cache = new ValidatorCache({ patterns: 're2' });
    expect(validateData({ type: 'string', pattern: '^\\d{6}$' }, '100020', { cache })).toEqual([]);
    expect(validateData({ type: 'string', pattern: '^\\d{6}$' }, '10002', { cache })).toHaveLength(1);
  });
});

describe('the date format', () => {
  const ajvFormatsDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;

  it('answers like ajv-formats on edge cases', () => {
    for (const s of ['2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2024-04-31', '2024-12-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', '2024/01/01', '20240101', '2024-01-01 ', ' 2024-01-01', '0000-01-01', '2024-01-01\n', '२०२४-०१-०१'])
      expect(isDate(s), s).toBe(ajvFormatsDate(s));
  });

  it('answers like ajv-formats on random strings shaped like dates (property)', () => {
    const digit = fc.constantFrom(...'0123456789');
    const shaped = fc
      .tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 2, maxLength: 2 }))
      .map(([y, m, d]) => `${y.join('')}-${m.join('')}-${d.join('')}`);
    fc.assert(fc.property(fc.oneof(shaped, fc.string({ maxLength: 12 })), (s) => isDate(s) === ajvFormatsDate(s)), { numRuns: 2000 });
  });
});

describe('compareDate (formatMinimum on dates, without ajv-formats in the browser bundle)', () => {
  it('orders dates exactly as ajv-formats does', async () => {
    const { compareDate } = await import('./fast-date.js');
    const { fullFormats } = await import('ajv-formats/dist/formats.js');
    const reference = (fullFormats.date as { compare: (a: string, b: string) => number | undefined }).compare;
    const samples = ['', '2024-01-31', '2024-02-01', '2024-02-29', '2023-02-29', '1999-12-31', 'x', '2024-1-01'];
    for (const a of samples) for (const b of samples) expect(compareDate(a, b)).toBe(reference(a, b));
  });
});
