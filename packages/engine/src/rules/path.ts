/**
 * Reading dotted paths out of data, safely: only own data properties of plain objects and
 * arrays are read, never a getter, and never through a segment that reaches JavaScript's
 * object machinery (`__proto__`, `constructor`, `prototype`, `__defineGetter__`…).
 */

/** Path segments that read nothing, wherever they appear. */
export const BLOCKED_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Reads one segment: an own data property of a plain object or array, else `undefined`.
 * @example readSegment({ a: 1 }, 'a') // 1
 * @example readSegment({}, 'constructor') // undefined
 */
export function readSegment(container: unknown, segment: string): unknown {
  if (!isPlainContainer(container) || BLOCKED_SEGMENTS.has(segment)) return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(container, segment);
  if (descriptor === undefined || !('value' in descriptor)) return undefined;
  const value: unknown = descriptor.value;
  return typeof value === 'function' ? undefined : value;
}

/**
 * Reads a dotted path (`mother.name`, `children.0.name`) or an array index. `""` reads the data
 * itself. Returns `undefined` when any segment is missing or blocked.
 * @example readPath({ mother: { name: '李' } }, 'mother.name') // '李'
 * @example readPath({}, '__proto__.polluted') // undefined
 */
export function readPath(data: unknown, path: string | number): unknown {
  const key = String(path);
  if (key === '') return data;
  let current = data;
  let start = 0;
  while (current !== undefined) {
    const dot = key.indexOf('.', start);
    const segment = dot === -1 ? key.slice(start) : key.slice(start, dot);
    current = readSegment(current, segment);
    if (dot === -1) return current;
    start = dot + 1;
  }
  return undefined;
}
