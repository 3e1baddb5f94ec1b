import { describe, expect, it } from 'vitest';
import { lintRule } from './check.js';

const at = { file: 'items/a.json', pointer: '/ui/rules/x/visible' };
const summary = (rule: Parameters<typeof lintRule>[0]) =>
  lintRule(rule, at).map((d) => ({ code: d.code, pointer: d.pointer, en: d.message.en }));

describe('linting a rule', () => {
  it('accepts a well-formed rule', () => {
    expect(lintRule({ and: [{ '==': [{ var: 'a' }, 1] }, { '<=': [0, { var: 'b' }, 9] }, { map: [{ var: 'c' }, { var: '' }] }] }, at)).toEqual([]);
  });

  it('reports unknown operators (log too) with a pointer into the rule', () => {
    expect(summary({ and: [{ log: 'x' }, { var: 'a' }, { eval: ['1'] }] })).toMatchInlineSnapshot(`
      [
        {
          "code": "rule-unknown-operator",
          "en": "Operator "log" is not on the allow-list; at run time it evaluates to null",
          "pointer": "/ui/rules/x/visible/and/0/log",
        },
        {
          "code": "rule-unknown-operator",
          "en": "Operator "eval" is not on the allow-list; at run time it evaluates to null",
          "pointer": "/ui/rules/x/visible/and/2/eval",
        },
      ]
    `);
  });

  it('reports wrong argument counts', () => {
    expect(summary({ '/': [1] })).toMatchInlineSnapshot(`
      [
        {
          "code": "rule-arity",
          "en": ""/" takes 2 arguments, not 1",
          "pointer": "/ui/rules/x/visible/~1",
        },
      ]
    `);
  });

  it('warns about paths computed at run time, but not about element reads in scoped rules', () => {
    expect(summary({ var: { cat: ['a.', { var: 'k' }] } })).toMatchInlineSnapshot(`
      [
        {
          "code": "rule-dynamic-read",
          "en": "The field path read here is computed from data (or is the whole data), so its dependencies cannot be analysed: the rule is re-evaluated on every change, and composition cannot rewrite its path",
          "pointer": "/ui/rules/x/visible/var",
        },
      ]
    `);
    expect(summary({ filter: [{ var: 'xs' }, { var: '' }] })).toEqual([]);
  });

  it('rejects rules nested too deeply or too large', () => {
    let deep: Parameters<typeof lintRule>[0] = true;
    for (let i = 0; i < 100; i++) deep = { '!': [deep] };
    expect(summary(deep).map((d) => d.code)).toEqual(['rule-too-deep']);
    expect(summary({ '+': Array.from({ length: 3000 }, () => 1) }).map((d) => d.code)).toEqual(['rule-too-large']);
  });
});
