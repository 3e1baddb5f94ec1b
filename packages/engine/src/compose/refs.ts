import type { JsonSchema } from '../json.js';

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

/**
 * Copies a schema with every local `$ref` replaced by its target (siblings of the `$ref` are
 * kept beside it), so the schema stands on its own inside the composed bundle. A `$ref` that
 * leads back into itself is replaced by `{}` and reported through `onCycle`; unresolvable refs
 * are kept (lint reports them).
 * @example inlineRefs({ $ref: '#/$defs/a' }, { $defs: { a: { type: 'string' } } }, () => {}) // { type: 'string' }
 */
export function inlineRefs(schema: unknown, root: unknown, onCycle: (ref: string) => void): JsonSchema {
  const visit = (node: unknown, active: ReadonlySet<string>, depth: number): unknown => {
    if (depth > MAX_DEPTH) return {};
    if (Array.isArray(node)) return node.map((element) => visit(element, active, depth + 1));
    if (!isObject(node)) return node;
    const ref = node.$ref;
    let base: Record<string, unknown> = node;
    let nextActive = active;
    if (typeof ref === 'string' && ref.startsWith('#')) {
      if (active.has(ref)) {
        onCycle(ref);
        return {};
      }
      const target = resolvePointer(root, ref);
      if (isObject(target)) {
        const { $ref: _ref, ...siblings } = node;
        nextActive = new Set(active).add(ref);
        const resolved = visit(target, nextActive, depth + 1) as Record<string, unknown>;
        base = { ...resolved, ...siblings };
        delete base.$defs;
        return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, k in siblings ? visit(v, nextActive, depth + 1) : v]));
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(base)) {
      if (key === '$defs' || key === 'definitions') continue;
      out[key] = visit(value, nextActive, depth + 1);
    }
    return out;
  };
  return visit(schema, new Set(), 0) as JsonSchema;
}
