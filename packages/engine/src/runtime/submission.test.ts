import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../json.js';
import type { ShapeValidator } from '../validate/types.js';
import { createValidator } from '../validate/index.js';
import { familyBundle } from '../../test/fixtures/family-bundle.js';
import { hiddenChainBundle } from '../../test/fixtures/hidden-chain-bundle.js';
import { createFormState } from './form-state.js';
import { getPath, isEmptyValue } from './paths.js';
import { bundle, composeAll, dictionary, item } from '../../test/fixtures/definitions.js';
import { checkSubmission, errorLocation } from './submission.js';

const composed = familyBundle();
const validateShape = createValidator(composed.schema);
const file = (type = 'application/pdf', size = 1000) => ({ sha256: 'a'.repeat(64), name: 'scan.pdf', size, type });
const summary = (errors: ReturnType<typeof checkSubmission>['errors']) => errors.map((e) => [e.keyword, e.instancePath, e.params, e.message.en]);

describe('checking a submission', () => {
  it('accepts a complete submission and stores only what is visible, with computed values applied', () => {
    const result = checkSubmission(
      composed,
      {
        answers: { settleHere: false, why: 'moving away', unknown: 1 },
        data: {
          mother: { name: '王晓燕' },
          father: { name: '李建国' }, // asked only by register, which is not active
          child: { birthDate: '2023-01-01' },
          delivery: { method: 'window', address: 'hidden: not mail' },
          cert: { ageYears: 99, under3: false },
          register: { married: true },
          stray: 'not a field',
        },
        materials: { photo: { files: [file('image/jpeg')] }, 'marriage-cert': { files: [file()] } },
      },
      validateShape,
      { now: '2024-05-01' },
    );
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({ mother: { name: '王晓燕' }, child: { birthDate: '2023-01-01' }, delivery: { method: 'window' }, cert: { ageYears: 1, under3: true } });
    expect(result.answers).toEqual({ settleHere: false, why: 'moving away' });
    expect(result.materials).toEqual({ photo: { files: [file('image/jpeg')] } });
  });

  it('reports missing required fields, questions and materials as ajv-shaped errors in both languages', () => {
    const result = checkSubmission(composed, { answers: { settleHere: true }, data: { register: { married: true }, delivery: { method: 'mail' } } }, validateShape, { now: '2024-05-01' });
    expect(result.ok).toBe(false);
    expect(summary(result.errors)).toMatchInlineSnapshot(`
      [
        [
          "required",
          "/data/mother",
          {
            "missingProperty": "name",
          },
          ""mother.name" is required",
        ],
        [
          "required",
          "/data/delivery",
          {
            "missingProperty": "address",
          },
          ""delivery.address" is required",
        ],
        [
          "required",
          "/data/father",
          {
            "missingProperty": "name",
          },
          ""father.name" is required",
        ],
        [
          "required",
          "/materials",
          {
            "missingProperty": "photo",
          },
          "Provide "photo"",
        ],
        [
          "required",
          "/materials",
          {
            "missingProperty": "marriage-cert",
          },
          "Provide "marriage-cert"",
        ],
      ]
    `);
    expect(result.errors[0]!.message).toMatchInlineSnapshot(`
      {
        "en": ""mother.name" is required",
        "zh-CN": "请填写“mother.name”",
      }
    `);
    expect(checkSubmission(composed, { answers: {}, data: {} }).errors.find((e) => e.instancePath === '/answers')?.message).toMatchInlineSnapshot(`
      {
        "en": ""settleHere" is required",
        "zh-CN": "请填写“settleHere”",
      }
    `);
  });

  it('runs the shape validator on the pruned data and points its errors into the submission', () => {
    const data = { mother: { name: 'x' }, child: { birthDate: '2000-01-01' }, delivery: { method: 'drone' } };
    const result = checkSubmission(composed, { answers: { settleHere: false }, data }, validateShape, { now: '2024-05-01' });
    expect(summary(result.errors).map(([keyword, path]) => [keyword, path])).toEqual([['enum', '/data/delivery/method']]);
    expect(errorLocation(result.errors[0]!)).toEqual({ part: 'data', path: 'delivery.method' });
  });

  it('checks materials against their limits and e-licence type; an exempt material needs no upload', () => {
    const result = checkSubmission(
      composed,
      {
        answers: { settleHere: true },
        data: { mother: { name: 'x' }, register: { married: false } },
        materials: {
          photo: { files: [file('image/png', 10), file('application/pdf', 9_000_000)] },
          'mother-id': { eLicense: { type: 'household-register', number: 'x' } },
        },
      },
      null,
      { now: '2024-05-01' },
    );
    expect(summary(result.errors)).toMatchInlineSnapshot(`
      [
        [
          "const",
          "/materials/mother-id/eLicense/type",
          {
            "allowedValue": "resident-id-card",
          },
          ""mother-id" can only reference an e-licence of type "resident-id-card"",
        ],
        [
          "maxItems",
          "/materials/photo/files",
          {
            "limit": 1,
          },
          ""photo" takes at most 1 file",
        ],
        [
          "enum",
          "/materials/photo/files/0/type",
          {
            "allowedValues": [
              "application/pdf",
              "image/jpeg",
            ],
          },
          ""photo" accepts only application/pdf, image/jpeg",
        ],
        [
          "maximum",
          "/materials/photo/files/1/size",
          {
            "comparison": "<=",
            "limit": 5242880,
          },
          "Files of "photo" must not exceed 5 MB",
        ],
      ]
    `);
    const exempt = checkSubmission(composed, { answers: { settleHere: false }, data: { mother: { name: 'x' }, child: { birthDate: '2000-01-01' } } }, null, { now: '2024-05-01' });
    expect(exempt.errors).toEqual([]);
  });

  it('keeps the e-licence an applicant chose without its number, and refuses a blank or non-text number', () => {
    // Given the applicant chose "use my e-licence" for the mother's ID card and did not know the number
    const submission = (eLicense: Json) => ({
      answers: { settleHere: false },
      data: { mother: { name: 'x' }, child: { birthDate: '2000-01-01' } },
      materials: { 'mother-id': { eLicense } },
    });
    // When the submission is checked, then the choice is stored as it is: the department retrieves the licence
    const chosen = checkSubmission(composed, submission({ type: 'resident-id-card' }), null, { now: '2024-05-01' });
    expect(chosen.errors).toEqual([]);
    expect(chosen.materials).toEqual({ 'mother-id': { eLicense: { type: 'resident-id-card' } } });
    // And a number that is given must say something
    const blank = checkSubmission(composed, submission({ type: 'resident-id-card', number: '  ' }), null, { now: '2024-05-01' });
    const numeric = checkSubmission(composed, submission({ type: 'resident-id-card', number: 42 }), null, { now: '2024-05-01' });
    expect([...summary(blank.errors), ...summary(numeric.errors)]).toMatchInlineSnapshot(`
      [
        [
          "type",
          "/materials/mother-id/eLicense",
          {},
          "mother-id/eLicense is malformed",
        ],
        [
          "type",
          "/materials/mother-id/eLicense",
          {},
          "mother-id/eLicense is malformed",
        ],
      ]
    `);
    expect(blank.materials).toEqual({});
  });

  it('does not let a hidden value decide what else is shown', () => {
    const trap = composeAll([
      dictionary({}),
      item('a', { properties: { c: { type: 'boolean' }, a: { type: 'string' }, b: { type: 'string' } }, required: ['b'] }, {
        ui: { rules: { a: { visible: { var: 'c' } }, b: { visible: { '==': [{ var: 'a' }, 'x'] } } } },
      }),
      bundle(['a']),
    ]).value;
    // a is hidden (c is false), so its stale "x" must not show b, and b is then not required.
    const result = checkSubmission(trap, { answers: {}, data: { a: { c: false, a: 'x' } } });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ a: { c: false } });
  });

  it('keeps what the form showed: a field shown because a hidden value is ignored is stored, not reported missing', () => {
    // g is hidden (show is false), so its stale value does not hide f; f was filled in and must be kept.
    const result = checkSubmission(hiddenChainBundle(), { answers: {}, data: { a: { show: false, g: 'stale', f: 'x', h: 'y' } } });
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ a: { show: false, f: 'x', h: 'y', k: 'y!' } });
  });

  it('requires exactly what the form state requires and stores exactly what it shows', () => {
    const chain = hiddenChainBundle();
    const value = fc.constantFrom<Json | undefined>('x', 'y', '', true, false, null, undefined);
    const data = fc.record({ a: fc.record({ f: value, show: value, g: value, h: value, k: value }, { requiredKeys: [] }), b: fc.record({ note: value }, { requiredKeys: [] }) }, { requiredKeys: [] });
    const answers = fc.record({ settle: value, why: fc.constantFrom('move', 'stay') }, { requiredKeys: [] });
    fc.assert(
      fc.property(answers, data, (a, d) => {
        const form = createFormState(chain, { answers: a as Record<string, Json>, data: d as Record<string, Json> }).current;
        const result = checkSubmission(chain, JSON.parse(JSON.stringify({ answers: a, data: d })));
        const missing = result.errors.filter((e) => e.keyword === 'required' && e.instancePath.startsWith('/data')).map((e) => errorLocation(e).path).sort();
        expect(missing).toEqual([...form.required].filter((path) => isEmptyValue(getPath(form.data, path))).sort());
        for (const path of Object.keys(chain.fields).filter((p) => chain.fields[p]!.kind !== 'group')) expect([path, getPath(result.data, path) !== undefined]).toEqual([path, form.visible.has(path) && !isEmptyValue(getPath(form.data, path))]);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: checking what it would store changes nothing', () => {
    const value = fc.constantFrom<Json>('mail', 'window', '王', '', null, true, false, '2020-01-01', 'bad', 3);
    const data = fc.record({
      mother: fc.record({ name: value }, { requiredKeys: [] }),
      father: fc.record({ name: value }, { requiredKeys: [] }),
      child: fc.record({ birthDate: value }, { requiredKeys: [] }),
      delivery: fc.record({ method: value, address: value }, { requiredKeys: [] }),
      register: fc.record({ married: value, extra: fc.record({ note: value }, { requiredKeys: [] }) }, { requiredKeys: [] }),
      stray: value,
    }, { requiredKeys: [] });
    const answers = fc.record({ settleHere: value, why: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(answers, data, (a, d) => {
        const first = checkSubmission(composed, { answers: a, data: d }, validateShape, { now: '2024-05-01' });
        const again = checkSubmission(composed, { answers: first.answers, data: first.data }, validateShape, { now: '2024-05-01' });
        expect(again.data).toEqual(first.data);
        expect(again.answers).toEqual(first.answers);
        expect(again.errors.filter((e) => !e.instancePath.startsWith('/materials'))).toEqual(first.errors.filter((e) => !e.instancePath.startsWith('/materials')));
      }),
      { numRuns: 300 },
    );
  });

  describe('an empty list is not filled in', () => {
    // given a household with a required repeatable group, a required multiple choice (with an
    // explicit minItems 0), an optional list, and a note shown only once a member is listed
    const household = composeAll([
      dictionary({}),
      item('h', {
        properties: {
          members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
          needs: { type: 'array', minItems: 0, items: { type: 'string', enum: ['ramp', 'interpreter'] } },
          pets: { type: 'array', items: { type: 'string' } },
          note: { type: 'string' },
        },
        required: ['members', 'needs'],
      }, { ui: { rules: { note: { visible: { var: 'members' } } } } }),
      bundle(['h'], { questions: { type: 'object', properties: { reasons: { type: 'array', items: { type: 'string' } } }, required: ['reasons'] } }),
    ]).value;
    const validate = createValidator(household.schema);
    const missing = (result: ReturnType<typeof checkSubmission>) => result.errors.map((e) => [e.keyword, errorLocation(e).part, errorLocation(e).path]);

    it('reports a required list with no rows, and a required multiple choice with nothing chosen, as missing', () => {
      // when each list is submitted empty
      const result = checkSubmission(household, { answers: { reasons: [] }, data: { h: { members: [], needs: [], pets: [] } } }, validate);
      // then the required ones are missing (minItems 0 or not), the optional one is not, and none is stored
      expect(missing(result)).toEqual([
        ['required', 'data', 'h.members'],
        ['required', 'data', 'h.needs'],
        ['required', 'answers', 'reasons'],
      ]);
      expect(result.data).toEqual({});
    });

    it('accepts lists with rows and stores them', () => {
      const data = { h: { members: [{ name: '李' }], needs: ['ramp'], pets: ['cat'], note: 'x' } };
      const result = checkSubmission(household, { answers: { reasons: ['move'] }, data }, validate);
      expect(result.errors).toEqual([]);
      expect(result.data).toEqual(data);
    });

    it('lets no rule see an empty list: a field shown by "members" stays hidden while it has no rows', () => {
      // when the list is empty, the note it shows is hidden in the form and not stored
      const form = createFormState(household, { data: { h: { members: [], note: 'x' } } }).current;
      expect(form.visible.has('h.note')).toBe(false);
      expect(checkSubmission(household, { answers: {}, data: { h: { members: [], note: 'x' } } }).data).toEqual({});
      // and once a row is added it is shown
      expect(createFormState(household, { data: { h: { members: [{ name: '李' }], note: 'x' } } }).current.visible.has('h.note')).toBe(true);
    });

    it('decides "filled in" in one place: absent, null, "" and [] are empty; 0, false, [""] and {} are not', () => {
      expect([undefined, null, '', []].map(isEmptyValue)).toEqual([true, true, true, true]);
      expect([0, false, [''], {}, ' '].map(isEmptyValue)).toEqual([false, false, false, false, false]);
    });
  });

  it('reads only the answers given: a question named like an object method (toString, constructor) is unanswered, not a function', () => {
    const { value } = composeAll([
      dictionary({}),
      item('a', { properties: { x: { type: 'string' } } }),
      bundle(['a'], { questions: { type: 'object', properties: { toString: { type: 'string' }, constructor: { type: 'boolean' } }, required: ['constructor'] } }),
    ]);
    const seen: unknown[] = [];
    const validateAnswers: ShapeValidator = (answers) => (seen.push(answers), []);
    const result = checkSubmission(value, { answers: {}, data: {} }, null, { validateAnswers });
    expect(seen).toEqual([{}]);
    expect(result.answers).toEqual({});
    expect(summary(result.errors)).toEqual([['required', '/answers', { missingProperty: 'constructor' }, '"constructor" is required']]);
  });

  it('never throws on whatever is submitted', () => {
    const shape: ShapeValidator = (data) => createValidator(composed.schema)(data);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ answers: fc.jsonValue(), data: fc.jsonValue(), materials: fc.jsonValue() })), (submission) => {
        const result = checkSubmission(composed, submission as Json, shape);
        expect(typeof result.ok).toBe('boolean');
        expect(result.ok).toBe(result.errors.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
