import type { JsonSchema } from '../json.js';
import { canonical } from './schema-merge.js';

/** Deepest `$ref` chain or nesting followed while inlining. */
const MAX_DEPTH = 64;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves a local JSON-pointer `$ref` (`#/$defs/address`) against a definition's schema root.
 * @example resolvePointer({ $defs: { a: { type: 'string' } } }, '#/$defs/a') // { type: 'string' }
 */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const token of fragment.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) node = node[Number(key)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** Keywords that only describe: beside a `$ref`, they replace the target's. */
const ANNOTATION = /^(x-.*|title|description|\$comment|examples|default|deprecated|readOnly|writeOnly)$/;

/**
 * A `$ref`'s target together with the keywords written beside the `$ref`. Both apply, as in
 * JSON Schema: annotations beside it win, `required` lists and `properties` maps are joined,
 * and any other keyword both give differently must hold twice (`allOf`), so `maxLength: 100`
 * beside a target's `maxLength: 50` still allows only 50 characters.
 */
function withSiblings(target: Record<string, unknown>, siblings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  const both: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(siblings)) {
    const mine = out[key];
    if (!Object.hasOwn(out, key) || ANNOTATION.test(key) || canonical(mine) === canonical(value)) out[key] = value;
    else if ((key === 'required' || key === 'allOf') && Array.isArray(mine) && Array.isArray(value)) out[key] = [...new Set([...mine, ...value])];
    else if (key === 'properties' && isObject(mine) && isObject(value)) {
      const properties: Record<string, unknown> = { ...mine };
      for (const [name, sub] of Object.entries(value)) {
        properties[name] = Object.hasOwn(mine, name) && canonical(mine[name]) !== canonical(sub) ? { allOf: [mine[name], sub] } : sub;
      }
      out.properties = properties;
    } else both[key] = value;
  }
  if (Object.keys(both).length) out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), both];
  return out;
}

/**
 * Copies a schema with every local `$ref` replaced by its target (keywords beside the `$ref`
 * apply too: `withSiblings`), so the schema stands on its own inside the composed bundle. A
 * `$ref` that leads back into itself is replaced by `{}` and reported through `onCycle`; unresolvable refs
 * are kept (lint reports them).
 * @example inlineRefs({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' } } }, () => {}) // { type: 'string' }
 */
export function inlineRefs(schema: unknown, root: unknown, onCycle: (ref: string) => void): JsonSchema {
  const visit = (node: unknown, active: ReadonlySet<string>, depth: number): unknown => {
    if (depth > MAX_DEPTH) return {};
    if (Array.isArray(node)) return node.map((element) => visit(element, active, depth + 1));
    if (!isObject(node)) return node;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      if (active.has(ref)) {
        onCycle(ref);
        return {};
      }
      const target = resolvePointer(root, ref);
      if (isObject(target)) {
        const { $ref: _ref, ...rest } = node;
        const nextActive = new Set(active).add(ref);
        const resolved = visit(target, nextActive, depth + 1) as Record<string, unknown>;
        return withSiblings(resolved, visit(rest, nextActive, depth + 1) as Record<string, unknown>);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$defs' || key === 'definitions') continue;
      out[key] = visit(value, active, depth + 1);
    }
    return out;
  };
  return visit(schema, new Set(), 0) as JsonSchema;
}
