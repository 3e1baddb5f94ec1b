import type { Json } from '../json.js';
import { BLOCKED_SEGMENTS, readPath } from '../rules/path.js';

/** A JSON object (not an array). */
export type JsonObject = { [key: string]: Json };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value at a dotted path, read safely (own data properties only).
 * @example getPath({ mother: { name: '李' } }, 'mother.name') // '李'
 */
export function getPath(data: unknown, path: string): Json | undefined {
  return readPath(data, path) as Json | undefined;
}

/** More segments than any field path can have (data schemas nest at most 32 levels). */
const MAX_SEGMENTS = 256;

/** A path every segment of which may be written: no `__proto__`, `constructor`…, no empty segment, not absurdly deep. */
export function isWritablePath(path: string): boolean {
  const segments = path.split('.', MAX_SEGMENTS + 1);
  return path !== '' && segments.length <= MAX_SEGMENTS && segments.every((segment) => segment !== '' && !BLOCKED_SEGMENTS.has(segment));
}

function copy(container: Json | undefined, segment: string): JsonObject | Json[] {
  if (Array.isArray(container)) return [...container];
  if (isJsonObject(container)) return { ...container };
  return /^(0|[1-9]\d*)$/.test(segment) ? [] : {};
}

/**
 * A copy of `data` with `value` at `path` (`undefined` removes it); only the objects along the
 * path are copied, the rest is shared. Returns `data` itself for a path that may not be written.
 * @example setPath({ a: { b: 1 } }, 'a.c', 2) // { a: { b: 1, c: 2 } }
 */
export function setPath(data: JsonObject, path: string, value: Json | undefined): JsonObject {
  if (!isWritablePath(path)) return data;
  const segments = path.split('.');
  const write = (container: Json | undefined, i: number): Json | undefined => {
    const segment = segments[i]!;
    if (i === segments.length - 1) {
      if (value === undefined) {
        if (!isJsonObject(container) && !Array.isArray(container)) return container;
        if (!Object.prototype.hasOwnProperty.call(container, segment)) return container;
        const next = copy(container, segment) as Record<string, Json>;
        if (Array.isArray(next)) next[Number(segment)] = null;
        else delete next[segment];
        return next as Json;
      }
      const next = copy(container, segment) as Record<string, Json>;
      next[segment] = value;
      return next as Json;
    }
    const child = isJsonObject(container) || Array.isArray(container) ? (getPath(container, segment) ?? undefined) : undefined;
    if (value === undefined && child === undefined) return container;
    const next = copy(container, segment) as Record<string, Json>;
    next[segment] = write(child, i + 1) as Json;
    return next as Json;
  };
  return write(data, 0) as JsonObject;
}

/**
 * A copy of `data` without the value at `path`, and without the objects that leaves empty.
 * @example removePath({ a: { b: 1 }, c: 2 }, 'a.b') // { c: 2 }
 */
export function removePath(data: JsonObject, path: string): JsonObject {
  const out = setPath(data, path, undefined);
  const dot = path.lastIndexOf('.');
  if (dot === -1) return out;
  const parent = getPath(out, path.slice(0, dot));
  return isJsonObject(parent) && Object.keys(parent).length === 0 ? removePath(out, path.slice(0, dot)) : out;
}

/**
 * Writes `value` at `path` into `target` in place, creating plain objects on the way (used while
 * building a fresh object). Skips paths that may not be written and places held by a non-object.
 */
export function putPath(target: JsonObject, path: string, value: Json): void {
  if (!isWritablePath(path)) return;
  const segments = path.split('.');
  let node: JsonObject = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (next === undefined) node = node[segment] = {};
    else if (isJsonObject(next)) node = next;
    else return;
  }
  node[segments[segments.length - 1]!] = value;
}

/**
 * Deep equality of JSON values.
 * @example jsonEqual({ a: [1] }, { a: [1] }) // true
 */
export function jsonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/**
 * Empty in the sense of "not filled in" — the one place the engine decides whether a field is
 * answered: absent, `null`, `""` or an empty list `[]` (a repeatable group with no rows, a
 * multiple choice with nothing chosen). Empty values are not stored, rules do not see them, and a
 * required field holding one is missing — whatever the schema's `minItems` says.
 * @example isEmptyValue([]) // true
 */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
