import { describe, expect, it } from 'vitest';
import { errorPath } from '../src/model/error-paths.js';
import { getAt, pointerToPath, setAt } from '../src/model/paths.js';
import { enumOptions, schemaAt, titleOf } from '../src/model/schema.js';

const t = (s: string) => ({ 'zh-CN': s, en: s });

describe('data paths', () => {
  it('reads nested values and array rows, and nothing through inherited properties', () => {
    const data = { mother: { name: '李梅' }, children: [{ name: '李小' }] };
    expect(getAt(data, 'mother.name')).toBe('李梅');
    expect(getAt(data, 'children.0.name')).toBe('李小');
    expect(getAt(data, 'mother.missing.deeper')).toBeUndefined();
    expect(getAt(data, 'mother.constructor')).toBeUndefined();
    expect(getAt(data, '__proto__')).toBeUndefined();
  });

  it('writes by copying only the objects on the way, and removes a key for undefined', () => {
    const data = { mother: { name: '李梅' }, father: { name: '王强' } };
    const next = setAt(data, 'mother.name', '李兰');
    expect(next).toEqual({ mother: { name: '李兰' }, father: { name: '王强' } });
    expect(data.mother.name).toBe('李梅');
    expect(next.father).toBe(data.father);
    expect(setAt(next, 'mother.name', undefined)).toEqual({ mother: {}, father: { name: '王强' } });
    expect(setAt({}, 'rows.0.name', 'x')).toEqual({ rows: [{ name: 'x' }] });
  });

  it('maps validation errors to the field they concern', () => {
    expect(pointerToPath('/mother/idNumber')).toBe('mother.idNumber');
    expect(pointerToPath('/a~1b/c~0d')).toBe('a/b.c~d');
    const message = t('x');
    expect(errorPath({ keyword: 'required', instancePath: '/data/mother', params: { missingProperty: 'name' }, message })).toBe('mother.name');
    expect(errorPath({ keyword: 'required', instancePath: '/data', params: { missingProperty: 'settleWith' }, message })).toBe('settleWith');
    expect(errorPath({ keyword: 'format', instancePath: '/data/children/1/idNumber', params: {}, message })).toBe('children.1.idNumber');
    expect(errorPath({ keyword: 'required', instancePath: '/answers', params: { missingProperty: 'married' }, message })).toBe('answers/married');
    expect(errorPath({ keyword: 'required', instancePath: '/materials', params: { missingProperty: 'id-card' }, message })).toBe('material/id-card');
    expect(errorPath({ keyword: 'enum', instancePath: '/materials/id-card/files/0/type', params: {}, message })).toBe('material/id-card');
  });
});

describe('schemas', () => {
  const schema = {
    type: 'object',
    properties: {
      mother: { type: 'object', properties: { name: { type: 'string', 'x-title': t('母亲姓名') } } },
      children: { type: 'array', items: { type: 'object', properties: { sex: { enum: ['male', 'female'], 'x-enumTitles': { male: t('男') } } } } },
    },
  };

  it('finds the schema of a path through properties and array items', () => {
    expect(schemaAt(schema, 'mother.name')?.type).toBe('string');
    expect(schemaAt(schema, 'children.3.sex')?.enum).toEqual(['male', 'female']);
    expect(schemaAt(schema, 'nope.name')).toBeUndefined();
  });

  it('titles a field by x-title, or by its key when a definition gave none', () => {
    expect(titleOf(schemaAt(schema, 'mother.name'), 'mother.name').en).toBe('母亲姓名');
    expect(titleOf({}, 'household.headName')).toEqual(t('headName'));
  });

  it('lists enum options with their titles, falling back to the value', () => {
    expect(enumOptions(schemaAt(schema, 'children.0.sex')!)).toEqual([
      { value: 'male', title: t('男') },
      { value: 'female', title: t('female') },
    ]);
    expect(enumOptions({ oneOf: [{ const: 1, 'x-title': t('one') }] })).toEqual([{ value: 1, title: t('one') }]);
    expect(enumOptions({ type: 'string' })).toBeUndefined();
  });
});
