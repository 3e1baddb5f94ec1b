import type { Json } from '@onething/engine/runtime';

/** Form paths of guidance answers: `answers/<question>` (a data path can't contain `/`). */
export const ANSWERS = 'answers/';
/** Form paths of materials: `material/<id>`. */
export const MATERIAL = 'material/';

/** A dotted data path split into segments; numeric segments index arrays (`children.0.name`). */
export function segments(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/**
 * Reads the value at a dotted path; `undefined` when any step is missing.
 * @example getAt({ mother: { name: 'Li' } }, 'mother.name') // 'Li'
 */
export function getAt(data: unknown, path: string): Json | undefined {
  let node: unknown = data;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as Json | undefined;
}

/**
 * Returns a copy of `data` with `value` at `path` (copying only the objects on the way; the
 * rest is shared). `undefined` removes the key. Intermediate objects are created as needed.
 * @example setAt({}, 'mother.name', 'Li') // { mother: { name: 'Li' } }
 */
export function setAt<T extends Record<string, Json>>(data: T, path: string, value: Json | undefined): T {
  const keys = segments(path);
  const write = (node: Json | undefined, i: number): Json | undefined => {
    const key = keys[i]!;
    const isIndex = /^\d+$/.test(key);
    const copy: Record<string, Json> | Json[] = Array.isArray(node)
      ? [...node]
      : node !== null && typeof node === 'object'
        ? { ...node }
        : isIndex
          ? []
          : {};
    const next = i === keys.length - 1 ? value : write((copy as Record<string, Json>)[key], i + 1);
    if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, Json>)[key];
    else (copy as Record<string, Json>)[key] = next as Json;
    return copy;
  };
  return keys.length === 0 ? data : (write(data, 0) as T);
}

/**
 * Converts a JSON pointer from a validation error to a dotted path.
 * @example pointerToPath('/mother/idNumber') // 'mother.idNumber'
 */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
