import type { Json } from '../../json.js';
import { text } from '../../text.js';
import { numberOf } from '../coerce.js';
import { readPath } from '../path.js';
import type { EagerOperator, EvalContext } from '../types.js';

/** Reads a key the way `var` does; only strings and numbers name a path. */
function lookup(data: unknown, key: unknown): unknown {
  if (typeof key !== 'string' && typeof key !== 'number') return undefined;
  return readPath(data, key);
}

function missingKeys(keys: readonly Json[], data: unknown, ctx: EvalContext): Json[] {
  ctx.charge(keys.length);
  const missing: Json[] = [];
  for (const key of keys) {
    const value = lookup(data, key);
    if (value === undefined || value === null || value === '') missing.push(key);
  }
  return missing;
}

/**
 * `{"var": "a.b"}`, `{"var": ["a.b", default]}`: reads the data at a dotted path; `""` is the
 * data itself. Missing (or blocked, e.g. `__proto__`) → the default, else `null`.
 */
export const varOperator: EagerOperator = {
  name: 'var',
  title: text('读取字段', 'Read a field'),
  args: { min: 0, max: 2 },
  apply([path, fallback], _ctx, data) {
    const notFound = fallback === undefined ? null : fallback;
    if (path === undefined || path === null || path === '') return data === undefined ? notFound : (data as Json);
    const value = lookup(data, path);
    return value === undefined ? notFound : (value as Json);
  },
};

/**
 * `{"missing": ["a", "b"]}` (or one array argument): the keys whose value is absent, `null` or `""`.
 */
export const missing: EagerOperator = {
  name: 'missing',
  title: text('缺少的字段', 'Missing fields'),
  args: { min: 0 },
  apply(values, ctx, data) {
    const keys = Array.isArray(values[0]) ? values[0] : values;
    return missingKeys(keys, data, ctx);
  },
};

/**
 * `{"missing_some": [n, ["a", "b", "c"]]}`: `[]` when at least n of the keys are present,
 * else the missing keys.
 */
export const missingSome: EagerOperator = {
  name: 'missing_some',
  title: text('至少填写若干项', 'At least some present'),
  args: { min: 2, max: 2 },
  apply([need, options], ctx, data) {
    const keys = Array.isArray(options) ? options : options === undefined ? [] : [options];
    const absent = missingKeys(keys, data, ctx);
    return keys.length - absent.length >= numberOf(need, ctx) ? [] : absent;
  },
};

export const dataOperators = [varOperator, missing, missingSome];
