import { fieldTitle, type ComposedBundle, type Json, type JsonSchema, type Locale, type Text } from '@onething/engine';

/**
 * The schema of the value at a dotted path of the bundle data.
 * @example schemaAt(composed.schema, 'mother.name') // { type: 'string', 'x-title': … }
 */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of path.split('.')) {
    if (!node) return undefined;
    node = /^\d+$/.test(key) ? (typeof node.items === 'object' ? node.items : undefined) : node.properties?.[key];
  }
  return node;
}

/** The value at a dotted path, if any. @example getAt({ a: { b: 1 } }, 'a.b') // 1 */
export function getAt(data: Record<string, Json> | undefined, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/**
 * A field's title (`x-title`), or the last segment of its path when the definition gave none.
 * @example titleOf(undefined, 'mother.name') // { 'zh-CN': 'name', en: 'name' }
 */
export function titleOf(schema: JsonSchema | undefined, path: string): Text {
  const title = schema?.['x-title'] as Text | undefined;
  if (title) return title;
  const key = path.split('.').at(-1) ?? path;
  return { 'zh-CN': key, en: key };
}

const YES: Text = { 'zh-CN': '是', en: 'Yes' };
const NO: Text = { 'zh-CN': '否', en: 'No' };

function enumTitle(schema: JsonSchema | undefined, value: Json): Text | undefined {
  if (!schema) return undefined;
  const titles = schema['x-enumTitles'] as Record<string, Text> | undefined;
  if (titles?.[String(value)]) return titles[String(value)];
  const choices = schema.oneOf ?? schema.anyOf;
  const match = choices?.find((c) => 'const' in c && c.const === value);
  return match?.['x-title'] as Text | undefined;
}

/**
 * A value as staff read it: option titles for enums, Yes/No for booleans, lists joined, the value
 * itself otherwise; `—` when empty. Division codes are named by `names` when given.
 * @example displayValue({ enum: ['male'], 'x-enumTitles': { male: { 'zh-CN': '男', en: 'Male' } } }, 'male', 'zh-CN') // '男'
 */
export function displayValue(schema: JsonSchema | undefined, value: Json | undefined, locale: Locale, names?: (code: string) => string | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return (value ? YES : NO)[locale];
  if (Array.isArray(value)) {
    const items = typeof schema?.items === 'object' ? schema.items : undefined;
    return value.map((v) => displayValue(items, v, locale, names)).join(locale === 'en' ? ', ' : '、');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  const title = enumTitle(schema, value);
  if (title) return title[locale];
  if (schema?.format === 'division' && typeof value === 'string') {
    const name = names?.(value);
    if (name) return locale === 'en' ? `${name} (${value})` : `${name}（${value}）`;
  }
  return String(value);
}

/**
 * A field's title where it is named out of its form (a supplement request, the timeline): with
 * its group's title in front unless the title already says it (母亲 · 民族, but 母亲姓名).
 * @example fieldLabel(composed, 'birth-medical-certificate.birthWeightGrams', 'zh-CN') // '出生医学证明首次签发 · 出生体重（克）'
 */
export function fieldLabel(composed: ComposedBundle, path: string, locale: Locale): string {
  return fieldTitle(composed.schema, path, locale, { withGroup: true }) ?? titleOf(undefined, path)[locale];
}
