import { describe, expect, it } from 'vitest';
import type { Json } from '@onething/engine';
import { buildRule, parseRule, type BuiltRule } from '../src/model/rules.js';

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
