import { describe, expect, it } from 'vitest';
import { changedPaths, copyObject, mergePatch, projectData, setPath } from './data.js';

describe('data helpers', () => {
  it('project an item’s own data: values copied to its paths, required groups created, other items’ fields left out', () => {
    const data = { mother: { name: '李', idNumber: 'x' }, shop: { area: 20 } };
    expect(
      projectData(data, [
        { from: 'mother.name', to: 'motherName' },
        { from: 'mother', to: 'parent', kind: 'group' },
        { from: 'shop', to: 'shop', kind: 'group' },
      ]),
    ).toEqual({ motherName: '李', parent: {}, shop: {} });
  });

  it('merge patches (RFC 7396) without touching the input, and never through __proto__', () => {
    const before = { a: 1, b: { c: 2 } };
    const patch = JSON.parse('{ "b": { "c": null, "d": 3 }, "__proto__": { "polluted": true } }');
    const merged = mergePatch(before, patch) as Record<string, unknown>;
    expect(merged).toEqual({ a: 1, b: { d: 3 } });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(before).toEqual({ a: 1, b: { c: 2 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(setPath({}, '__proto__.x', 1)).toEqual({});
  });

  it('list the leaf paths two values differ at', () => {
    expect(changedPaths({ a: { b: 1, c: 2 }, l: [1] }, { a: { b: 1, c: 3 }, l: [1, 2], n: { m: 'x' } })).toEqual(['a.c', 'l', 'n.m']);
    expect(changedPaths({ a: 'x' }, { a: { b: 1 } })).toEqual(['a']);
  });

  it('project without writing into the bundle data a value was taken from', () => {
    const data = { a: { k: 1 }, b: 2 };
    const projected = projectData(data, [
      { from: 'a', to: 'x' },
      { from: 'b', to: 'x.y' },
    ]);
    expect(projected).toEqual({ x: { k: 1, y: 2 } });
    expect(data).toEqual({ a: { k: 1 }, b: 2 });
  });

  it('copy an own __proto__ key as data, never as the copy’s prototype (as a spread does, unlike Object.assign)', () => {
    const parsed = JSON.parse('{ "__proto__": { "polluted": true }, "a": 1 }') as Record<string, never>;
    for (const copy of [copyObject(parsed), setPath(parsed, 'b', 2), mergePatch(parsed, { c: 3 }) as Record<string, unknown>]) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
      expect(Object.keys(copy)).toContain('__proto__');
    }
  });
});
