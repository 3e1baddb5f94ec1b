import { describe, expect, it } from 'vitest';
import type { Json } from '../json.js';
import { applyMergePatch } from './merge-patch.js';

// RFC 7396, Appendix A: every example, target → patch → result.
const RFC_7396_EXAMPLES: Array<[Json, Json, Json]> = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('applyMergePatch follows RFC 7396', () => {
  it.each(RFC_7396_EXAMPLES.map(([target, patch, result], i) => ({ i: i + 1, target, patch, result })))(
    'Appendix A example $i',
    ({ target, patch, result }) => {
      expect(applyMergePatch(target, patch).value).toEqual(result);
    },
  );

  it('applies the example of section 3 and says where it wrote and what it merged into', () => {
    const target = { title: 'Goodbye!', author: { givenName: 'John', familyName: 'Doe' }, tags: ['example', 'sample'], content: 'This will be unchanged' };
    const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };

    const outcome = applyMergePatch(target, patch);

    expect(outcome.value).toEqual({ title: 'Hello!', author: { givenName: 'John' }, tags: ['example'], content: 'This will be unchanged', phoneNumber: '+01-123-456-7890' });
    expect(outcome.written.sort()).toEqual(['/author/familyName', '/phoneNumber', '/tags', '/title']);
    expect(outcome.merged).toEqual(['', '/author']);
  });

  it('counts a new object as one write, so later checks treat all of it as the patch’s', () => {
    expect(applyMergePatch({ a: 1 }, { b: { c: { d: 1 } } }).written).toEqual(['/b']);
  });

  it('changes neither the target nor the patch', () => {
    const target = { a: { b: 1 }, c: [1] };
    const patch = { a: { b: 2 }, c: null };
    const before = JSON.stringify([target, patch]);

    applyMergePatch(target, patch);

    expect(JSON.stringify([target, patch])).toBe(before);
  });

  it('keeps a member named __proto__ as data and applies every member after it', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "after": 1}') as Json;

    const { value } = applyMergePatch({}, patch) as { value: Record<string, unknown> };

    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'after']);
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x", "after": 1}'));
  });
});
