import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, Rule } from '../json.js';
import { evaluate } from './evaluate.js';
import { operators } from './operators/index.js';

/** True when `value` is plain JSON: no NaN, Infinity, undefined, function or class instance. */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 600) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.values(value).every((v) => isJson(v, depth + 1));
  }
  return false;
}

function nested(levels: number, leaf: Rule, wrap: (inner: Rule) => Rule): Rule {
  let rule = leaf;
  for (let i = 0; i < levels; i++) rule = wrap(rule);
  return rule;
}

describe('reading data reads only own data properties', () => {
  const attack = JSON.parse('{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": 2}}, "s": "abc"}') as Json;

  it.each([
    '__proto__',
    '__proto__.polluted',
    'constructor',
    'constructor.name',
    'a.constructor',
    'a.constructor.prototype',
    'toString',
    'hasOwnProperty',
    '__defineGetter__',
    '__lookupGetter__',
    'prototype',
    's.length',
    's.0',
  ])('{"var": "%s"} reads nothing (null)', (path) => {
    expect(evaluate({ var: path }, attack)).toBeNull();
    expect(evaluate({ var: [path, 'default'] }, attack)).toBe('default');
    expect(evaluate({ missing: [path] }, attack)).toEqual([path]);
  });

  it('never calls a getter or reads a class instance', () => {
    let calls = 0;
    const data = {
      get secret() {
        calls++;
        return 'x';
      },
      when: new Date(0),
    };
    expect(evaluate({ var: 'secret' }, data)).toBeNull();
    expect(evaluate({ var: 'when.getTime' }, data)).toBeNull();
    expect(calls).toBe(0);
  });

  it('coerces objects without calling their methods (data such as {"toString": 1} cannot throw)', () => {
    const data = JSON.parse('{"o": {"toString": 1, "valueOf": 1}}') as Json;
    expect(evaluate({ '==': [{ var: 'o' }, 'x'] }, data)).toBe(false);
    expect(evaluate({ cat: [{ var: 'o' }] }, data)).toBe('[object Object]');
    expect(evaluate({ '+': [{ var: 'o' }, 1] }, data)).toBeNull();
    expect(evaluate({ '<': [{ var: 'o' }, 1] }, data)).toBe(false);
  });

  it('does not let a rule change the prototype of anything', () => {
    evaluate({ merge: [{ var: '__proto__' }, { var: 'constructor' }] }, JSON.parse('{"__proto__": {"x": 1}}'));
    evaluate({ map: [[JSON.parse('{"__proto__": {"y": 1}}')], { var: '' }] }, {});
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });
});

describe('bounded work', () => {
  it('gives null for a rule nested past the depth limit, without overflowing the stack', () => {
    const deep = nested(100_000, true, (inner) => ({ '!': [inner] }));
    expect(evaluate(deep, null)).toBeNull();
    expect(evaluate(nested(10, true, (inner) => ({ '!!': [inner] })), null)).toBe(true);
  });

  it('stops a reduce over a huge array', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = performance.now();
    expect(evaluate({ reduce: [{ var: 'n' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, { n: huge })).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops strings and arrays that double on every step before they exhaust memory', () => {
    const forty = Array.from({ length: 40 }, () => 0);
    const started = performance.now();
    expect(evaluate({ reduce: [forty, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] }, null)).toBeNull();
    expect(evaluate({ reduce: [forty, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] }, null)).toBeNull();
    expect(evaluate({ map: [forty, { map: [forty, { map: [forty, { map: [forty, 1] }] }] }] }, null)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives null for a result nested deeper than any form value', () => {
    const list = Array.from({ length: 5_000 }, () => 0);
    expect(evaluate({ reduce: [list, [{ var: 'accumulator' }], null] }, null)).toBeNull();
  });

  it('gives null when coercing data nested too deeply', () => {
    let deep: Json = [1];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(evaluate({ cat: [{ var: 'd' }] }, { d: deep })).toBeNull();
    expect(evaluate({ '==': [{ var: 'd' }, 1] }, { d: deep })).toBeNull();
  });

  it('accepts tighter limits from the caller', () => {
    const rule = { map: [{ var: 'n' }, { var: '' }] };
    expect(evaluate(rule, { n: [1, 2, 3] })).toEqual([1, 2, 3]);
    expect(evaluate(rule, { n: [1, 2, 3] }, { limits: { maxSteps: 5 } })).toBeNull();
    expect(evaluate(rule, { n: [1, 2, 3] }, { limits: { maxLength: 2 } })).toBeNull();
  });

  it('keeps its own limits where the caller gives ones that are not limits (NaN, negative, unbounded depth)', () => {
    const deep = nested(100_000, true, (inner) => ({ '!': [inner] }));
    for (const limits of [{ maxDepth: Number.NaN }, { maxDepth: Number.POSITIVE_INFINITY }, { maxSteps: -1 }, { maxLength: Number.NaN }]) {
      expect([limits, evaluate(deep, null, { limits })]).toEqual([limits, null]);
      expect(evaluate({ '+': [1, 2] }, null, { limits })).toBe(3);
    }
  });
});

describe('evaluation never throws', () => {
  const names = [...operators.map((op) => op.name), 'log', 'unknown', '__proto__', 'constructor', 'toString', 'valueOf'];
  const paths = fc.constantFrom('', 'a', 'a.b', 'list', 'list.0', '__proto__', 'constructor.name', 'toString', 'o.toString', 'd');

  const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Rule>,
      paths.map((path) => ({ var: path })),
      fc.tuple(fc.constantFrom(...names), fc.array(tie('rule'), { maxLength: 4 })).map(([op, args]) => ({ [op]: args }) as Rule),
      fc.tuple(fc.constantFrom(...names), tie('rule')).map(([op, arg]) => ({ [op]: arg }) as Rule),
    ),
  }));

  const data = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record({
      a: fc.jsonValue({ maxDepth: 2 }),
      list: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
      o: fc.constant(JSON.parse('{"toString": 1, "valueOf": {"x": 1}, "__proto__": {"p": 1}}') as Json),
    }),
  );

  it('returns JSON for random rules over random data', () => {
    fc.assert(
      fc.property(rule, data, fc.option(fc.constantFrom('2024-02-29', '1999-12-31T23:00:00+08:00', 'not a date')), (r, d, now) => {
        const value = evaluate(r, d, now === null ? {} : { now });
        expect(isJson(value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
