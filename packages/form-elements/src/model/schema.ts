import type { Json, JsonSchema } from '@onething/engine/runtime';
import type { Text } from './types.js';
import { segments } from './paths.js';

/**
 * The schema of the value at a dotted path (`properties` for keys, `items` for array indexes).
 * @example schemaAt(composed.schema, 'mother.name') // { type: 'string', 'x-title': … }
 */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of segments(path)) {
    if (!node) return undefined;
    node = /^\d+$/.test(key) ? (typeof node.items === 'object' ? node.items : undefined) : node.properties?.[key];
  }
  return node;
}

/** The first schema type that is not `null` (`['string', 'null']` → `string`). */
export function typeOf(schema: JsonSchema): string | undefined {
  const t = schema.type;
  return Array.isArray(t) ? t.find((x) => x !== 'null') : t;
}

/** The field's title (`x-title`), or its last path segment when a definition gave none. */
export function titleOf(schema: JsonSchema | undefined, path: string): Text {
  const t = schema?.['x-title'] as Text | undefined;
  if (t) return t;
  const key = segments(path).at(-1) ?? path;
  return { 'zh-CN': key, en: key };
}

/** The field's description (`x-description`), if any. */
export function descriptionOf(schema: JsonSchema | undefined): Text | undefined {
  return schema?.['x-description'] as Text | undefined;
}

export interface EnumOption {
  value: Json;
  title: Text;
}

/**
 * The options of an enum (or `oneOf` of `const`s) with their titles (`x-enumTitles`).
 * @example enumOptions({ enum: ['a'], 'x-enumTitles': { a: { 'zh-CN': '甲', en: 'A' } } })
 */
export function enumOptions(schema: JsonSchema): EnumOption[] | undefined {
  if (optionCache.has(schema)) return optionCache.get(schema);
  const options = readOptions(schema);
  optionCache.set(schema, options);
  return options;
}

// Schemas of a composed bundle are never mutated: their options are read once (and keep one identity).
const optionCache = new WeakMap<JsonSchema, EnumOption[] | undefined>();

function readOptions(schema: JsonSchema): EnumOption[] | undefined {
  const titles = (schema['x-enumTitles'] ?? {}) as Record<string, Text>;
  const label = (v: Json): Text => titles[String(v)] ?? { 'zh-CN': String(v), en: String(v) };
  if (Array.isArray(schema.enum)) return schema.enum.filter((v) => v !== null).map((value) => ({ value, title: label(value) }));
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices?.length && choices.every((c) => 'const' in c)) {
    return choices.map((c) => ({ value: c.const as Json, title: (c['x-title'] as Text | undefined) ?? label(c.const as Json) }));
  }
  return undefined;
}
