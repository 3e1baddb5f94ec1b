import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSubmission, compose, createApplicationFlow, evaluate, isDivisionCode, isRefusal, load, metrics, project, reads, start, step, unproject, validateData } from '@onething/engine';
import type { Actor, ApplicationSnapshot, BundleDefinition, ComposedBundle, Concept, ConceptDictionary, ELicenseType, FlowEvent, ItemDefinition, Json, JsonSchema, MaterialValue, Rule } from '@onething/engine';

/**
 * The example definitions are the demo everyone sees: they must load cleanly, speak both
 * locales everywhere, and share enough concepts and e-licences that composing a bundle
 * visibly merges fields and de-duplicates materials.
 */

const root = fileURLToPath(new URL('./definitions/', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.json'))
  .sort()
  .map((path) => ({ path: relative(root, join(root, path)), content: readFileSync(join(root, path), 'utf8') }));
const parsed = files.map((file) => ({ path: file.path, value: JSON.parse(file.content) as { kind: string; id: string } }));
const ofKind = <T>(kind: string) => parsed.filter((file) => file.value.kind === kind).map((file) => file.value as T);
const dictionaries = ofKind<ConceptDictionary>('concepts');
const items = ofKind<ItemDefinition>('item');
const bundles = ofKind<BundleDefinition>('bundle');
const concepts: Record<string, Concept> = Object.assign({}, ...dictionaries.map((dictionary) => dictionary.concepts));
const eLicenses: Record<string, ELicenseType> = Object.assign({}, ...dictionaries.map((dictionary) => dictionary.eLicenses ?? {}));
const itemById = new Map(items.map((item) => [item.id, item]));

/** Every property of a data schema, with its dotted path (arrays are entered through `items`). */
function properties(schema: JsonSchema, prefix = ''): Array<{ path: string; schema: JsonSchema }> {
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [{ path, schema: child }, ...(child.type === 'object' ? properties(child, path) : [])];
  });
}
const leaves = (schema: JsonSchema) => properties(schema).filter((p) => p.schema.type !== 'object');
const conceptOf = (schema: JsonSchema) => schema['x-concept'];

/** Every object in a JSON value with the JSON pointer to it. */
function* objects(value: unknown, pointer = ''): Generator<{ pointer: string; value: Record<string, unknown> }> {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) yield { pointer, value: value as Record<string, unknown> };
  for (const [key, child] of Object.entries(value)) yield* objects(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
}

