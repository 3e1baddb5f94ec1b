import { describe, expect, it } from 'vitest';
import { checkPattern } from './pattern-safety.js';
import { findNestedQuantifier } from './nested-quantifier.js';

describe('nested quantifiers that make a backtracking RegExp hang are found', () => {
  it.each([
    ['^(a+)+$', '(a+)+'],
    ['^(a*)*$', '(a*)*'],
    ['^(?:\\s*\\w+)*$', '(?:\\s*\\w+)*'],
    ['^(a|a)*$', '(a|a)*'],
    ['^(\\w|\\d)+$', '(\\w|\\d)+'],
    ['^x(?:(?:ab)+c?)+$', '(?:(?:ab)+c?)+'],
  ])('%s is rejected at %s', (pattern, at) => {
    expect(findNestedQuantifier(pattern)).toBe(at);
  });

  it.each(['^\\d{17}[\\dX]$', '^(\\d+-)+\\d+$', '^([a-z]+\\.)*[a-z]+$', '^(?:foo|bar)+$', '^[\\u4e00-\\u9fa5]{2,20}$', '^(\\d{3}-)*$'])(
    '%s passes: something mandatory separates the repetitions',
    (pattern) => {
      expect(findNestedQuantifier(pattern)).toBeUndefined();
    },
  );
});

describe('checkPattern runs a pattern the way browsers and the server will', () => {
  it('reports a pattern that is not a RegExp at all', () => {
    expect(checkPattern('[a-').map((p) => p.code.code)).toEqual(['pattern-invalid']);
  });

  it('reports lookaround and backreferences, which RE2 cannot run', () => {
    expect(checkPattern('^(?=.*\\d).{8,}$').map((p) => p.code.code)).toEqual(['pattern-not-re2']);
    expect(checkPattern('^(a)\\1$').map((p) => p.code.code)).toEqual(['pattern-not-re2']);
  });

  it('accepts the patterns Chinese forms use', () => {
    for (const pattern of ['^1[3-9]\\d{9}$', '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^[\\u4e00-\\u9fff·]{2,20}$']) {
      expect(checkPattern(pattern)).toEqual([]);
    }
  });

  it('reports \\p{Script=Han}: browsers need that spelling, RE2 only knows \\p{Han}', () => {
    expect(checkPattern('^\\p{Script=Han}{2,10}$').map((p) => p.code.code)).toEqual(['pattern-not-re2']);
    expect(checkPattern('^\\p{Han}{2,10}$').map((p) => p.code.code)).toEqual(['pattern-invalid']);
  });
});
