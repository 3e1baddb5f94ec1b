import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from './hash.js';

describe('canonical JSON', () => {
  it('writes what the canonicalize package writes, for any JSON value (any UTF-16 text, lone surrogates refused by both)', () => {
    const outcome = (f: () => unknown) => {
      try {
        return f();
      } catch {
        return 'threw';
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' })), (value) => {
        expect(outcome(() => canonicalJson(value))).toBe(outcome(() => canonicalize(value)));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves out undefined members and writes undefined array slots as null, like canonicalize', () => {
    const value = { b: undefined, a: [undefined, 1], c: { toJSON: () => 'x' } };
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(value)).toBe('{"a":[null,1],"c":"x"}');
  });

  it('quotes plain ASCII as it is and escapes quotes, backslashes, control and non-ASCII characters, like canonicalize', () => {
    const strings = ['id-card', 'a"b', 'a\\b', 'tab\there', '\u007f', '王芳', 'x'.repeat(129), `${'y'.repeat(200)}"`, ''];
    for (const s of strings) expect(canonicalJson({ [s]: s })).toBe(canonicalize({ [s]: s }));
    expect(canonicalJson(['a"b', '\u0001'])).toMatchInlineSnapshot(`"[\"a\\\"b\",\"\\u0001\"]"`);
  });

  it('refuses what JSON cannot carry', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson('\uD800')).toThrow('Lone surrogate');
    expect(() => canonicalJson(cycle)).toThrow('Circular');
  });

  it('hashes equal values alike whatever their key order', () => {
    expect(canonicalHash({ b: 1, a: { d: [1, 2], c: '王' } })).toBe(canonicalHash({ a: { c: '王', d: [1, 2] }, b: 1 }));
  });
});
