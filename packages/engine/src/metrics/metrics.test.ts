import { describe, expect, it } from 'vitest';
import { bundle, composeAll, dictionary, item, material } from '../../test/fixtures/definitions.js';
import { metrics, reduction } from './metrics.js';

const step = (id: string, kind: 'accept' | 'review' | 'inspect' | 'decide' | 'deliver') => ({ id, kind, title: { 'zh-CN': id, en: id } });

// Three items, hand-counted:
//   a: visits 1, promised 3 days, steps accept+review+decide (3), materials id-card*, photo (optional), fields m (shared), x
//   b: visits 2, promised 10 days, steps accept+review+inspect+decide+deliver (5), materials id-card*, lease, fields m (shared), y, z
//   c: visits 1, promised 5 days, steps accept+review (2), materials register*, fields m (shared)      (* = an e-licence replaces it)
const definitions = (limits = {}) => [
  dictionary({ 'mother.name': {} }),
  item('a', { properties: { m: { 'x-concept': 'mother.name' }, x: { type: 'string' } } }, {
    limits: { legalDays: 5, promisedDays: 3, visits: 1 },
    steps: [step('accept', 'accept'), step('review', 'review'), step('decide', 'decide')],
    materials: [material('id-card', { eLicense: 'resident-id-card' }), material('photo', { required: false })],
  }),
  item('b', { properties: { m: { 'x-concept': 'mother.name' }, y: { type: 'string' }, z: { type: 'array', items: { type: 'string' } } } }, {
    limits: { legalDays: 20, promisedDays: 10, visits: 2 },
    steps: [step('accept', 'accept'), step('review', 'review'), step('inspect', 'inspect'), step('decide', 'decide'), step('deliver', 'deliver')],
    materials: [material('id-card', { eLicense: 'resident-id-card' }), material('lease')],
  }),
  item('c', { properties: { mm: { 'x-concept': 'mother.name' } } }, {
    limits: { legalDays: 10, promisedDays: 5, visits: 1 },
    steps: [step('accept', 'accept'), step('review', 'review')],
    materials: [material('register', { eLicense: 'household-register' })],
  }),
  bundle(['a', 'b', { item: 'c', version: '^1.0.0', when: { var: 'wantsC' } }], {
    limits: { visits: 0, acceptDays: 1, ...limits },
    questions: { type: 'object', properties: { wantsC: { type: 'boolean' } } },
  }),
];

describe('metrics', () => {
  it('computes the four reductions and fields over all items when composed without answers', () => {
    const m = metrics(composeAll(definitions()).value);
    expect(m.items).toEqual(['a', 'b', 'c']);
    // trips: 1 + 2 + 1 = 4 → 0 (fully online)
    expect(m.trips).toEqual({ before: 4, after: 0, percent: 100 });
    // time limit: 3 + 10 + 5 = 18 → 1 (acceptance) + 10 (slowest) = 11; (18 − 11) / 18 = 38.89 %
    expect(m.timeLimit).toEqual({ before: 18, after: 11, percent: 38.9 });
    // materials: required per item 1 + 2 + 1 = 4 → id-card (exempt), lease, register (exempt) → 1
    expect(m.materials).toEqual({ before: 4, after: 1, percent: 75 });
    // steps: 3 + 5 + 2 = 10 → 1 joint acceptance + 4 non-acceptance steps of b = 5
    expect(m.steps).toEqual({ before: 10, after: 5, percent: 50 });
    // fields: 2 + 3 + 1 = 6 → mother.name, a.x, b.y, b.z = 4; (6 − 4) / 6 = 33.33 %
    expect(m.fields).toEqual({ before: 6, after: 4, percent: 33.3 });
  });

  it('counts only the active items when composed with answers', () => {
    const m = metrics(composeAll(definitions(), { wantsC: false }).value);
    expect(m.items).toEqual(['a', 'b']);
    expect(m.trips).toEqual({ before: 3, after: 0, percent: 100 });
    expect(m.timeLimit).toEqual({ before: 13, after: 11, percent: 15.4 });
    expect(m.materials).toEqual({ before: 3, after: 1, percent: 66.7 });
    expect(m.steps).toEqual({ before: 8, after: 5, percent: 37.5 });
    expect(m.fields).toEqual({ before: 5, after: 4, percent: 20 });
  });

  it('defaults the bundle’s trips to the largest item value, and reports an increase as a negative cut', () => {
    const defs = definitions();
    delete (defs[4] as { limits?: object }).limits;
    const m = metrics(composeAll(defs).value);
    expect(m.trips).toEqual({ before: 4, after: 2, percent: 50 });
    expect(m.timeLimit.after).toBe(11);
    expect(reduction(2, 3)).toEqual({ before: 2, after: 3, percent: -50 });
  });

  it('gives 0 % when there is nothing before', () => {
    expect(reduction(0, 0)).toEqual({ before: 0, after: 0, percent: 0 });
    expect(reduction(0, 2)).toEqual({ before: 0, after: 2, percent: 0 });
    const m = metrics(composeAll(definitions(), { wantsC: true }).value);
    expect(m.items).toEqual(['a', 'b', 'c']);
  });
});
