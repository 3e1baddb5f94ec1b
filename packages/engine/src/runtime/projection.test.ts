import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemDefinition, JsonSchema, Registry } from '../index.js';
import type { Json } from '../json.js';
import { createValidator, validateData } from '../validate/index.js';
import { bundle, dictionary, item, registryOf } from '../../test/fixtures/definitions.js';
import { compose } from '../compose/compose.js';
import type { ComposedBundle } from '../compose/types.js';
import { project, unproject } from './projection.js';
import { checkSubmission } from './submission.js';
import { createFormState } from './form-state.js';
import { getPath } from './paths.js';

const concepts = dictionary({
  'p.a': { schema: { type: 'string', maxLength: 10 } },
  'p.b': { schema: { type: 'integer', minimum: 0, maximum: 100 } },
  'p.c': { schema: { type: 'string', enum: ['x', 'y', 'z'] } },
  'q.d': { schema: { type: 'boolean' } },
  'q.e': { schema: { type: 'string', pattern: '^[a-z]+$' } },
});
const CONCEPTS = ['p.a', 'p.b', 'p.c', 'q.d', 'q.e'];

/** An item's own schema with each concept's fragment put in place of its x-concept, as the item validates its data. */
function ownSchema(schema: JsonSchema, registry: Registry): JsonSchema {
  const concept = typeof schema['x-concept'] === 'string' ? registry.concepts.get(schema['x-concept'])?.concept.schema : undefined;
  const out: JsonSchema = { ...concept, ...schema };
  delete out['x-concept'];
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, ownSchema(v, registry)]));
  return out;
}

/** A random item: some concepts bound at top level or inside a group, some own fields, maybe a repeatable group. */
const itemArb = (id: string) =>
  fc
    .record({
      bound: fc.subarray(CONCEPTS),
      nested: fc.boolean(),
      own: fc.array(fc.constantFrom('string', 'integer', 'boolean', 'enum'), { maxLength: 3 }),
      list: fc.boolean(),
      required: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    })
    .map(({ bound, nested, own, list, required }) => {
      const properties: Record<string, JsonSchema> = {};
      const group: Record<string, JsonSchema> = {};
      const req: string[] = [];
      const groupReq: string[] = [];
      bound.forEach((concept, i) => {
        const name = `c${i}`;
        if (nested && i % 2 === 0) {
          group[name] = { 'x-concept': concept };
          if (required[i]) groupReq.push(name);
        } else {
          properties[name] = { 'x-concept': concept };
          if (required[i]) req.push(name);
        }
      });
      own.forEach((type, i) => {
        const name = `o${i}`;
        properties[name] = type === 'enum' ? { type: 'string', enum: ['k', 'l'] } : { type };
        if (required[6 + i]) req.push(name);
      });
      if (Object.keys(group).length) {
        properties.g = { type: 'object', properties: group, required: groupReq, additionalProperties: false };
        if (required[10]) req.push('g');
      }
      if (list) {
        properties.rows = { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } }, required: ['n'] } };
        if (required[11]) req.push('rows');
      }
      return item(id, { properties, required: req, additionalProperties: false });
    });

/** A filled-in value for a field (an empty list is not filled in: it has at least one row). */
const valueFor = (schema: JsonSchema): fc.Arbitrary<Json> => {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (schema.type === 'array') return fc.array(fc.record({ n: fc.constantFrom('r', 's') }), { minLength: 1, maxLength: 3 });
  if (schema.type === 'integer') return fc.integer({ min: 0, max: 100 });
  if (schema.type === 'boolean') return fc.boolean();
  return fc.constantFrom('abc', 'xyz', 'q');
};

/**
 * Random bundle data valid for the composed bundle: a random choice of fields filled in, then
 * whatever the form state then requires (fields required outright or by a rule) filled too.
 */
function dataFor(composed: ComposedBundle): fc.Arbitrary<Record<string, Json>> {
  const leaves = Object.values(composed.fields).filter((f) => f.kind !== 'group');
  const schemaAt = (path: string): JsonSchema =>
    path.split('.').reduce<JsonSchema>((s, key) => (s.properties as Record<string, JsonSchema>)[key]!, composed.schema);
  return fc.tuple(...leaves.map((f) => fc.tuple(valueFor(schemaAt(f.path)), fc.boolean()))).map((values) => {
    const full = new Map(leaves.map((f, i) => [f.path, values[i]![0]]));
    let data: Record<string, Json> = {};
    const put = (path: string) => {
      const segments = path.split('.');
      let node = data;
      for (const s of segments.slice(0, -1)) node = (node[s] ??= {}) as Record<string, Json>;
      node[segments.at(-1)!] = full.get(path)!;
    };
    leaves.forEach((f, i) => values[i]![1] && put(f.path));
    for (let round = 0; round < 5; round++) {
      const { required, data: current } = createFormState(composed, { data }).current;
      data = JSON.parse(JSON.stringify(current)) as Record<string, Json>;
      const missing = [...required].filter((path) => getPath(data, path) === undefined);
      if (!missing.length) break;
      missing.forEach(put);
    }
    return data;
  });
}

const scenario = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(`item-${i}`))).chain((items: ItemDefinition[]) => {
    const registry = registryOf([concepts, ...items, bundle(items.map((i) => i.id))]);
    const composed = compose(registry.bundle('test-bundle')!, registry).value;
    return fc.tuple(fc.constant({ registry, composed, items }), dataFor(composed));
  }),
);

describe('projection', () => {
  it('splits valid bundle data into item data that each item’s own schema accepts, and merges it back unchanged', () => {
    fc.assert(
      fc.property(scenario, ([{ registry, composed, items }, data]) => {
        const checked = checkSubmission(composed, { answers: {}, data }, createValidator(composed.schema));
        expect(checked.errors).toEqual([]);
        const perItem = project(composed, data);
        for (const def of items) expect(validateData(ownSchema(def.schema, registry), perItem[def.id])).toEqual([]);
        expect(unproject(composed, perItem)).toEqual(data);
      }),
      { numRuns: 150 },
    );
  });

  it('gives every item the shared value at its own path', () => {
    const registry = registryOf([
      concepts,
      item('a', { properties: { c: { 'x-concept': 'p.a' } } }),
      item('b', { properties: { g: { type: 'object', properties: { x: { 'x-concept': 'p.a' } } } }, required: ['g'] }),
      bundle(['a', 'b']),
    ]);
    const composed = compose(registry.bundle('test-bundle')!, registry).value;
    expect(project(composed, { p: { a: 'v' } })).toEqual({ a: { c: 'v' }, b: { g: { x: 'v' } } });
    expect(project(composed, {})).toEqual({ a: {}, b: { g: {} } });
    expect(unproject(composed, { a: { c: 'first' }, b: { g: { x: 'second' } } })).toEqual({ p: { a: 'first' } });
  });
});
