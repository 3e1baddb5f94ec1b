import type { Json, JsonSchema } from '@onething/engine/runtime';
import { describe, expect, it } from 'vitest';
import { enumOptions } from '../src/model/schema.js';
import { chainOf, codePrefix, type DivisionNode } from '../src/widgets/division-tree.js';
import { createWidgetRegistry, defaultWidgets } from '../src/widgets/registry.js';
import { residentIdWidget } from '../src/widgets/resident-id.js';
import type { WidgetContext, WidgetDescriptor } from '../src/widgets/types.js';

const widgets = createWidgetRegistry();
const pick = (schema: JsonSchema, hint?: string) => widgets.pick(schema, hint).type;

function context(schema: JsonSchema, fields: Record<string, { schema: JsonSchema; value?: Json }> = {}, value?: Json): WidgetContext {
  return {
    id: 'f-x',
    path: 'mother.idNumber',
    value,
    draft: undefined,
    schema,
    ui: {},
    locale: 'en',
    label: 'x',
    required: false,
    readOnly: false,
    invalid: false,
    describedBy: undefined,
    options: enumOptions(schema),
    t: (text) => text.en,
    has: (p) => p in fields,
    schemaOf: (p) => fields[p]?.schema,
    valueOf: (p) => fields[p]?.value,
    refresh: () => {},
  };
}
const sanitize = (w: WidgetDescriptor, raw: string | boolean, schema: JsonSchema = {}) => w.sanitize(raw, context(schema), {} as HTMLElement);
const byType = (type: string) => widgets.get(type)!;

describe('the widget registry', () => {
  it('picks a widget by schema: formats first, then enums (radios up to five), types', () => {
    expect(pick({ type: 'string', format: 'resident-id' })).toBe('resident-id');
    expect(pick({ type: 'string', format: 'credit-code' })).toBe('credit-code');
    expect(pick({ type: 'string', format: 'mobile' })).toBe('mobile');
    expect(pick({ type: 'string', format: 'division' })).toBe('division');
    expect(pick({ type: 'string', format: 'date' })).toBe('date');
    expect(pick({ type: 'string', enum: ['a', 'b'] })).toBe('radio');
    expect(pick({ type: 'string', enum: ['1', '2', '3', '4', '5', '6'] })).toBe('select');
    expect(pick({ type: 'boolean' })).toBe('checkbox');
    expect(pick({ type: 'integer' })).toBe('number');
    expect(pick({ type: 'string', maxLength: 1000 })).toBe('textarea');
    expect(pick({ type: 'string' })).toBe('text');
    expect(pick({})).toBe('text');
  });

  it('follows a ui widget hint when the widget is registered, and ignores unknown ones', () => {
    expect(pick({ type: 'string' }, 'textarea')).toBe('textarea');
    expect(pick({ type: 'boolean' }, 'radio')).toBe('radio');
    expect(pick({ type: 'string' }, 'no-such-widget')).toBe('text');
  });

  it('lets a host register its own widget and replace a built-in one by type', () => {
    const postcode: WidgetDescriptor = { ...byType('text'), type: 'postcode', match: (s) => (s.format === 'postcode' ? 30 : 0) };
    const custom = createWidgetRegistry([...defaultWidgets, postcode]);
    expect(custom.pick({ type: 'string', format: 'postcode' }).type).toBe('postcode');
    expect(custom.list().map((w) => w.type)).toContain('postcode');
    const replaced = createWidgetRegistry([...defaultWidgets, { ...byType('text'), title: { 'zh-CN': '新', en: 'New' } }]);
    expect(replaced.get('text')!.title.en).toBe('New');
  });

  it('gives every built-in widget a bilingual title for the designer', () => {
    for (const w of defaultWidgets) expect(w.title['zh-CN'] && w.title.en).toBeTruthy();
  });
});

