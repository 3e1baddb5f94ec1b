import type { Json } from '../json.js';
import { pointer as join } from '../diagnostics/define.js';
import { isObject } from './merge-patch.js';

/**
 * The reference tokens of a JSON pointer (RFC 6901), unescaped.
 * @example tokens('/a~1b/0') // ['a/b', '0']
 */
export function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The value a JSON pointer points at, or undefined when there is none.
 * @example valueAt({ a: [1, 2] }, '/a/1') // 2
 */
export function valueAt(root: Json | undefined, pointer: string): Json | undefined {
  let node: Json | undefined = root;
  for (const token of tokens(pointer)) {
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * Replaces the value at an existing pointer in place (the root cannot be replaced).
 * @example const doc = { a: ['x'] }; replaceAt(doc, '/a/0', 'y') // doc is { a: ['y'] }
 */
export function replaceAt(root: Json, pointer: string, value: Json): void {
  const path = tokens(pointer);
  const last = path.pop();
  const parent = valueAt(root, join(...path));
  if (last === undefined) return;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isObject(parent)) parent[last] = value;
}

/**
 * True when `pointer` is `ancestor` or lies below it.
 * @example within('/a/b', '/a') // true
 * @example within('/ab', '/a') // false
 */
export function within(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || ancestor === '' || pointer.startsWith(`${ancestor}/`);
}

/** A deep copy of a JSON value (own `__proto__` members stay data). */
export function cloneJson<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

