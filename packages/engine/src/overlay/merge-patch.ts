import type { Json } from '../json.js';
import { escapePointer } from '../diagnostics/define.js';

/** The result of a merge patch and what it changed, as JSON pointers into the target. */
export interface MergePatchOutcome {
  value: Json;
  /**
   * Where the patch wrote or removed a value wholesale: a member set to a non-object, set to an
   * object where the target had none, or removed with `null`. `''` when the patch replaced
   * the whole document.
   */
  written: string[];
  /** Objects of the target the patch merged into member by member (the root is `''`). */
  merged: string[];
}

/**
 * Applies a JSON Merge Patch (RFC 7396) and reports where it wrote. Pure: neither argument is
 * changed. Members named `__proto__` are kept as ordinary data, never as prototypes.
 *
 * Written by hand rather than taken from `json-merge-patch` (MIT): that package stops applying a
 * patch at the first member named `constructor`, `prototype` or `__proto__` (the rest is dropped
 * silently), and the overlay checks need the pointers this function reports anyway.
 * @example
 * applyMergePatch({ a: 'b', c: { d: 'e', f: 'g' } }, { a: 'z', c: { f: null } })
 * // { value: { a: 'z', c: { d: 'e' } }, written: ['/a', '/c/f'], merged: ['', '/c'] }
 */
export function applyMergePatch(target: Json | undefined, patch: Json): MergePatchOutcome {
  const written: string[] = [];
  const merged: string[] = [];
  const value = merge(target, patch, '', written, merged);
  return { value, written, merged };
}

function merge(target: Json | undefined, patch: Json, at: string, written: string[], merged: string[]): Json {
  if (!isObject(patch)) {
    written.push(at);
    return patch;
  }
  if (isObject(target)) merged.push(at);
  else if (at === '') written.push(at);
  const result: { [key: string]: Json } = {};
  if (isObject(target)) for (const [key, value] of Object.entries(target)) define(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    const child = `${at}/${escapePointer(key)}`;
    if (value === null) {
      if (Object.hasOwn(result, key)) delete result[key];
      written.push(child);
    } else if (isObject(value) && !(isObject(target) && isObject(target[key]))) {
      // A new object: RFC 7396 merges it into {} (which drops its nulls); the whole subtree is the patch's.
      written.push(child);
      define(result, key, merge(undefined, value, child, [], []));
    } else {
      define(result, key, merge(isObject(target) ? target[key] : undefined, value, child, written, merged));
    }
  }
  return result;
}

/** Sets an own data property, so a member named `__proto__` stays data. */
function define(object: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
