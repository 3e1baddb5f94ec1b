import { describe, expect, it } from 'vitest';
import { dependencies, reads } from './reads.js';
import type { Rule } from '../json.js';
import { rewrite } from './rewrite.js';

describe('reads: the paths a rule reads', () => {
  it('collects var paths, missing keys and missing_some keys, sorted and unique', () => {
    expect(
      reads({
        and: [{ '==': [{ var: 'mother.name' }, { var: ['father.name', ''] }] }, { missing: ['a', 'b'] }, { missing_some: [1, ['c', 'a']] }, { var: 0 }],
      }),
    ).toEqual(['0', 'a', 'b', 'c', 'father.name', 'mother.name']);
  });

  it('reads the array of a scoped operator, not the paths its rule reads from each element', () => {
    expect(reads({ some: [{ var: 'children' }, { '<': [{ var: 'age' }, { var: 'limit' }] }] })).toEqual(['children']);
    expect(reads({ reduce: [{ var: 'items' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'start' }] })).toEqual([
      'items',
      'start',
    ]);
  });

  it('follows keys through if branches and merge inside missing', () => {
    const rule = { missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } };
    expect(dependencies(rule)).toEqual({ paths: ['apr', 'financing', 'term', 'vin'], any: false });
  });

  it('says when a rule may read anything: computed or empty paths', () => {
    expect(dependencies({ var: { cat: ['a', { var: 'k' }] } })).toEqual({ paths: ['k'], any: true });
    expect(dependencies({ var: '' })).toEqual({ paths: [], any: true });
    expect(dependencies({ missing: [{ var: 'k' }] })).toEqual({ paths: ['k'], any: true });
    expect(dependencies({ map: [{ var: 'xs' }, { var: '' }] })).toEqual({ paths: ['xs'], any: false });
  });

  it('reads nothing from literals and objects that are not operations', () => {
    expect(dependencies({ a: { var: 'x' }, b: 1 })).toEqual({ paths: [], any: false });
    expect(dependencies(true)).toEqual({ paths: [], any: false });
  });
});

describe('rewrite: renaming the paths a rule reads', () => {
  const toBundle = (path: string) => (path.startsWith('applicant.') ? path.replace('applicant.', 'mother.') : `item.${path}`);

  it('renames var paths, missing keys and missing_some keys, keeping the short form', () => {
    expect(
      rewrite(
        { and: [{ var: 'applicant.name' }, { var: ['weight', 0] }, { missing: ['applicant.id'] }, { missing_some: [1, ['a']] }] },
        toBundle,
      ),
    ).toEqual({ and: [{ var: 'mother.name' }, { var: ['item.weight', 0] }, { missing: ['mother.id'] }, { missing_some: [1, ['item.a']] }] });
  });

  it('leaves scoped rules alone: they read array elements', () => {
    const rule: Rule = { all: [{ var: 'rows' }, { '>': [{ var: 'n' }, 0] }] };
    expect(rewrite(rule, toBundle)).toEqual({ all: [{ var: 'item.rows' }, { '>': [{ var: 'n' }, 0] }] });
  });

  it('keeps paths the mapper does not know, and does not modify the input', () => {
    const rule = { if: [{ var: 'x' }, { var: 'y' }, 'z'] };
    const copy = structuredClone(rule);
    expect(rewrite(rule, (p) => (p === 'x' ? 'a.x' : undefined))).toEqual({ if: [{ var: 'a.x' }, { var: 'y' }, 'z'] });
    expect(rule).toEqual(copy);
  });

  it('renames exactly what reads reports', () => {
    const rule = { missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr'], []] }] } };
    expect(reads(rewrite(rule, (p) => `x.${p}`))).toEqual(reads(rule).map((p) => `x.${p}`));
  });
});
