import { describe, expect, it } from 'vitest';
import { compileValidator, validateData, ValidatorCache } from './validator.js';

describe('patterns run with RE2 on the server', () => {
  it('answers ^(a+)+$ on 50,000 a’s and a ! in well under a second (a backtracking engine would not finish)', () => {
    const schema = { type: 'string', pattern: '^(a+)+$' };
    const cache = new ValidatorCache();
    validateData(schema, 'warm up', { cache });
    const evil = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    const errors = validateData(schema, evil, { cache });
    const elapsed = performance.now() - started;
    expect(errors.map((e) => e.keyword)).toEqual(['pattern']);
    expect(elapsed).toBeLessThan(500);
    expect(validateData(schema, 'a'.repeat(50_000), { cache })).toEqual([]);
  });

  it('understands ECMAScript syntax: \\u escapes for Chinese characters, \\d, named groups', () => {
    const cache = new ValidatorCache();
    const name = { type: 'string', pattern: '^[\\u4e00-\\u9fa5·]{2,20}$' };
    expect(validateData(name, '欧阳·娜娜', { cache })).toEqual([]);
    expect(validateData(name, 'Zhang San', { cache })).toHaveLength(1);
    const year = { type: 'string', pattern: '^(?<year>\\d{4})$' };
    expect(validateData(year, '2024', { cache })).toEqual([]);
  });

  it('refuses a pattern RE2 cannot run (look-ahead) with a diagnostic', () => {
    const { value, diagnostics } = compileValidator({ type: 'string', pattern: '^(?=.*\\d).+$' }, { cache: new ValidatorCache() });
    expect(value).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'schema-compile-failed' }]);
  });
});
