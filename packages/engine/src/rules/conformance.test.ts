import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, Rule } from '../json.js';
import { evaluate } from './evaluate.js';

/**
 * Differential conformance: the official JSON Logic test suite cannot be downloaded here, so
 * random rules over the standard operators are evaluated by json-logic-js (the reference
 * implementation) and by the engine, and must agree. Known, documented deviations
 * (docs/rules.md) are kept out of the generated rules: non-finite results are `null`; `*` with
 * one argument multiplies; `var` does not index into strings; `missing` keys are strings. The
 * deviations for missing values (`substr`, `in`) are applied to the reference instead.
 */
const jsonLogic = createRequire(import.meta.url)('json-logic-js') as {
  apply(rule: unknown, data: unknown): unknown;
  add_operation(name: string, code: (...args: unknown[]) => unknown): void;
};
// The reference with the engine's deviations for missing values (docs/rules.md): `substr` of a
// missing text is `null` (not "null"), and a missing value is in no string.
const absent = (v: unknown) => v === null || v === undefined;
// Both are json-logic-js's own code (logic.js) with the one line of the deviation added.
jsonLogic.add_operation('substr', (source: unknown, start: unknown, end?: unknown) => {
  if (absent(source)) return null;
  if ((end as number) < 0) {
    const temp = String(source).substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return String(source).substr(start as number, end as number);
});
jsonLogic.add_operation('in', (a: unknown, b: unknown) => {
  if (typeof b === 'string' && absent(a)) return false;
  if (!b || typeof (b as { indexOf?: unknown }).indexOf === 'undefined') return false;
  return (b as string).indexOf(a as string) !== -1;
});

/** json-logic-js's answer made JSON the way the engine makes its results JSON. */
function asJson(value: unknown): Json {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (Array.isArray(value)) return value.map(asJson);
  return value as Json;
}

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.5, -2.25, 10, 100),
  fc.constantFrom('', 'a', 'abc', '1', '2.5', '0', 'apple', 'Springfield', ' 3 '),
  fc.boolean(),
  fc.constant(null),
);
const data = fc
  .record(
  {
    a: scalar,
    b: scalar,
    c: scalar,
    n: fc.record({ a: scalar, b: scalar }, { requiredKeys: [] }),
    list: fc.array(scalar, { maxLength: 5 }),
  },
  { requiredKeys: ['list'] },
  )
  // plain objects, as parsed JSON is (json-logic-js cannot coerce null-prototype objects)
  .map((d) => JSON.parse(JSON.stringify(d)) as Json);
const path = fc.constantFrom('a', 'b', 'c', 'n', 'n.a', 'n.b', 'list', 'list.0', 'list.1', 'list.length', 'nope', 'n.nope');
const elementPath = fc.constantFrom('', 'current', 'accumulator');

const { rule, body } = fc.letrec<{ rule: Rule; body: Rule }>((tie) => {
  const arg = () => tie('rule');
  const args = (min: number, max: number) => fc.array(arg(), { minLength: min, maxLength: max });
  const op = (name: string, a: fc.Arbitrary<Rule[]>) => a.map((v) => ({ [name]: v }) as Rule);
  const leaf = fc.oneof(scalar as fc.Arbitrary<Rule>, path.map((p) => ({ var: p })), fc.tuple(path, scalar).map(([p, d]) => ({ var: [p, d] }) as Rule));
  const scoped = (name: string) =>
    fc.tuple(fc.oneof(path.map((p) => ({ var: p }) as Rule), fc.array(scalar as fc.Arbitrary<Rule>, { maxLength: 4 })), tie('body')).map(
      ([list, b]) => ({ [name]: [list, b] }) as Rule,
    );
  return {
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      op('missing', fc.array(path as fc.Arbitrary<Rule>, { maxLength: 3 })),
      op('missing_some', fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(path as fc.Arbitrary<Rule>, { maxLength: 3 }))),
      ...['if', '?:'].map((name) => op(name, args(0, 5))),
      ...['==', '===', '!=', '!==', '>', '>=', '/', '%', 'in'].map((name) => op(name, args(2, 2))),
      ...['<', '<='].map((name) => op(name, args(2, 3))),
      ...['!', '!!'].map((name) => op(name, args(1, 1))),
      ...['or', 'and', 'max', 'min', '+', 'merge', 'cat'].map((name) => op(name, args(1, 4))),
      op('*', args(2, 3)),
      op('-', args(1, 2)),
      op('substr', fc.tuple(arg(), fc.integer({ min: -6, max: 6 }), fc.option(fc.integer({ min: -6, max: 6 }), { nil: undefined })).map(
        ([s, start, length]) => (length === undefined ? [s, start] : [s, start, length]),
      )),
      ...['map', 'filter', 'all', 'none', 'some'].map(scoped),
      fc.tuple(path, tie('body'), scalar).map(([p, b, initial]) => ({ reduce: [{ var: p }, b, initial] }) as Rule),
    ),
    // A scoped rule reads the element (or current/accumulator), not the data.
    body: fc.oneof(
      elementPath.map((p) => ({ var: p }) as Rule),
      fc.tuple(fc.constantFrom('+', '*', '==', '>', 'cat', 'and', 'or', '%'), elementPath, fc.oneof(elementPath.map((p) => ({ var: p }) as Rule), scalar as fc.Arbitrary<Rule>)).map(
        ([name, p, other]) => ({ [name]: [{ var: p }, other] }) as Rule,
      ),
    ),
  };
});

describe('conformance with json-logic-js', () => {
  it('agrees on random rules over the standard operators', () => {
    fc.assert(
      fc.property(rule, data, (r, d) => {
        expect(evaluate(r, d)).toEqual(asJson(jsonLogic.apply(r, d)));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the examples of the operation reference (jsonlogic.com)', () => {
    const examples: Array<[Rule, Json]> = [
      [{ if: [{ '<': [{ var: 'temp' }, 110] }, 'too cold', 'just right'] }, { temp: 100 }],
      [{ and: [{ '<': [{ var: 'temp' }, 110] }, { '==': [{ var: 'pie.filling' }, 'apple'] }] }, { temp: 100, pie: { filling: 'apple' } }],
      [{ '==': [{ '%': [{ var: 'i' }, 15] }, 0] }, { i: 30 }],
      [{ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' }],
      [{ '<=': [0, { var: 'temp' }, 100] }, { temp: 37 }],
      [{ cat: ['Hello, ', { var: '' }] }, 'Dolly'],
    ];
    for (const [r, d] of examples) expect(evaluate(r, d)).toEqual(asJson(jsonLogic.apply(r, d)));
  });
});
