import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonSchema, Registry } from '../index.js';
import type { Json } from '../json.js';
import { load } from '../definitions/load.js';
import { metrics } from '../metrics/metrics.js';
import { checkSubmission } from '../runtime/submission.js';
import { project } from '../runtime/projection.js';
import { createValidator, validateData } from '../validate/index.js';
import { compose } from './compose.js';

/** Composing the example bundles (examples/definitions), end to end: merge, submit, project, measure. */
const root = fileURLToPath(new URL('../../../../examples/definitions/', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.json'))
  .sort()
  .map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));
const { value: registry } = load(files);

/** An item's own schema with its concepts' fragments in place, as the item validates its data. */
function ownSchema(schema: JsonSchema, reg: Registry): JsonSchema {
  const concept = typeof schema['x-concept'] === 'string' ? reg.concepts.get(schema['x-concept'])?.concept.schema : undefined;
  const out: JsonSchema = { ...concept, ...schema };
  delete out['x-concept'];
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, ownSchema(v, reg)]));
  return out;
}

const home = '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室';
/** One family's newborn-birth application, in bundle paths: each shared value entered once. */
const newbornData: Record<string, Json> = {
  applicant: { relationshipToChild: 'mother' },
  child: { name: '李沐阳', sex: 'male', birthDate: '2024-11-03', birthPlace: '420704', birthInstitution: '鄂州市中心医院', ethnicity: '01' },
  mother: { name: '王晓燕', idNumber: '420703199405120024', ethnicity: '01' },
  father: { name: '李建国', idNumber: '420703199111080039', ethnicity: '01' },
  delivery: { method: 'mail', address: home },
  contact: { mobile: '13971234567', division: '420703', address: home },
  household: { type: 'family', headName: '李建国', relationshipToHead: 'son', division: '420703', address: home },
  'birth-medical-certificate': { birthTime: '08:35', gestationalWeeks: 39, birthWeightGrams: 3350, birthLengthCm: 50, healthStatus: 'good' },
  'vaccination-certificate': { hepatitisBDose1Given: true, bcgGiven: true, clinicName: '华容区葛店社区卫生服务中心预防接种门诊' },
  'household-registration': { settleWith: 'father', parentsMarried: true },
  'medical-insurance-enrolment': { paymentChannel: 'tax-app' },
  'social-security-card': { bank: 'psbc' },
};
const answers = { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true };

describe('the newborn-birth example', () => {
  const { value: composed, diagnostics } = compose(registry.bundle('newborn-birth')!, registry, answers);

  it('composes without diagnostics, asking each shared value once', () => {
    expect(diagnostics).toEqual([]);
    expect(composed.active).toEqual(['birth-medical-certificate', 'vaccination-certificate', 'household-registration', 'medical-insurance-enrolment', 'social-security-card']);
    expect(composed.fields['mother.idNumber']!.items).toHaveLength(5);
    expect(composed.ui.sections.map((s) => s.id)).toMatchInlineSnapshot(`
      [
        "applicant",
        "child",
        "mother",
        "father",
        "delivery",
        "contact",
        "household",
        "birth-medical-certificate/newborn",
        "vaccination-certificate/residence",
        "vaccination-certificate/birth-doses",
        "household-registration/parents",
        "household-registration/household",
        "medical-insurance-enrolment/insured",
        "medical-insurance-enrolment/household",
        "social-security-card/card",
      ]
    `);
  });

  it('accepts one application that every item then accepts as its own', () => {
    const result = checkSubmission(composed, { answers, data: newbornData }, createValidator(composed.schema), { now: '2024-11-10' });
    expect(result.errors).toEqual([]);
    expect(result.data['medical-insurance-enrolment']).toEqual({ coverageYear: '2024', paymentChannel: 'tax-app' });
    const perItem = project(composed, result.data);
    for (const id of composed.active!) {
      const item = registry.resolveItem(id, '*')!.definition;
      expect([id, validateData(ownSchema(item.schema, registry), perItem[id])]).toEqual([id, []]);
    }
  });

  it('measures the reductions of the report', () => {
    expect(metrics(composed)).toMatchInlineSnapshot(`
      {
        "fields": {
          "after": 38,
          "before": 78,
          "percent": 51.3,
        },
        "items": [
          "birth-medical-certificate",
          "vaccination-certificate",
          "household-registration",
          "medical-insurance-enrolment",
          "social-security-card",
        ],
        "materials": {
          "after": 5,
          "before": 20,
          "percent": 75,
        },
        "steps": {
          "after": 4,
          "before": 17,
          "percent": 76.5,
        },
        "timeLimit": {
          "after": 6,
          "before": 11,
          "percent": 45.5,
        },
        "trips": {
          "after": 0,
          "before": 6,
          "percent": 100,
        },
      }
    `);
    const notHere = compose(registry.bundle('newborn-birth')!, registry, { bornInHubeiInstitution: true, settleInHubei: false, wantsSocialSecurityCard: false }).value;
    expect(notHere.active).toEqual(['birth-medical-certificate', 'vaccination-certificate']);
    expect(metrics(notHere).materials).toMatchInlineSnapshot(`
      {
        "after": 1,
        "before": 5,
        "percent": 80,
      }
    `);
  });
});

describe('the open-restaurant example', () => {
  it('composes without diagnostics and measures its reductions', () => {
    const { value, diagnostics } = compose(registry.bundle('open-restaurant')!, registry);
    expect(diagnostics).toEqual([]);
    expect(metrics(value)).toMatchInlineSnapshot(`
      {
        "fields": {
          "after": 38,
          "before": 58,
          "percent": 34.5,
        },
        "items": [
          "business-licence",
          "food-business-licence",
          "outdoor-signboard",
          "fire-safety-inspection",
        ],
        "materials": {
          "after": 9,
          "before": 17,
          "percent": 47.1,
        },
        "steps": {
          "after": 5,
          "before": 18,
          "percent": 72.2,
        },
        "timeLimit": {
          "after": 6,
          "before": 10,
          "percent": 40,
        },
        "trips": {
          "after": 0,
          "before": 4,
          "percent": 100,
        },
      }
    `);
  });
});

describe('composition is deterministic', () => {
  it('gives the same composed bundle whatever order the definitions were loaded in', () => {
    const reference = (id: string) => JSON.stringify(compose(registry.bundle(id)!, registry, answers));
    const expected = { newborn: reference('newborn-birth'), restaurant: reference('open-restaurant') };
    fc.assert(
      fc.property(fc.shuffledSubarray(files, { minLength: files.length }), (shuffled) => {
        const { value: reg } = load(shuffled);
        expect(JSON.stringify(compose(reg.bundle('newborn-birth')!, reg, answers))).toBe(expected.newborn);
        expect(JSON.stringify(compose(reg.bundle('open-restaurant')!, reg, answers))).toBe(expected.restaurant);
      }),
      { numRuns: 15 },
    );
  });
});
