import { describe, expect, it } from 'vitest';
import { checkVersion, compareDefinitions } from './index.js';

const item = (version: string, patch: Record<string, unknown> = {}) => ({
  kind: 'item',
  id: 'birth-certificate',
  version,
  title: { 'zh-CN': '出生医学证明', en: 'Birth certificate' },
  materials: [{ id: 'id-card', title: { 'zh-CN': '身份证', en: 'ID card' }, required: true, accept: ['image/jpeg', 'application/pdf'], maxBytes: 5_000_000 }],
  schema: {
    type: 'object',
    properties: {
      motherName: { type: 'string', maxLength: 50 },
      weight: { type: 'number' },
      sex: { type: 'string', enum: ['male', 'female'] },
    },
  },
  flow: { initial: 'review', states: { review: { on: { APPROVE: 'approved' } }, approved: { type: 'final' } } },
  ...patch,
});

const schemaWith = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  schema: { type: 'object', properties, ...extra },
});
const base = item('1.0.0').schema.properties;

describe('checkVersion: is the new version numbered for what changed?', () => {
  it('needs a major version when a field is removed', () => {
    const { motherName: _, ...rest } = base;
    const check = checkVersion(item('1.0.0'), item('1.1.0', schemaWith(rest)));
    expect(check).toMatchObject({ ok: false, required: 'major', actual: 'minor' });
    expect(check.diagnostics[0]?.code).toBe('version-bump-too-small');
    expect(check.diagnostics[0]?.message).toMatchInlineSnapshot(`
      {
        "en": "1.0.0 → 1.1.0 is a minor bump, but the changes need a major one: Field "motherName" was removed",
        "zh-CN": "1.0.0 → 1.1.0 只升级了次版本号，但改动需要升级主版本号：删除了字段“motherName”",
      }
    `);
    expect(checkVersion(item('1.0.0'), item('2.0.0', schemaWith(rest))).ok).toBe(true);
  });

  it('needs a major version when a type narrows, a minor one when it widens', () => {
    const narrowed = checkVersion(item('1.0.0'), item('1.0.1', schemaWith({ ...base, weight: { type: 'integer' } })));
    expect(narrowed).toMatchObject({ ok: false, required: 'major' });
    expect(narrowed.changes.map((c) => [c.kind, c.pointer])).toEqual([['type-narrowed', '/schema/properties/weight/type']]);
    const widened = item('1.1.0', schemaWith({ ...base, weight: { type: ['number', 'string'] } }));
    expect(checkVersion(item('1.0.0'), widened)).toMatchObject({ ok: true, required: 'minor' });
    expect(checkVersion(item('1.0.0'), { ...widened, version: '1.0.1' })).toMatchObject({ ok: false, required: 'minor', actual: 'patch' });
  });

  it('treats dropped enum values, tightened bounds and newly required fields as breaking', () => {
    const kinds = (patch: Record<string, unknown>) => compareDefinitions(item('1.0.0'), item('1.0.1', patch)).map((c) => `${c.kind}:${c.level}`);
    expect(kinds(schemaWith({ ...base, sex: { type: 'string', enum: ['female'] } }))).toEqual(['enum-narrowed:major']);
    expect(kinds(schemaWith({ ...base, sex: { type: 'string', enum: ['male', 'female', 'unknown'] } }))).toEqual(['enum-widened:minor']);
    expect(kinds(schemaWith({ ...base, motherName: { type: 'string', maxLength: 20 } }))).toEqual(['constraint-tightened:major']);
    expect(kinds(schemaWith({ ...base, motherName: { type: 'string', maxLength: 80 } }))).toEqual(['constraint-loosened:minor']);
    expect(kinds(schemaWith(base, { required: ['motherName'] }))).toEqual(['required-added:major']);
    expect(kinds(schemaWith({ ...base, note: { type: 'string' } }))).toEqual(['field-added:minor']);
  });

  it('treats a new required material and a removed flow state as breaking', () => {
    const materials = [...item('1.0.0').materials, { id: 'photo', title: { 'zh-CN': '照片', en: 'Photo' }, required: true, accept: ['image/jpeg'], maxBytes: 1_000_000 }];
    expect(compareDefinitions(item('1.0.0'), item('1.0.1', { materials })).map((c) => c.kind)).toEqual(['material-required']);
    const flow = { initial: 'approved', states: { approved: { type: 'final' } } };
    expect(compareDefinitions(item('1.0.0'), item('1.0.1', { flow })).map((c) => `${c.kind}:${c.level}`)).toEqual(['state-removed:major']);
  });

  it('accepts a patch for a changed title', () => {
    const check = checkVersion(item('1.0.0'), item('1.0.1', { title: { 'zh-CN': '出生医学证明（首次）', en: 'Birth certificate (first issue)' } }));
    expect(check).toMatchObject({ ok: true, required: 'patch', actual: 'patch' });
  });

  it('refuses a version that is not greater, and two different definitions', () => {
    expect(checkVersion(item('1.2.0'), item('1.2.0')).diagnostics.map((d) => d.code)).toEqual(['version-not-greater']);
    expect(checkVersion(item('1.2.0'), item('1.1.9')).diagnostics.map((d) => d.code)).toEqual(['version-not-greater']);
    expect(checkVersion(item('1.0.0'), { ...item('2.0.0'), id: 'other' }).diagnostics.map((d) => d.code)).toEqual(['version-not-comparable']);
  });

  it('lets a 0.x minor bump carry breaking changes, as semver allows', () => {
    const { weight: _, ...rest } = base;
    expect(checkVersion(item('0.1.0'), item('0.2.0', schemaWith(rest))).ok).toBe(true);
    expect(checkVersion(item('0.1.0'), item('0.1.1', schemaWith(rest))).ok).toBe(false);
  });

  it('compares bundles by their questions and items', () => {
    const bundle = (version: string, items: unknown[]) => ({ kind: 'bundle', id: 'newborn', version, questions: { type: 'object', properties: {} }, items });
    const a = { item: 'birth-certificate', version: '^1.0.0' };
    const b = { item: 'household', version: '^1.0.0' };
    expect(checkVersion(bundle('1.0.0', [a, b]), bundle('1.1.0', [a])).required).toBe('major');
    expect(checkVersion(bundle('1.0.0', [a]), bundle('1.1.0', [a, b]))).toMatchObject({ ok: true, required: 'minor' });
  });

  it('never throws on malformed input', () => {
    for (const [p, n] of [[null, item('1.0.0')], [item('1.0.0'), 42], [{ kind: 'item', id: 'x', version: 'banana' }, { kind: 'item', id: 'x', version: '1.0.0' }], [item('1.0.0'), item('2.0.0', { schema: true, materials: 'x', flow: [] })]] as const) {
      expect(() => checkVersion(p, n)).not.toThrow();
    }
  });
});
