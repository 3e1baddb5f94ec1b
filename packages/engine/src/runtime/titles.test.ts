import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../json.js';
import { load } from '../definitions/load.js';
import { compose } from '../compose/compose.js';
import { fieldTitle } from './titles.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

// given a schema shaped as compose writes it: every property and group carries x-title
const schema: JsonSchema = {
  type: 'object',
  properties: {
    mother: {
      type: 'object',
      'x-title': t('母亲', 'Mother'),
      properties: {
        name: { type: 'string', 'x-title': t('母亲姓名', "Mother's name") },
        ethnicity: { type: 'string', 'x-title': t('民族', 'Ethnicity') },
      },
    },
    children: {
      type: 'array',
      'x-title': t('子女', 'Children'),
      items: { type: 'object', properties: { name: { type: 'string', 'x-title': t('姓名', 'Name') } } },
    },
    plain: { type: 'object', properties: { note: { type: 'string', 'x-title': t('备注', 'Note') } } },
    untitled: { type: 'string' },
  },
};

describe('the title of a field by its data path', () => {
  it('reads the field’s own title in the locale asked for', () => {
    expect(fieldTitle(schema, 'mother.name', 'zh-CN')).toBe('母亲姓名');
    expect(fieldTitle(schema, 'mother.name', 'en')).toBe("Mother's name");
    expect(fieldTitle(schema, 'mother', 'en')).toBe('Mother');
  });

  it('steps into a list’s rows by index', () => {
    expect(fieldTitle(schema, 'children.0.name', 'zh-CN')).toBe('姓名');
    expect(fieldTitle(schema, 'children.12.name', 'en')).toBe('Name');
  });

  it('gives undefined where the path names no titled field, so the caller picks the fallback', () => {
    expect(fieldTitle(schema, 'untitled', 'en')).toBeUndefined();
    expect(fieldTitle(schema, 'mother.nope', 'en')).toBeUndefined();
    expect(fieldTitle(schema, 'mother.name.deeper', 'en')).toBeUndefined();
    expect(fieldTitle(schema, '', 'en')).toBeUndefined();
    expect(fieldTitle(schema, 'children.x.name', 'en')).toBeUndefined();
  });

  it('reads own properties only: a path through __proto__ or constructor names nothing', () => {
    expect(fieldTitle(schema, '__proto__', 'en')).toBeUndefined();
    expect(fieldTitle(schema, 'constructor.name', 'en')).toBeUndefined();
    expect(fieldTitle(schema, 'mother.toString', 'en')).toBeUndefined();
    expect(fieldTitle({ properties: { a: { 'x-title': 'not a text' } } } as unknown as JsonSchema, 'a', 'en')).toBeUndefined();
  });

  describe('with its group, for naming a field out of its form', () => {
    it('puts the group’s title in front unless the title already begins with it', () => {
      expect(fieldTitle(schema, 'mother.ethnicity', 'zh-CN', { withGroup: true })).toBe('母亲 · 民族');
      expect(fieldTitle(schema, 'mother.ethnicity', 'en', { withGroup: true })).toBe('Mother · Ethnicity');
      expect(fieldTitle(schema, 'mother.name', 'zh-CN', { withGroup: true })).toBe('母亲姓名');
      // "Mother's name" begins with "Mother" too
      expect(fieldTitle(schema, 'mother.name', 'en', { withGroup: true })).toBe("Mother's name");
    });

    it('names a row’s field by its list, leaves a field at the top or in an untitled group alone', () => {
      expect(fieldTitle(schema, 'children.0.name', 'zh-CN', { withGroup: true })).toBe('子女 · 姓名');
      expect(fieldTitle(schema, 'mother', 'zh-CN', { withGroup: true })).toBe('母亲');
      expect(fieldTitle(schema, 'plain.note', 'en', { withGroup: true })).toBe('Note');
      expect(fieldTitle(schema, 'mother.nope', 'en', { withGroup: true })).toBeUndefined();
    });
  });

  it('names the fields of the composed newborn-birth bundle as its reviewers and applicants read them', () => {
    const root = fileURLToPath(new URL('../../../../examples/definitions/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.json'))
      .map((path) => ({ path, content: readFileSync(join(root, path), 'utf8') }));
    const { value: registry } = load(files);
    const composed = compose(registry.bundle('newborn-birth')!, registry).value;
    expect(fieldTitle(composed.schema, 'child.name', 'en')).toBe("Newborn's name");
    expect(fieldTitle(composed.schema, 'mother.name', 'zh-CN', { withGroup: true })).toBe('母亲姓名');
    expect(fieldTitle(composed.schema, 'birth-medical-certificate.birthWeightGrams', 'zh-CN', { withGroup: true })).toBe('出生医学证明首次签发 · 出生体重（克）');
    // every field of the composed form has a title in both languages
    const untitled = Object.keys(composed.fields).filter((path) => !fieldTitle(composed.schema, path, 'zh-CN') || !fieldTitle(composed.schema, path, 'en'));
    expect(untitled).toEqual([]);
  });
});
