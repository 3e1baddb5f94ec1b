import { describe, expect, it } from 'vitest';
import { definitionId } from '@onething/engine';
import { analyseBundle } from '../src/model/analysis.js';
import { exampleBundle, exampleWorkspace, newBundle } from './fixtures.js';

const ws = exampleWorkspace();

describe('analysing a bundle being composed', () => {
  it('composes the newborn bundle from the published items, with its reductions and no problems', () => {
    const analysis = analyseBundle(exampleBundle(), ws);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.composed?.items.map((i) => i.id)).toEqual([
      'birth-medical-certificate',
      'vaccination-certificate',
      'household-registration',
      'medical-insurance-enrolment',
      'social-security-card',
    ]);
    expect(analysis.metrics?.trips).toEqual({ before: 6, after: 0, percent: 100 });
    expect(analysis.resolved.map((r) => r?.definition.version)).toEqual(['1.0.0', '1.0.0', '1.0.0', '1.0.0', '1.0.0']);
  });

  it('names both items when their shared field contradicts itself', () => {
    const { diagnostics } = analyseBundle(newBundle(['small-catering-filing', 'entertainment-venue-licence']), ws);
    expect(diagnostics.map((d) => [d.code, d.file, d.related?.map((r) => r.file), d.message['zh-CN']])).toMatchInlineSnapshot(`
      [
        [
          "concept-bounds-conflict",
          "item/entertainment-venue-licence@1.0.0.json",
          [
            "item/small-catering-filing@1.0.0.json",
          ],
          "字段“premises.area”：事项“entertainment-venue-licence” 的 minimum 200 与 事项“small-catering-filing” 的 maximum 50 相互矛盾，无法填写",
        ],
      ]
    `);
  });

  it('reports an item no one published, and a range nothing satisfies, against the bundle', () => {
    const bundle = newBundle(['vaccination-certificate', 'no-such-item']);
    bundle.items[0]!.version = '^2.0.0';
    const { diagnostics, resolved } = analyseBundle(bundle, ws);
    expect(resolved).toEqual([undefined, undefined]);
    expect(diagnostics.map((d) => [d.code, d.file, d.pointer])).toEqual([
      ['item-version-unmatched', 'bundle/test-bundle@1.0.0.json', '/items/0/version'],
      ['unknown-item', 'bundle/test-bundle@1.0.0.json', '/items/1/item'],
    ]);
  });

  it('keeps going with a malformed bundle: meta-schema problems, no composed form', () => {
    const bundle = { ...newBundle(['vaccination-certificate']), title: { 'zh-CN': '只有中文' } } as never;
    const analysis = analyseBundle(bundle, ws);
    expect(analysis.composed).toBeUndefined();
    expect(analysis.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['invalid-definition', '/title']]);
  });

  it('says in words what a malformed id must look like (the engine’s definitionId message), not the raw pattern', () => {
    const bundle = { ...newBundle(['vaccination-certificate']), lead: { id: 'Civil Affairs', title: { 'zh-CN': '民政局', en: 'Civil affairs' } } } as never;
    const [problem, ...rest] = analyseBundle(bundle, ws).diagnostics;
    expect(rest).toEqual([]);
    expect([problem?.code, problem?.pointer]).toEqual(['invalid-definition', '/lead/id']);
    expect(problem?.message).toMatchInlineSnapshot(`
      {
        "en": ""Civil Affairs" must be lower-case letters, digits and single hyphens, starting with a letter, at most 80 characters (e.g. newborn-birth)",
        "zh-CN": ""Civil Affairs" 须为小写字母、数字和单个连字符，以字母开头，不超过 80 个字符（如 newborn-birth）",
      }
    `);
    expect(problem?.message.en).toContain(definitionId.message.en);
    expect(problem?.message['zh-CN']).toContain(definitionId.message['zh-CN']);
  });

  it('reports a when rule with an unknown operator', () => {
    const bundle = newBundle(['vaccination-certificate']);
    bundle.items[0]!.when = { eval: ['x'] } as never;
    const codes = analyseBundle(bundle, ws).diagnostics.map((d) => d.code);
    expect(codes).toContain('rule-unknown-operator');
  });
});
