import { describe, expect, it } from 'vitest';
import type { LintRule } from './types.js';
import { lint, lintRules } from './index.js';
import { load } from '../definitions/load.js';
import { diagnosticCodes } from '../diagnostics/registry.js';
import { MAX_SCHEMA_BYTES, MAX_SCHEMA_DEPTH, schemaSizeRule } from './schema-size.js';
import { propertyNamesRule } from './property-names.js';
import { bundle, item } from '../../test/fixtures/definitions.js';
import { ruleUnknownFieldRule } from './rule-unknown-field.js';
import { text } from '../text.js';

const dictionary = (schema: unknown) => ({
  kind: 'concepts',
  id: 'big',
  version: '1.0.0',
  concepts: { 'thing.value': { title: text('值', 'Value'), schema, pii: 'none' } },
});

describe('lint', () => {
  it('turns a failing rule into a lint-rule-failed diagnostic instead of throwing', () => {
    const broken: LintRule = { id: 'broken', description: text('坏', 'Broken'), codes: [], check: () => { throw new Error('boom'); } };
    expect(lint(load([]).value, [broken])).toMatchInlineSnapshot(`
      [
        {
          "code": "lint-rule-failed",
          "message": {
            "en": "Lint rule "broken" failed and did not finish (boom); this is a bug in onething, please report it",
            "zh-CN": "检查规则“broken”内部出错，未完成检查（boom）；这是 onething 的缺陷，请报告",
          },
          "pointer": "",
          "severity": "error",
        },
      ]
    `);
  });

  it('has unique rule ids, and every code a rule reports is registered (so it has a docs page)', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const registered = new Set(diagnosticCodes);
    expect(lintRules.flatMap((r) => r.codes).filter((c) => !registered.has(c)).map((c) => c.code)).toEqual([]);
  });

  it('refuses reserved names a field could never be stored under: properties, concept id segments, item ids', () => {
    const files = [
      { path: 'constructor.json', content: item('constructor', { properties: { prototype: { type: 'string' }, toString: { type: 'string' } } }) },
      { path: 'concepts.json', content: { ...dictionary({ type: 'string' }), concepts: { 'thing.constructor': { title: text('值', 'Value'), schema: { type: 'string' }, pii: 'none' } } } },
    ];
    const { value } = load(files, { lint: false });
    expect(propertyNamesRule.check(value).map((d) => [d.file, d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "constructor.json",
          "/schema/properties/prototype",
          ""prototype" is a reserved name: rules cannot read a field so named and forms cannot store it",
        ],
        [
          "concepts.json",
          "/concepts/thing.constructor",
          ""constructor" is a reserved name: rules cannot read a field so named and forms cannot store it",
        ],
        [
          "constructor.json",
          "/id",
          ""constructor" is a reserved name: rules cannot read a field so named and forms cannot store it",
        ],
      ]
    `);
  });

  it('checks a bundle rule against the composed data: a concept-bound field lives at its concept path, not under its item', () => {
    const files = [
      { path: 'concepts.json', content: dictionary({ type: 'string' }) },
      { path: 'a.json', content: item('a', { properties: { thing: { type: 'object', properties: { value: { 'x-concept': 'thing.value' } } }, note: { type: 'string' } } }) },
      { path: 'b.json', content: bundle(['a'], { ui: { rules: { 'a.note': { visible: { and: [{ var: 'thing.value' }, { var: 'a.thing.value' }] } } } } }) },
    ];
    // The same bundle object in another registry, where item a has no note: checked against that registry's items.
    const without = load([files[0]!, { path: 'a.json', content: item('a', { properties: {} }) }, files[2]!], { lint: false }).value;
    expect(ruleUnknownFieldRule.check(without).map((d) => d.pointer).sort()).toEqual(['/ui/rules/a.note/visible/and/0/var', '/ui/rules/a.note/visible/and/1/var']);
    const { value } = load(files, { lint: false });
    expect(ruleUnknownFieldRule.check(value).map((d) => [d.file, d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "b.json",
          "/ui/rules/a.note/visible/and/1/var",
          "The rule reads "a.thing.value", which is not a field of the bundle's data or guidance questions",
        ],
      ]
    `);
  });

  it(`refuses a schema over ${MAX_SCHEMA_BYTES / 1024} KB`, () => {
    const big = { type: 'string', enum: Array.from({ length: 30_000 }, (_, i) => `value-${i}`) };
    const { value } = load([{ path: 'big.json', content: dictionary(big) }], { lint: false });
    expect(schemaSizeRule.check(value).map((d) => [d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "/concepts/thing.value/schema",
          "The schema is 408916 bytes, over the limit of 262144",
        ],
      ]
    `);
  });

  it(`refuses a schema nesting deeper than ${MAX_SCHEMA_DEPTH} subschemas, pointing at the deepest`, () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20; i++) deep = { type: 'object', properties: { a: { allOf: [deep] } } };
    const { value } = load([{ path: 'deep.json', content: dictionary(deep) }], { lint: false });
    const [diagnostic] = schemaSizeRule.check(value);
    expect(diagnostic?.code).toBe('schema-too-deep');
    expect(diagnostic?.message['zh-CN']).toBe('数据模式嵌套 40 层，超过上限 32 层');
    expect(diagnostic?.pointer).toBe(`/concepts/thing.value/schema${'/properties/a/allOf/0'.repeat(20)}`);
  });
});
