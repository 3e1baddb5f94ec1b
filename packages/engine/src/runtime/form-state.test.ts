import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Json, Rule } from '../json.js';
import { familyBundle } from '../../test/fixtures/family-bundle.js';
import { hiddenChainBundle } from '../../test/fixtures/hidden-chain-bundle.js';
import { bundle, composeAll, dictionary, item } from '../../test/fixtures/definitions.js';
import { createFormState, type FormSnapshot } from './form-state.js';

// Count every rule evaluation, to check that an update evaluates only what a change can affect.
const evaluated: Rule[] = [];
vi.mock('../rules/evaluate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../rules/evaluate.js')>();
  return { ...original, evaluate: (rule: Rule, ...rest: [unknown, object?]) => (evaluated.push(rule), original.evaluate(rule, ...rest)) };
});

const composed = familyBundle();

const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('form state', () => {
  it('starts from the answers and data: active items, visible and required fields, computed values, materials', () => {
    const form = createFormState(composed, { now: '2024-05-01', answers: { settleHere: false }, data: { child: { birthDate: '2022-09-01' } } });
    const s = form.current;
    expect(sorted(s.active)).toEqual(['cert']);
    expect(sorted(s.visible)).toEqual(['cert', 'cert.ageYears', 'cert.under3', 'child', 'child.birthDate', 'delivery', 'delivery.method', 'mother', 'mother.name']);
    expect(sorted(s.required)).toEqual(['mother.name']);
    expect(s.values).toEqual({ 'cert.ageYears': 1, 'cert.under3': true });
    expect(s.data).toEqual({ child: { birthDate: '2022-09-01' }, cert: { ageYears: 1, under3: true } });
    expect({ visible: sorted(s.materials.visible), required: sorted(s.materials.required), exempt: sorted(s.materials.exempt) }).toEqual({
      visible: ['mother-id', 'photo'],
      required: ['photo'],
      exempt: ['mother-id'],
    });
    expect({ visible: sorted(s.questions.visible), required: sorted(s.questions.required) }).toEqual({ visible: ['settleHere', 'why'], required: ['settleHere'] });
  });

  it('switches an item on: its fields, requiredness and materials appear, and the update says what changed', () => {
    const form = createFormState(composed, { answers: { settleHere: false } });
    const u = form.update({ answers: { settleHere: true } });
    expect(u.changedItems).toEqual(['register']);
    expect(u.changed).toEqual(['father', 'father.name', 'register', 'register.married']);
    expect(u.required.has('register.married')).toBe(true);
    expect(u.changedQuestions).toEqual(['why']);
    expect(u.questions.visible.has('why')).toBe(false);
    expect(u.changedMaterials).toEqual([]);
    expect(form.update({ data: { 'register.married': true } }).changedMaterials).toEqual(['marriage-cert']);
  });

  it('requires a shared field by the rule of the item that asks for it, only while that item is active', () => {
    const form = createFormState(composed, { answers: { settleHere: true }, data: { register: { married: true } } });
    expect(form.current.required.has('father.name')).toBe(true);
    const u = form.update({ answers: { settleHere: false } });
    expect(u.visible.has('father.name')).toBe(false);
    expect(u.required.has('father.name')).toBe(false);
    expect(u.changed).toContain('father.name');
  });

  it('hides a group and everything in it when its visible rule fails', () => {
    const form = createFormState(composed, { answers: { settleHere: true }, data: { register: { married: true } } });
    expect(form.current.visible.has('register.extra.note')).toBe(true);
    const u = form.update({ data: { 'register.married': false } });
    expect(u.changed).toEqual(['father.name', 'register.extra', 'register.extra.note']);
    expect(u.visible.has('register.extra.note')).toBe(false);
  });

  it('feeds computed values to the rules that read them, and keeps snapshots immutable', () => {
    const form = createFormState(composed, { now: '2024-05-01' });
    const before = form.current;
    const u = form.update({ data: { 'child.birthDate': '2020-01-01' } });
    expect(u.values).toEqual({ 'cert.ageYears': 4, 'cert.under3': false });
    expect(u.changed).toEqual(['cert.ageYears', 'cert.under3']);
    expect(u.materials.visible.has('photo')).toBe(false);
    expect(u.changedMaterials).toEqual(['photo']);
    // Without a birth date the age is null, and null < 3 holds (JSON Logic compares like JavaScript).
    expect(before.data).toEqual({ cert: { ageYears: null, under3: true } });
    expect(before.materials.visible.has('photo')).toBe(true);
    expect(u.visible).toBe(before.visible);
  });

  it('keeps a computed value when something is written over it or its group is replaced', () => {
    const form = createFormState(composed, { now: '2024-05-01', data: { child: { birthDate: '2020-01-01' } } });
    expect(form.update({ data: { 'cert.ageYears': 99 } }).data.cert).toEqual({ ageYears: 4, under3: false });
    expect(form.update({ data: { cert: {} } }).data.cert).toEqual({ ageYears: 4, under3: false });
  });

  it('evaluates only the rules that read what changed', () => {
    const form = createFormState(composed, { answers: { settleHere: true } });
    evaluated.length = 0;
    form.update({ data: { 'delivery.method': 'mail' } });
    expect(evaluated).toEqual([composed.rules['delivery.address']!.visible, composed.rules['delivery.address']!.required]);
    evaluated.length = 0;
    form.update({ data: { 'mother.name': '王' } });
    expect(evaluated).toEqual([]);
  });

  it('ignores paths that could reach the object machinery', () => {
    const form = createFormState(composed);
    const u = form.update({ data: { '__proto__.polluted': 1, 'constructor.x': 2 } });
    expect(u.data).toEqual(form.current.data);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores a path deeper than any field instead of overflowing the stack', () => {
    const form = createFormState(composed);
    const u = form.update({ data: { [`${'a.'.repeat(100_000)}b`]: 1 } });
    expect(u.data).toEqual(form.current.data);
    expect(u.changed).toEqual([]);
  });
});