describe('the example definitions', () => {
  it('load with no diagnostics at all (meta-schemas and every lint rule)', () => {
    const { value: registry, diagnostics } = load(files);

    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}#${d.pointer}`)).toEqual([]);
    expect([...registry.items.keys()].sort()).toEqual([
      'birth-medical-certificate',
      'business-licence',
      'fire-safety-inspection',
      'food-business-licence',
      'household-registration',
      'medical-insurance-enrolment',
      'outdoor-signboard',
      'social-security-card',
      'vaccination-certificate',
    ]);
    expect([...registry.bundles.keys()].sort()).toEqual(['newborn-birth', 'open-restaurant']);
  });

  it('give every definition, material, step and section an id used once', () => {
    const duplicates = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);

    expect(duplicates(parsed.map((file) => `${file.value.kind}:${file.value.id}`))).toEqual([]);
    for (const item of items) {
      expect(duplicates(item.materials.map((m) => m.id)), item.id).toEqual([]);
      expect(duplicates(item.steps.map((s) => s.id)), item.id).toEqual([]);
      expect(duplicates((item.ui?.sections ?? []).map((s) => s.id)), item.id).toEqual([]);
    }
  });

  it('write every text in zh-CN and en, including field titles and enum titles inside schemas', () => {
    const problems: string[] = [];
    for (const file of parsed) {
      for (const { pointer, value } of objects(file.value)) {
        const locales = ['zh-CN', 'en'].filter((locale) => locale in value);
        if (locales.length === 0) continue;
        for (const locale of ['zh-CN', 'en']) {
          const text = value[locale];
          if (typeof text !== 'string' || text.trim() === '') problems.push(`${file.path}#${pointer} lacks ${locale}`);
        }
        if (typeof value['zh-CN'] === 'string' && !/[\u3400-\u9fff]/.test(value['zh-CN'])) problems.push(`${file.path}#${pointer} zh-CN is not Chinese`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('title every field: concept-bound fields through their concept, the others with x-title', () => {
    const untitled: string[] = [];
    const schemas = [
      ...items.map((item) => ({ owner: item.id, schema: item.schema as JsonSchema })),
      ...bundles.map((bundle) => ({ owner: bundle.id, schema: bundle.questions as JsonSchema })),
    ];
    for (const { owner, schema } of schemas) {
      for (const { path, schema: field } of properties(schema)) {
        if (!conceptOf(field) && !field['x-title']) untitled.push(`${owner}:${path}`);
      }
    }
    expect(untitled).toEqual([]);
  });

  it('title every value of every string enum, in items, questions and concepts', () => {
    const untitled: string[] = [];
    const check = (owner: string, schema: JsonSchema) => {
      for (const { value } of objects(schema)) {
        if (!Array.isArray(value.enum)) continue;
        const titles = (value['x-enumTitles'] ?? {}) as Record<string, unknown>;
        for (const option of value.enum) if (!titles[String(option)]) untitled.push(`${owner}: ${String(option)}`);
      }
    };
    for (const item of items) check(item.id, item.schema as JsonSchema);
    for (const bundle of bundles) check(bundle.id, bundle.questions as JsonSchema);
    for (const [id, concept] of Object.entries(concepts)) check(id, concept.schema as JsonSchema);
    expect(untitled).toEqual([]);
  });

  it('bind fields only to concepts the dictionary defines, and name only known e-licence types', () => {
    const unknown: string[] = [];
    for (const item of items) {
      for (const { path, schema } of properties(item.schema as JsonSchema)) {
        const concept = conceptOf(schema);
        if (concept && !concepts[concept]) unknown.push(`${item.id}:${path} → ${concept}`);
      }
      for (const material of item.materials) {
        if (material.eLicense && !eLicenses[material.eLicense]) unknown.push(`${item.id}/${material.id} → ${material.eLicense}`);
      }
    }
    for (const [id, concept] of Object.entries(concepts)) {
      for (const type of concept.eLicenses ?? []) if (!eLicenses[type]) unknown.push(`${id} → ${type}`);
    }
    expect(unknown).toEqual([]);
  });

  it('use only the chinese formats the validator provides, and real GB/T 2260 region codes', () => {
    const formats = new Set<string>();
    for (const concept of Object.values(concepts)) {
      for (const { value } of objects(concept.schema)) if (typeof value.format === 'string') formats.add(value.format);
    }
    for (const item of items) {
      for (const { value } of objects(item.schema)) if (typeof value.format === 'string') formats.add(value.format);
    }

    expect([...formats].sort()).toEqual(['credit-code', 'date', 'division', 'mobile', 'resident-id']);
    expect([...items, ...bundles].filter((d) => !isDivisionCode(d.region)).map((d) => d.id)).toEqual([]);
  });

  it('give every department one name wherever it appears', () => {
    const names = new Map<string, string>();
    const conflicts: string[] = [];
    for (const department of [...items.map((i) => i.department), ...bundles.map((b) => b.lead)]) {
      const name = JSON.stringify(department.title);
      if (names.has(department.id) && names.get(department.id) !== name) conflicts.push(department.id);
      names.set(department.id, name);
    }
    expect(conflicts).toEqual([]);
  });

  it('switch bundle items only on questions the bundle asks', () => {
    for (const bundle of bundles) {
      const asked = Object.keys((bundle.questions as JsonSchema).properties ?? {});
      for (const entry of bundle.items) {
        expect(itemById.has(entry.item), `${bundle.id} → ${entry.item}`).toBe(true);
        for (const name of reads((entry.when ?? null) as Rule)) expect(asked, `${bundle.id} → ${entry.item}`).toContain(name);
      }
    }
  });

  it('let item charts guard only on item data, answers, context and the event', () => {
    for (const item of items) {
      const fields = new Set(leaves(item.schema as JsonSchema).map((leaf) => leaf.path));
      for (const { value } of objects(item.flow)) {
        if (value.type !== 'rule') continue;
        for (const name of reads(((value.params as { rule?: Rule } | undefined)?.rule ?? null) as Rule)) {
          const [scope, ...rest] = name.split('.');
          expect(['data', 'answers', 'context', 'event'], `${item.id}: ${name}`).toContain(scope);
          if (scope === 'data') expect(fields.has(rest.join('.')), `${item.id}: ${name}`).toBe(true);
        }
      }
    }
  });

  it('share fields between the items of each bundle, so the merged form asks them once', () => {
    const shared = (bundle: BundleDefinition) => {
      const askedBy = new Map<string, Set<string>>();
      for (const entry of bundle.items) {
        for (const leaf of leaves(itemById.get(entry.item)!.schema as JsonSchema)) {
          const concept = conceptOf(leaf.schema);
          if (concept) askedBy.set(concept, (askedBy.get(concept) ?? new Set()).add(entry.item));
        }
      }
      return [...askedBy].filter(([, by]) => by.size > 1).map(([concept]) => concept).sort();
    };

    expect(shared(bundles.find((b) => b.id === 'newborn-birth')!)).toEqual([
      'child.birthDate',
      'child.birthInstitution',
      'child.birthPlace',
      'child.ethnicity',
      'child.idNumber',
      'child.name',
      'child.sex',
      'contact.address',
      'contact.mobile',
      'delivery.address',
      'delivery.method',
      'father.ethnicity',
      'father.idNumber',
      'father.name',
      'household.address',
      'household.division',
      'mother.ethnicity',
      'mother.idNumber',
      'mother.name',
    ]);
    expect(shared(bundles.find((b) => b.id === 'open-restaurant')!)).toEqual([
      'enterprise.creditCode',
      'enterprise.name',
      'legalRepresentative.idNumber',
      'legalRepresentative.mobile',
      'legalRepresentative.name',
      'premises.address',
      'premises.area',
      'premises.division',
      'premises.ownership',
      'premises.seats',
    ]);
  });

  it('ask for the same e-licence in several items of each bundle, so materials de-duplicate', () => {
    const repeated = (bundle: BundleDefinition) => {
      const count = new Map<string, number>();
      for (const entry of bundle.items) {
        for (const material of itemById.get(entry.item)!.materials) {
          if (material.eLicense) count.set(material.eLicense, (count.get(material.eLicense) ?? 0) + 1);
        }
      }
      return Object.fromEntries([...count].filter(([, n]) => n > 1).sort());
    };

    expect(repeated(bundles.find((b) => b.id === 'newborn-birth')!)).toEqual({
      'birth-medical-certificate': 4,
      'household-register': 3,
      'resident-id-card': 7,
    });
    expect(repeated(bundles.find((b) => b.id === 'open-restaurant')!)).toEqual({
      'business-licence': 3,
      'property-certificate': 2,
      'resident-id-card': 2,
    });
  });
});

/** The item's schema with every concept-bound property replaced by its concept's fragment. */
function resolved(schema: JsonSchema): JsonSchema {
  const concept = conceptOf(schema);
  const own = concept ? { ...(concepts[concept]?.schema as JsonSchema), ...schema } : { ...schema };
  delete own['x-concept'];
  if (own.properties) own.properties = Object.fromEntries(Object.entries(own.properties).map(([k, v]) => [k, resolved(v)]));
  if (own.items && typeof own.items === 'object') own.items = resolved(own.items);
  return own;
}

const read = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

/** One realistic application per item: a family in Gedian and a small restaurant there. */
const home = '湖北省鄂州市华容区葛店经济技术开发区发展大道18号3栋2单元501室';
const shop = '湖北省鄂州市华容区葛店经济技术开发区创业大道66号1层';
const mother = { name: '王晓燕', idNumber: '420703199405120024', ethnicity: '01' };
const father = { name: '李建国', idNumber: '420703199111080039', ethnicity: '01' };
const newborn = { name: '李沐阳', sex: 'male', birthDate: '2024-11-03' };
const operator = { name: '张伟', idNumber: '420704198803210158', mobile: '13807112345' };
const restaurant = { name: '鄂州市华容区沐阳小吃店', creditCode: '92420703MA4F7K2L5L' };
const samples: Record<string, Record<string, Json>> = {
  'birth-medical-certificate': {
    applicant: { relationshipToChild: 'mother' },
    child: { ...newborn, birthPlace: '420704', birthInstitution: '鄂州市中心医院' },
    birthTime: '08:35', gestationalWeeks: 39, birthWeightGrams: 3350, birthLengthCm: 50, healthStatus: 'good',
    mother, father,
    delivery: { method: 'mail', address: home },
    contact: { mobile: '13971234567' },
  },
  'vaccination-certificate': {
    child: { ...newborn, birthInstitution: '鄂州市中心医院' },
    mother: { name: mother.name, idNumber: mother.idNumber }, father: { name: father.name },
    contact: { mobile: '13971234567', division: '420703', address: home },
    hepatitisBDose1Given: true, bcgGiven: false, bcgNotGivenReason: 'low-birth-weight',
    clinicName: '华容区葛店社区卫生服务中心预防接种门诊',
  },
  'household-registration': {
    child: { ...newborn, birthPlace: '420704', ethnicity: '01' },
    settleWith: 'father', parentsMarried: true, mother, father,
    household: { type: 'family', headName: father.name, relationshipToHead: 'son', division: '420703', address: home },
    delivery: { method: 'mail', address: home },
    contact: { mobile: '13971234567' },
  },
  'medical-insurance-enrolment': {
    child: newborn,
    mother: { name: mother.name, idNumber: mother.idNumber },
    household: { division: '420703', address: home },
    contact: { mobile: '13971234567' },
    coverageYear: '2024', paymentChannel: 'tax-app',
  },
  'social-security-card': {
    child: { ...newborn, ethnicity: '01' },
    mother: { name: mother.name, idNumber: mother.idNumber },
    contact: { mobile: '13971234567', address: home },
    bank: 'psbc', delivery: { method: 'pickup' },
  },
  'business-licence': {
    enterprise: { type: 'individual-business', name: restaurant.name, businessScope: '餐饮服务；食品销售' },
    legalRepresentative: operator,
    premises: { address: shop, division: '420703', ownership: 'leased' },
    applicant: { name: '陈静', idNumber: '420702199607300246', mobile: '15927123456' },
    employees: 6,
  },
  'food-business-licence': {
    enterprise: restaurant, legalRepresentative: operator,
    premises: { address: shop, division: '420703', area: 180, seats: 80 },
    businessItems: ['hot-food', 'cold-food'], coldFoodRoomArea: 8,
    foodSafetyManagerName: '陈静', foodSafetyManagerMobile: '15927123456',
  },
  'outdoor-signboard': {
    enterprise: restaurant, legalRepresentative: { name: operator.name, mobile: operator.mobile },
    premises: { address: shop, ownership: 'leased' },
    signText: '沐阳小吃店', position: 'lintel', widthCm: 600, heightCm: 120, areaSqm: 7.2,
    material: 'acrylic', illuminated: true, lighting: 'led-letters', safetyCommitment: true,
  },
  'fire-safety-inspection': {
    enterprise: restaurant, legalRepresentative: operator,
    premises: { address: shop, area: 180, seats: 80 },
    buildingFloors: 3, floor: 1, maxOccupancy: 120,
    fireSafetyManagerName: '陈静', fireSafetyManagerMobile: '15927123456',
    procedure: 'commitment', commitmentSigned: true,
  },
};

describe('a realistic application to each item', () => {
  it.each(items.map((item) => [item.id, item] as const))('%s: is valid against the item schema with its concepts', (id, item) => {
    expect(validateData(resolved(item.schema as JsonSchema), samples[id])).toEqual([]);
  });

  it.each(items.map((item) => [item.id, item] as const))('%s: agrees with its own rules (hidden fields absent, required present, values computed)', (id, item) => {
    const data = samples[id]!;
    const disagreements: string[] = [];
    for (const [path, rules] of Object.entries(item.ui?.rules ?? {})) {
      if (!rules) continue;
      const value = read(data, path);
      const visible = rules.visible === undefined || evaluate(rules.visible as Rule, data) === true;
      if (!visible && value !== undefined) disagreements.push(`${path} is hidden but filled`);
      if (visible && rules.required !== undefined && evaluate(rules.required as Rule, data) === true && value === undefined) disagreements.push(`${path} is required but empty`);
      if (rules.value !== undefined && evaluate(rules.value as Rule, data) !== value) disagreements.push(`${path} is not the computed value`);
    }
    expect(disagreements).toEqual([]);
  });

  it('rejects ID numbers and credit codes whose check character is wrong, at the field', () => {
    const bmc = { ...samples['birth-medical-certificate'], mother: { ...mother, idNumber: '420703199405120025' } };
    const food = { ...samples['food-business-licence'], enterprise: { ...restaurant, creditCode: '92420703MA4F7K2L5M' } };

    expect(validateData(resolved(itemById.get('birth-medical-certificate')!.schema as JsonSchema), bmc).map((e) => [e.keyword, e.instancePath])).toEqual([['format', '/mother/idNumber']]);
    expect(validateData(resolved(itemById.get('food-business-licence')!.schema as JsonSchema), food).map((e) => [e.keyword, e.instancePath])).toEqual([['format', '/enterprise/creditCode']]);
  });

  it('routes the food licence to an on-site inspection only for premises over 150 m², and the fire check past inspection only with a commitment', () => {
    const guards = (item: string, state: string, event: string) =>
      ((itemById.get(item)!.flow.states[state]!.on![event] as Array<{ guard?: { params?: { rule?: Rule } } }>) ?? []).map((t) => t.guard?.params?.rule);
    const [large] = guards('food-business-licence', 'review', 'PASS');
    const [commitment] = guards('fire-safety-inspection', 'review', 'PASS');
    const scope = (data: Json) => ({ data, answers: {}, context: {}, event: { type: 'PASS' } });

    expect(evaluate(large!, scope(samples['food-business-licence']!))).toBe(true);
    expect(evaluate(large!, scope({ premises: { area: 120 } }))).toBe(false);
    expect(evaluate(commitment!, scope(samples['fire-safety-inspection']!))).toBe(true);
    expect(evaluate(commitment!, scope({ procedure: 'standard' }))).toBe(false);
  });
});

describe('each bundle applied for as one thing', () => {
  const { value: registry } = load(files);
  /** Every material the composed form asks for, given as an e-licence reference where one can replace it, else as an upload. */
  const materialsFor = (composed: ComposedBundle, data: Record<string, Json>) =>
    Object.fromEntries(
      composed.materials
        .filter((m) => m.items.some((item) => composed.active?.includes(item)) && (m.when === undefined || evaluate(m.when as Rule, data) === true))
        .map((m): [string, MaterialValue] => [
          m.id,
          m.eLicense
            ? { eLicense: { type: m.eLicense, number: `${m.eLicense}-0001` } }
            : { files: [{ sha256: '0'.repeat(64), name: `${m.id}.${m.accept[0]!.split('/')[1]}`, size: 204_800, type: m.accept[0]! }] },
        ]),
    );
  const apply = (bundle: string, answers: Record<string, Json>) => {
    const { value: composed, diagnostics } = compose(registry.bundle(bundle)!, registry, answers);
    const itemData = Object.fromEntries(composed.active!.map((id) => [id, samples[id]!]));
    const data = unproject(composed, itemData);
    const submission = { answers, data, materials: materialsFor(composed, data) };
    const result = checkSubmission(composed, submission, (d) => validateData(composed.schema, d));
    return { composed, diagnostics, data, submission, result };
  };

  it.each([
    ['newborn-birth', { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true }],
    ['open-restaurant', { hasBusinessLicence: false, premisesScale: 'larger', wantsSignboard: true }],
  ] as const)('%s: the realistic applications merged into one submission pass the server check, and split back into valid item data', (bundle, answers) => {
    const { composed, diagnostics, result } = apply(bundle, answers);

    expect(diagnostics).toEqual([]);
    expect(composed.active).toEqual(registry.bundle(bundle)!.definition.items.map((entry) => entry.item));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    const split = project(composed, result.data);
    for (const item of composed.active!) {
      expect(validateData(resolved(itemById.get(item)!.schema as JsonSchema), split[item]), item).toEqual([]);
    }
  });

  it('newborn-birth: a married couple whose baby was born in a Hubei hospital uploads nothing required, and the metrics drop', () => {
    const { composed, submission } = apply('newborn-birth', { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true });
    const noELicence = composed.materials.filter((m) => !m.exempt && m.required);

    // Only situational materials are left to upload, and this family is in none of the situations:
    // it references e-licences for everything and uploads only the optional photo.
    expect(noELicence.map((m) => [m.id, m.when !== undefined])).toEqual([
      ['power-of-attorney', true],
      ['non-marital-birth-statement', true],
      ['paternity-test-report', true],
      ['ethnicity-declaration', true],
      ['collective-household-consent', true],
    ]);
    expect(Object.entries(submission.materials).filter(([, m]) => 'files' in m).map(([id]) => id)).toEqual(['child-photo']);
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
  });

  it('newborn-birth: a baby registered outside Hubei gets only the birth certificate and the vaccination certificate here', () => {
    const { composed } = apply('newborn-birth', { bornInHubeiInstitution: true, settleInHubei: false, wantsSocialSecurityCard: true });

    expect(composed.active).toEqual(['birth-medical-certificate', 'vaccination-certificate']);
  });

  it('open-restaurant: a new individual business over 150 m² with a shop sign — the metrics drop', () => {
    const { composed } = apply('open-restaurant', { hasBusinessLicence: false, premisesScale: 'larger', wantsSignboard: true });

    expect(metrics(composed)).toMatchInlineSnapshot(`
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

  it('open-restaurant: a licensed small restaurant without a sign needs only the food business licence', () => {
    const { composed, result } = apply('open-restaurant', { hasBusinessLicence: true, premisesScale: 'small', wantsSignboard: false });

    expect(composed.active).toEqual(['food-business-licence']);
    expect(result.ok).toBe(true);
  });
});

describe('each bundle handled by its departments after one acceptance', () => {
  const { value: registry } = load(files);
  const applicant: Actor = { id: 'citizen-1', role: 'applicant' };
  const clerk: Actor = { id: 'window-1', role: 'clerk', department: 'huarong-service-centre' };
  const reviewerOf = (item: string): Actor => ({ id: `${item}-reviewer`, role: 'reviewer', department: itemById.get(item)!.department.id });

  /** Submits the realistic application, has the window accept it, then sends each [item, event, payload] in turn. */
  const handle = (bundle: string, answers: Record<string, Json>, data: Record<string, Json> | undefined, script: Array<[string, string, Record<string, Json>?]>) => {
    const { value: composed } = compose(registry.bundle(bundle)!, registry, answers);
    const { value: flow, diagnostics } = createApplicationFlow(composed, registry);
    expect(diagnostics).toEqual([]);
    const bundleData = data ?? unproject(composed, Object.fromEntries(composed.active!.map((id) => [id, samples[id]!])));
    let day = 3;
    const at = () => `2025-03-${String(day++).padStart(2, '0')}T02:00:00.000Z`;
    const advance = (r: ReturnType<typeof step>): ApplicationSnapshot => {
      if (isRefusal(r)) throw new Error(`refused: ${r.refused.code} ${r.refused.message.en}`);
      return r.snapshot;
    };
    let snapshot = advance(start(flow!, { actor: applicant, now: at(), answers, data: bundleData }));
    for (const [event, actor] of [['SUBMIT', applicant], ['CLAIM', clerk], ['ACCEPT', clerk]] as const) {
      snapshot = advance(step(flow!, snapshot, { type: event }, actor, at()));
    }
    const refusals: string[] = [];
    for (const [item, type, payload] of script) {
      const r = step(flow!, snapshot, { type, item, ...payload } as FlowEvent, reviewerOf(item), at());
      if (isRefusal(r)) refusals.push(`${item} ${type}: ${r.refused.code}`);
      else snapshot = r.snapshot;
    }
    const outcomes = Object.fromEntries(Object.entries(snapshot.context.items).map(([id, i]) => [id, i.outcome ?? null]));
    return { snapshot, outcomes, refusals };
  };

  it('newborn-birth: every item reaches approval along its own chart, and the application completes', () => {
    const { snapshot, outcomes, refusals } = handle('newborn-birth', { bornInHubeiInstitution: true, settleInHubei: true, wantsSocialSecurityCard: true }, undefined, [
      ['birth-medical-certificate', 'APPROVE'],
      ['birth-medical-certificate', 'ISSUE'],
      ['vaccination-certificate', 'APPROVE'],
      ['household-registration', 'APPROVE'],
      ['medical-insurance-enrolment', 'APPROVE'],
      ['social-security-card', 'APPROVE'],
      ['social-security-card', 'CARD_PRODUCED'],
      ['social-security-card', 'DELIVERED'],
    ]);

    expect(refusals).toEqual([]);
    expect(outcomes).toEqual({
      'birth-medical-certificate': 'approved',
      'vaccination-certificate': 'approved',
      'household-registration': 'approved',
      'medical-insurance-enrolment': 'approved',
      'social-security-card': 'approved',
    });
    expect(snapshot.value).toBe('completed');
  });

  it('open-restaurant: the food licence is inspected on site (180 m²), the sign surveyed, the fire check granted on commitment', () => {
    const { snapshot, outcomes, refusals } = handle('open-restaurant', { hasBusinessLicence: false, premisesScale: 'larger', wantsSignboard: true }, undefined, [
      ['business-licence', 'APPROVE'],
      ['food-business-licence', 'PASS'],
      ['food-business-licence', 'APPROVE'], // refused: the chart is in the inspection, not the decision
      ['food-business-licence', 'INSPECTION_PASSED'],
      ['food-business-licence', 'APPROVE'],
      ['outdoor-signboard', 'PASS'],
      ['outdoor-signboard', 'SURVEYED'],
      ['outdoor-signboard', 'APPROVE'],
      ['fire-safety-inspection', 'PASS'],
    ]);

    expect(refusals).toEqual(['food-business-licence APPROVE: event-not-accepted']);
    expect(outcomes).toEqual({
      'business-licence': 'approved',
      'food-business-licence': 'approved',
      'outdoor-signboard': 'approved',
      'fire-safety-inspection': 'approved',
    });
    expect(snapshot.value).toBe('completed');
  });

  it('open-restaurant: a small licensed restaurant goes straight to the decision, and a refusal needs a reason', () => {
    const { value: composed } = compose(registry.bundle('open-restaurant')!, registry, { hasBusinessLicence: true, premisesScale: 'small', wantsSignboard: false });
    const small = unproject(composed, { 'food-business-licence': { ...samples['food-business-licence']!, premises: { address: shop, division: '420703', area: 120, seats: 40 } } });
    const { outcomes, refusals } = handle('open-restaurant', { hasBusinessLicence: true, premisesScale: 'small', wantsSignboard: false }, small, [
      ['food-business-licence', 'PASS'],
      ['food-business-licence', 'INSPECTION_PASSED'], // refused: no inspection for 120 m²
      ['food-business-licence', 'REJECT'], // refused: no reason given
      ['food-business-licence', 'REJECT', { reason: '专间面积不足' }],
    ]);

    expect(refusals).toEqual(['food-business-licence INSPECTION_PASSED: event-not-accepted', 'food-business-licence REJECT: event-not-accepted']);
    expect(outcomes).toMatchObject({ 'food-business-licence': 'rejected' });
  });
});
