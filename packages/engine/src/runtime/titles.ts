import type { JsonSchema } from '../json.js';
import type { Locale } from '../text.js';

/** Options of `fieldTitle`. */
export interface FieldTitleOptions {
  /**
   * Put the title of the group the field is in before its own (`母亲 · 民族`), unless the own
   * title already begins with it (`母亲姓名`) or the group has no title — for naming a field out
   * of its form (a supplement request, a timeline, a notification). A field in a list row takes
   * the list's title as its group.
   */
  withGroup?: boolean;
}

const INDEX = /^(0|[1-9]\d*)$/;

/** The schema at a dotted path: `properties` for names, `items` for list indexes; own properties only. */
function schemaAt(root: JsonSchema, segments: readonly string[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const key of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (INDEX.test(key) && typeof node.items === 'object' && node.items !== null && !Array.isArray(node.items)) node = node.items;
    else node = node.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
  }
  return node;
}

function titleIn(schema: JsonSchema | undefined, locale: Locale): string | undefined {
  const title: unknown = schema?.['x-title'];
  if (typeof title !== 'object' || title === null || !Object.hasOwn(title, locale)) return undefined;
  const text = (title as Record<string, unknown>)[locale];
  return typeof text === 'string' ? text : undefined;
}

/**
 * The title of the field at a dotted data path (`mother.name`, `children.0.name`) in a schema
 * whose properties carry `x-title` — a composed bundle's `schema`, or its `questions` — in
 * `locale`; `undefined` when the path names no field there or the field has no title (callers
 * choose their own fallback, such as the path). With `withGroup`, the group's title goes in front.
 * @example
 * fieldTitle(composed.schema, 'mother.name', 'zh-CN') // '母亲姓名'
 * fieldTitle(composed.schema, 'mother.ethnicity', 'zh-CN', { withGroup: true }) // '母亲 · 民族'
 * fieldTitle(composed.schema, 'nope', 'en') ?? 'nope' // 'nope'
 */
export function fieldTitle(schema: JsonSchema, path: string, locale: Locale, options: FieldTitleOptions = {}): string | undefined {
  const segments = path.split('.');
  const own = titleIn(schemaAt(schema, segments), locale);
  if (own === undefined || !options.withGroup) return own;
  let end = segments.length - 1;
  while (end > 0 && INDEX.test(segments[end - 1]!)) end--; // a row's group is its list
  const group = end > 0 ? titleIn(schemaAt(schema, segments.slice(0, end)), locale) : undefined;
  return group === undefined || own.startsWith(group) ? own : `${group} · ${own}`;
}