describe('sanitizing what people type', () => {
  it('trims text and treats blank as empty', () => {
    expect(sanitize(byType('text'), '  李梅 ')).toBe('李梅');
    expect(sanitize(byType('text'), '   ')).toBeUndefined();
  });

  it('reads numbers with thousands separators, and keeps what does not parse so the validator can say so', () => {
    expect(sanitize(byType('number'), '1,200.5')).toBe(1200.5);
    expect(sanitize(byType('number'), ' 42 ')).toBe(42);
    expect(sanitize(byType('number'), '')).toBeUndefined();
    expect(sanitize(byType('number'), '4x')).toBe('4x');
  });

  it('upper-cases resident ID numbers and credit codes and drops spaces', () => {
    expect(sanitize(byType('resident-id'), '110105 19491231 002x')).toBe('11010519491231002X');
    expect(sanitize(byType('credit-code'), '91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('drops spaces, dashes and the +86 prefix from mobile numbers', () => {
    expect(sanitize(byType('mobile'), '+86 138-0013-8000')).toBe('13800138000');
  });

  it('maps option indexes back to enum values, of any JSON type', () => {
    const schema = { enum: [1, 2, 3] };
    const c = context(schema);
    expect(byType('select').sanitize('2', c, {} as HTMLElement)).toBe(3);
    expect(byType('select').sanitize('', c, {} as HTMLElement)).toBeUndefined();
    expect(byType('radio').sanitize('1', context({ type: 'boolean' }), {} as HTMLElement)).toBe(false);
    expect(sanitize(byType('checkbox'), true)).toBe(true);
    expect(sanitize(byType('checkbox'), false)).toBe(false);
  });
});

describe('the resident ID widget', () => {
  const sexSchema = { type: 'string', enum: ['male', 'female'] };
  const fields = (birthDate?: Json, sex?: Json) => ({
    'mother.idNumber': { schema: { type: 'string', format: 'resident-id' } },
    'mother.birthDate': { schema: { type: 'string', format: 'date' }, value: birthDate },
    'mother.sex': { schema: sexSchema, value: sex },
  });

  it('tells how far along the number is, and whether its checksum passes', () => {
    const c = context({ format: 'resident-id' });
    expect(residentIdWidget.status!('1101051949', c)).toEqual({ ok: false, text: '10 of 18 characters' });
    expect(residentIdWidget.status!('110105194912310021', c)).toEqual({ ok: false, text: 'This number does not pass the check – check it again' });
    expect(residentIdWidget.status!('11010519491231002X', c)).toEqual({ ok: true, text: 'Valid number: born 1949-12-31, female' });
  });

  it('fills the same person’s empty birth date and sex once the number is valid', () => {
    const c = context({ format: 'resident-id' }, fields());
    expect(residentIdWidget.derive!('11010519491231002X', c)).toEqual({ 'mother.birthDate': '1949-12-31', 'mother.sex': 'female' });
    expect(residentIdWidget.derive!('11010519491231002', c)).toEqual({});
  });

  it('never overwrites what the person typed, but replaces what an earlier number filled in', () => {
    const typed = context({ format: 'resident-id' }, fields('1950-01-01', 'female'));
    expect(residentIdWidget.derive!('440305199003071236', typed)).toEqual({});
    const earlier = context({ format: 'resident-id' }, fields('1949-12-31', 'female'), '11010519491231002X');
    expect(residentIdWidget.derive!('440305199003071236', earlier)).toEqual({ 'mother.birthDate': '1990-03-07', 'mother.sex': 'male' });
  });

  it('writes sex in the codes the sex field uses (GB/T 2261.1 1/2 here)', () => {
    const c = context({ format: 'resident-id' }, { 'mother.sex': { schema: { enum: ['1', '2'] } } });
    expect(residentIdWidget.derive!('11010519491231002X', c)).toEqual({ 'mother.sex': '2' });
  });
});

describe('the division tree', () => {
  const tree: DivisionNode[] = [
    {
      id: '420000',
      name: '湖北省',
      children: [{ id: '420700', name: '鄂州市', children: [{ id: '420703', name: '华容区' }, { id: '420704', name: '鄂城区' }] }],
    },
    { id: '110000', name: '北京市', children: [{ id: '110100', name: '市辖区', children: [{ id: '110105', name: '朝阳区' }] }] },
  ];

  it('finds the chain from the province down to a code', () => {
    expect(chainOf(tree, '420703').map((d) => d.name)).toEqual(['湖北省', '鄂州市', '华容区']);
    expect(chainOf(tree, '420700').map((d) => d.name)).toEqual(['湖北省', '鄂州市']);
    expect(chainOf(tree, '110105').map((d) => d.name)).toEqual(['北京市', '市辖区', '朝阳区']);
    expect(chainOf(tree, '990000')).toEqual([]);
    expect(chainOf(tree, undefined)).toEqual([]);
  });

  it('compares codes by their significant prefix', () => {
    expect([codePrefix('420000'), codePrefix('420700'), codePrefix('420703'), codePrefix('110100')]).toEqual(['42', '4207', '420703', '1101']);
  });
});
