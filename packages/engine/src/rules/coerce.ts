import type { Json } from '../json.js';
import type { EvalContext } from './types.js';

/** A JSON primitive: what JavaScript's operators are applied to after coercion. */
export type Primitive = string | number | boolean | null;

/**
 * JSON Logic truthiness (https://jsonlogic.com/truthy.html): `[]` is false, otherwise as in JavaScript.
 * @example truthy([]) // false
 */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return !!value;
}

/** True for `{…}` and `[…]` (and any other non-primitive a caller may pass in). */
export function isComposite(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * Converts a value to a primitive the way JavaScript's `ToPrimitive` treats plain JSON
 * (`[1,2]` → `"1,2"`, `{}` → `"[object Object]"`) — without calling any method on the value,
 * so data such as `{"toString": 1}` cannot make it throw. Charges the characters produced.
 */
export function toPrimitive(value: unknown, ctx: EvalContext, depth = 0): Primitive {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
  }
  if (!Array.isArray(value)) return '[object Object]';
  if (depth > 32) ctx.abort();
  ctx.charge(value.length);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    const element: unknown = value[i];
    if (element !== null && element !== undefined) out += String(toPrimitive(element, ctx, depth + 1));
    ctx.produce(out.length);
  }
  return out;
}

/** `String(value)` for JSON: `null` → `"null"`, `[1,2]` → `"1,2"`. */
export function stringOf(value: unknown, ctx: EvalContext): string {
  return String(toPrimitive(value, ctx));
}

/** A part of `Array.prototype.join`: `null` → `""`, otherwise `stringOf`. */
export function joinPart(value: unknown, ctx: EvalContext): string {
  return value === null || value === undefined ? '' : stringOf(value, ctx);
}

/** `Number(value)` for JSON: `"12"` → 12, `null` → 0, `"x"` → NaN, `[5]` → 5. */
export function numberOf(value: unknown, ctx: EvalContext): number {
  return Number(toPrimitive(value, ctx));
}

/** `parseFloat(String(value))`, as JSON Logic's `+` and `*` do: `"3 apples"` → 3. */
export function floatOf(value: unknown, ctx: EvalContext): number {
  return Number.parseFloat(stringOf(value, ctx));
}

/** Keeps results JSON: NaN and ±Infinity (e.g. from `1/0`) become `null`. */
export function finite(n: number): Json {
  return Number.isFinite(n) ? n : null;
}

/**
 * JavaScript's `==` over JSON values: two arrays/objects are equal only when they are the
 * same value; otherwise both sides are made primitive first.
 */
export function looseEquals(a: unknown, b: unknown, ctx: EvalContext): boolean {
  if (isComposite(a) && isComposite(b)) return a === b;
  // eslint-disable-next-line eqeqeq -- JSON Logic's == is JavaScript's loose equality, on primitives only
  return toPrimitive(a, ctx) == toPrimitive(b, ctx);
}

/** JavaScript's relational comparison on the primitive forms of `a` and `b`. */
export function lessThan(a: unknown, b: unknown, ctx: EvalContext, orEqual: boolean): boolean {
  const x = toPrimitive(a, ctx) as number;
  const y = toPrimitive(b, ctx) as number;
  return orEqual ? x <= y : x < y;
}
