import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../json.js';
import { load } from '../definitions/load.js';
import { bundle, composeAll, dictionary, item, material, registryOf } from '../../test/fixtures/definitions.js';
import { compose } from './compose.js';
import { metrics } from '../metrics/metrics.js';
import { createFormState } from '../runtime/form-state.js';
import { checkSubmission } from '../runtime/submission.js';

describe('compose on odd definitions', () => {
  it('reports a concept namespace that is also an item id, once', () => {
    const { diagnostics } = composeAll([
      dictionary({ 'a.name': {}, 'a.id': {} }),
      item('a', { properties: { n: { 'x-concept': 'a.name' }, i: { 'x-concept': 'a.id' }, own: { type: 'string' } } }),
      bundle(['a']),
    ]);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['concept-namespace-collision', '/schema/properties/n']]);
  });

  it('takes a bare bundle definition from the registry with its file and hash', () => {
    const registry = registryOf([dictionary({}), item('a', { properties: {} }), bundle(['a'])]);
    const loaded = registry.bundle('test-bundle')!;
    expect(compose(loaded.definition, registry).value.bundle.hash).toBe(loaded.hash);
    const copy = structuredClone(loaded.definition);
    expect(compose(copy, registry).value.bundle.hash).toBe(loaded.hash);
  });

  it('checks a bundle that did not come through load against its meta-schema instead of throwing', () => {
    const registry = registryOf([dictionary({}), item('a', { properties: { x: { type: 'string' } } })]);
    const valid = bundle(['a']);
    expect(compose(valid, registry).value.items.map((i) => i.id)).toEqual(['a']);
    for (const broken of [null, 'x', { ...valid, items: [null] }, { ...valid, ui: { sections: [null] } }, { ...valid, questionsUi: { sections: [{}] } }]) {
      const { value, diagnostics } = compose(broken as never, registry);
      expect([broken, value.items, diagnostics.length > 0 && diagnostics.every((d) => d.code === 'invalid-definition')]).toEqual([broken, [], true]);
    }
    expect(compose({ ...valid, items: [null] } as never, registry).diagnostics.map((d) => [d.pointer, d.message.en])).toMatchInlineSnapshot(`
      [
        [
          "/items/0",
          "must be an object",
        ],
      ]
    `);
  });

  it('never throws, whatever the item schemas contain', () => {
    // The meta-schema only asks an item schema to be an object of type "object"; lint catches the rest.
    const anything = fc.jsonValue({ maxDepth: 3 });
    const property = fc.oneof(
      anything,
      fc.record({ type: fc.constantFrom('string', 'object', 'array', 'integer', 7), properties: anything, required: anything, items: anything, 'x-concept': fc.constantFrom('p.a', 'p.b', 'nope', 'a'), enum: anything, minimum: anything, $ref: fc.constantFrom('#', '#/properties', '#/$defs/x', 'http://x') }, { requiredKeys: [] }),
    );
    const schema = fc.record({ properties: fc.dictionary(fc.constantFrom('a', 'b', 'p', 'q', 'c'), property), required: anything, $defs: fc.dictionary(fc.constantFrom('x'), property) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(schema, { minLength: 1, maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), (schemas, answers) => {
        const items = schemas.map((s, i) =>
          item(`i${i}`, s as JsonSchema, { materials: [material('m', { eLicense: i % 2 ? 'resident-id-card' : 'nope' })], ui: { rules: { a: { visible: { var: 'b' } } } } }),
        );
        const { value: registry } = load([dictionary({ 'p.a': {}, 'p.b': { schema: { type: 'integer' } } }), ...items, bundle(items.map((i) => i.id))].map((d) => ({ path: `${d.id}.json`, content: d })), { lint: false });
        const b = registry.bundle('test-bundle');
        if (!b) return;
        const result = compose(b, registry, answers as Record<string, never>);
        expect(JSON.parse(JSON.stringify(result.value))).toBeTruthy();
        metrics(result.value);
        // …and neither does the form runtime on what it composed.
        const form = createFormState(result.value, { answers: answers as Record<string, never>, data: { a: answers } as unknown as Record<string, never> });
        form.update({ data: { a: 1, 'i0.a': 'x', 'p.a': null } });
        checkSubmission(result.value, { answers, data: { i0: { a: answers } }, materials: { m: answers } });
      }),
      { numRuns: 300 },
    );
  });
});
