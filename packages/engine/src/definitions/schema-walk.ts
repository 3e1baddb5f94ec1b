import type { JsonSchema } from '../json.js';
import { escapePointer } from '../diagnostics/define.js';

/** Where a subschema sits: its JSON pointer, nesting depth and whether it describes array elements. */
export interface SubschemaContext {
  pointer: string;
  /** Subschema nesting depth; the root is 0. */
  depth: number;
  /** True inside `items`, `prefixItems`, `contains` …: the value is an element of an array. */
  inArray: boolean;
}

// Keywords (JSON Schema 2020-12) whose value is a subschema, a map of subschemas, or a list.
const SINGLE = ['items', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames',
  'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema'] as const;
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const ARRAY_ELEMENT = new Set(['items', 'prefixItems', 'contains', 'unevaluatedItems', 'additionalItems']);

/**
 * Visits every subschema of a JSON Schema (2020-12 keywords only; values of `enum`,
 * `const`, `default`, `examples` and `x-*` are data and are not entered). Iterative, so
 * any depth is safe. `pointer` is prefixed to every reported pointer.
 * @example
 * walkSchema(item.schema, '/schema', (node, at) => { if (node.pattern) check(node.pattern, at.pointer) })
 */
export function walkSchema(
  schema: unknown,
  pointer: string,
  visit: (node: JsonSchema, at: SubschemaContext) => void,
): void {
  const stack: Array<{ node: unknown; at: SubschemaContext }> = [{ node: schema, at: { pointer, depth: 0, inArray: false } }];
  while (stack.length) {
    const { node, at } = stack.pop()!;
    if (!isSchemaObject(node)) continue;
    visit(node, at);
    const children: Array<{ node: unknown; at: SubschemaContext }> = [];
    const child = (value: unknown, keyword: string, ...tokens: Array<string | number>) =>
      children.push({
        node: value,
        at: {
          pointer: [at.pointer, keyword, ...tokens].map((t, i) => (i === 0 ? t : `/${escapePointer(t)}`)).join(''),
          depth: at.depth + 1,
          inArray: at.inArray || ARRAY_ELEMENT.has(keyword),
        },
      });
    for (const keyword of SINGLE) if (keyword in node) child(node[keyword], keyword);
    for (const keyword of MAP) {
      const map = node[keyword];
      if (isSchemaObject(map)) for (const [name, value] of Object.entries(map)) child(value, keyword, name);
    }
    for (const keyword of LIST) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((value, i) => child(value, keyword, i));
    }
    // Reverse so that the stack visits children in document order.
    stack.push(...children.reverse());
  }
}

/** True for a JSON object (not an array, not null). */
export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