describe('hidden values', () => {
  const chain = hiddenChainBundle();

  it('never decide what else is shown, whatever the form order: rules read the data without hidden fields', () => {
    const form = createFormState(chain, { data: { a: { show: false, g: 'stale', f: 'x', h: 'y' } } });
    expect(sorted(form.current.visible)).toEqual(['a', 'a.f', 'a.h', 'a.k', 'a.show']);
    expect(form.current.values).toEqual({ 'a.k': 'y!' });
    // The hidden value is kept, so it comes back when its field does.
    expect(form.current.data.a).toEqual({ show: false, g: 'stale', f: 'x', h: 'y', k: 'y!' });
    const u = form.update({ data: { 'a.show': true } });
    expect(u.changed).toEqual(['a.f', 'a.g', 'a.h', 'a.k']);
    expect(sorted(u.visible)).toEqual(['a', 'a.g', 'a.k', 'a.show']);
    expect(u.values).toEqual({ 'a.k': '!' });
  });

  it('of a hidden question do not switch items', () => {
    const form = createFormState(chain, { answers: { settle: false, why: 'move' } });
    expect(sorted(form.current.active)).toEqual(['a', 'b']);
    const u = form.update({ answers: { settle: true } });
    expect(u.changedQuestions).toEqual(['why']);
    expect(u.changedItems).toEqual(['b']);
    expect(u.answers).toEqual({ settle: true, why: 'move' });
  });
});

describe('incremental updates', () => {
  const paths = ['register.married', 'delivery.method', 'child.birthDate', 'mother.name', 'father.name', 'register.extra.note'];
  const values: Record<string, fc.Arbitrary<Json | undefined>> = {
    'register.married': fc.constantFrom(true, false, undefined),
    'delivery.method': fc.constantFrom('mail', 'window', undefined),
    'child.birthDate': fc.constantFrom('2020-01-01', '2023-06-30', 'bad', undefined),
    'mother.name': fc.constantFrom('王', '', undefined),
    'father.name': fc.constantFrom('李', undefined),
    'register.extra.note': fc.constantFrom('x', undefined),
  };
  const change = fc.oneof(
    fc.constantFrom(...paths).chain((path) => values[path]!.map((value) => ({ data: { [path]: value } }))),
    fc.constantFrom(true, false, undefined).map((settleHere) => ({ answers: { settleHere } })),
  );
  const view = (s: FormSnapshot) => ({
    data: s.data,
    active: sorted(s.active),
    visible: sorted(s.visible),
    required: sorted(s.required),
    values: s.values,
    materials: [sorted(s.materials.visible), sorted(s.materials.required), sorted(s.materials.exempt)],
    questions: [sorted(s.questions.visible), sorted(s.questions.required)],
  });

  it('re-evaluate a bundle rule that asks whether another item is active when that item switches', () => {
    const { value } = composeAll([
      dictionary({}),
      item('a', { properties: { x: { type: 'string' } } }),
      item('b', { properties: { y: { type: 'string' } } }),
      bundle(['a', { item: 'b', version: '^1.0.0', when: { var: 'wantB' } }], {
        questions: { type: 'object', properties: { wantB: { type: 'boolean' } } },
        ui: { rules: { 'a.x': { visible: { '!': { item_active: 'b' } } } } },
      }),
    ]);
    const form = createFormState(value, { answers: { wantB: false } });
    expect(form.current.visible.has('a.x')).toBe(true);
    const u = form.update({ answers: { wantB: true } });
    expect(u.visible.has('a.x')).toBe(false);
    expect(u.changed).toEqual(['a.x', 'b', 'b.y']);
  });

  it('agree with evaluating everything from scratch when hidden values decide nothing, in any order', () => {
    const chain = hiddenChainBundle();
    const chainChange = fc.oneof(
      fc.record({ data: fc.record({ 'a.f': fc.constantFrom('x', '', 'z', undefined), 'a.g': fc.constantFrom('x', '', undefined), 'a.h': fc.constantFrom('y', undefined), 'a.show': fc.constantFrom(true, false, undefined) }, { requiredKeys: [] }) }),
      fc.record({ data: fc.constantFrom({ a: { f: 'x', g: 'x', show: false } }, { a: undefined }) }),
      fc.record({ answers: fc.record({ settle: fc.constantFrom(true, false, undefined), why: fc.constantFrom('move', 'stay', undefined) }, { requiredKeys: [] }) }),
    );
    fc.assert(
      fc.property(fc.array(chainChange, { minLength: 1, maxLength: 10 }), (changes) => {
        const form = createFormState(chain);
        for (const c of changes) form.update(c as never);
        const fresh = createFormState(chain, { answers: form.current.answers, data: form.current.data });
        expect(view(form.current)).toEqual(view(fresh.current));
      }),
      { numRuns: 400 },
    );
  });

  it('always agree with evaluating everything from scratch', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), (changes) => {
        const form = createFormState(composed, { now: '2024-05-01' });
        for (const c of changes) form.update(c as never);
        const fresh = createFormState(composed, { now: '2024-05-01', answers: form.current.answers, data: form.current.data });
        expect(view(form.current)).toEqual(view(fresh.current));
      }),
      { numRuns: 400 },
    );
  });
});
