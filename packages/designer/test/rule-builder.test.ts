import { describe, expect, it } from 'vitest';
import type { Json } from '@onething/engine';
import { buildRule, describeRule, parseRule, type BuiltRule } from '../src/model/rules.js';
import { exampleBundle } from './fixtures.js';

describe('the when-rule builder', () => {
  it('reads no rule as "always" and writes it back as no rule', () => {
    expect(parseRule(undefined)).toEqual({ mode: 'always' });
    expect(buildRule({ mode: 'always' })).toBeUndefined();
  });

  it('reads the example bundles’ conditions into builder rows and writes the same JSON Logic back', () => {
    const single: Json = { '===': [{ var: 'settleInHubei' }, true] };
    const both: Json = { and: [{ '===': [{ var: 'settleInHubei' }, true] }, { '===': [{ var: 'wantsSocialSecurityCard' }, true] }] };
    const either: Json = { or: [{ '!==': [{ var: 'premisesScale' }, 'small'] }, { '===': [{ var: 'hasBusinessLicence' }, false] }] };
    expect(parseRule(single)).toEqual({ mode: 'conditions', combine: 'all', conditions: [{ question: 'settleInHubei', op: 'is', value: true }] });
    expect(parseRule(either)).toMatchObject({ mode: 'conditions', combine: 'any' });
    for (const rule of [single, both, either]) expect(buildRule(parseRule(rule))).toEqual(rule);
  });

  it('keeps rules it cannot show as raw JSON Logic, unchanged', () => {
    const rules: Json[] = [{ in: [{ var: 'premisesScale' }, ['small', 'medium']] }, { and: [{ '===': [{ var: 'a' }, true] }, { or: [] }] }, { '===': [{ var: 'a' }, { var: 'b' }] }, { '!!': { var: 'a' } }];
    for (const rule of rules) {
      const built = parseRule(rule);
      expect(built.mode).toBe('raw');
      expect(buildRule(built)).toEqual(rule);
    }
  });

  it('writes an empty condition list as "always"', () => {
    const built: BuiltRule = { mode: 'conditions', combine: 'all', conditions: [] };
    expect(buildRule(built)).toBeUndefined();
  });
});

describe('describing a rule in words', () => {
  const { questions, items } = exampleBundle();
  it('names the guidance questions and their answers in the locale', () => {
    expect(describeRule(items[4]!.when, questions, 'zh-CN')).toBe('新生儿是否随父亲或母亲在湖北省内登记户口？ 为 是；并且 是否现在为新生儿申领社会保障卡？ 为 是');
    expect(describeRule(items[0]!.when, questions, 'en')).toBe('Was the baby born in a midwifery institution (hospital) in Hubei? is Yes');
    expect(describeRule(undefined, questions, 'en')).toBe('Always');
  });

  it('falls back to the JSON of rules the builder cannot show', () => {
    expect(describeRule({ in: [{ var: 'x' }, ['a']] }, questions, 'en')).toBe('{"in":[{"var":"x"},["a"]]}');
  });
});
