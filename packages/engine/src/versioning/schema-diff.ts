import { escapePointer } from '../diagnostics/define.js';
import { text } from '../text.js';
import type { BumpLevel, ChangeKind, VersionChange } from './types.js';

type Obj = { [key: string]: unknown };

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON-like values (key order ignored). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => same(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as Obj);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as Obj, k) && same((a as Obj)[k], (b as Obj)[k]));
}

/** Collects changes; `at` appends a pointer token. */
export interface Collector {
  add(kind: ChangeKind, level: BumpLevel, pointer: string, zh: string, en: string): void;
  changes: VersionChange[];
}

export function collector(): Collector {
  const changes: VersionChange[] = [];
  return { changes, add: (kind, level, pointer, zh, en) => changes.push({ kind, level, pointer, message: text(zh, en) }) };
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const STRICT_KEYWORDS = ['pattern', 'format', 'const', 'multipleOf', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'uniqueItems', 'contains'] as const;
/** Keywords compared above or recursed into; every other keyword difference is a patch. */
const HANDLED = new Set<string>(['type', 'enum', 'properties', 'required', 'items', 'additionalProperties', 'x-concept', ...LOWER_BOUNDS, ...UPPER_BOUNDS, ...STRICT_KEYWORDS]);

/** The JSON types a schema admits; null means any. */
function types(schema: Obj): Set<string> | null {
  const t = schema['type'];
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return null;
}

const admits = (set: Set<string> | null, type: string) => set === null || set.has(type) || (type === 'integer' && set.has('number'));

/**
 * Compares two JSON Schemas of data and records what an existing value valid under the
 * old one may no longer satisfy (major: removed fields, narrowed types and enums,
 * tightened bounds, newly required fields) and what only widens (minor).
 * @example const c = collector(); diffSchema({ type: 'number' }, { type: 'integer' }, '/schema', 'age', c) // type-narrowed, major
 */
export function diffSchema(before: unknown, after: unknown, pointer: string, field: string, out: Collector, depth = 0): void {
  if (same(before, after) || depth > 64) return;
  const name = field || '/';
  if (!isObj(before) || !isObj(after)) {
    // true/false schemas or garbage: anything other than equality is treated as a narrowing.
    out.add('type-narrowed', 'major', pointer, `“${name}”的结构已改变`, `"${name}" changed its shape`);
    return;
  }
  const tb = types(before);
  const ta = types(after);
  const lost = tb === null ? (ta === null ? [] : ['any']) : [...tb].filter((t) => !admits(ta, t));
  const gained = ta === null ? (tb === null ? [] : ['any']) : [...ta].filter((t) => !admits(tb, t));
  if (lost.length) out.add('type-narrowed', 'major', `${pointer}/type`, `“${name}”不再接受类型 ${lost.join('、')}`, `"${name}" no longer accepts ${lost.join(', ')}`);
  else if (gained.length) out.add('type-widened', 'minor', `${pointer}/type`, `“${name}”新增接受类型 ${gained.join('、')}`, `"${name}" now also accepts ${gained.join(', ')}`);

  const eb = Array.isArray(before['enum']) ? before['enum'] : undefined;
  const ea = Array.isArray(after['enum']) ? after['enum'] : undefined;
  if (ea && (!eb || eb.some((v) => !ea.some((w) => same(v, w))))) {
    const removed = eb ? eb.filter((v) => !ea.some((w) => same(v, w))).map((v) => JSON.stringify(v)) : ['(any)'];
    out.add('enum-narrowed', 'major', `${pointer}/enum`, `“${name}”删除了可选值 ${removed.join('、')}`, `"${name}" dropped the values ${removed.join(', ')}`);
  } else if (eb && (!ea || ea.length > eb.length)) {
    out.add('enum-widened', 'minor', `${pointer}/enum`, `“${name}”新增了可选值`, `"${name}" accepts more values`);
  }

  const old: Obj = before;
  const now: Obj = after;
  for (const key of LOWER_BOUNDS) bound(key, (b, a) => a > b);
  for (const key of UPPER_BOUNDS) bound(key, (b, a) => a < b);
  function bound(key: string, tighter: (b: number, a: number) => boolean): void {
    const b = old[key];
    const a = now[key];
    if (same(a, b)) return;
    const where = `${pointer}/${key}`;
    if (typeof a === 'number' && (typeof b !== 'number' || tighter(b, a))) {
      out.add('constraint-tightened', 'major', where, `“${name}”的 ${key} 收紧为 ${a}`, `"${name}" tightened ${key} to ${a}`);
    } else {
      out.add('constraint-loosened', 'minor', where, `“${name}”的 ${key} 放宽`, `"${name}" loosened ${key}`);
    }
  }
  for (const key of STRICT_KEYWORDS) {
    if (same(before[key], after[key])) continue;
    if (after[key] === undefined) out.add('constraint-loosened', 'minor', `${pointer}/${key}`, `“${name}”去掉了 ${key}`, `"${name}" dropped ${key}`);
    else out.add('constraint-tightened', 'major', `${pointer}/${key}`, `“${name}”的 ${key} 已改变`, `"${name}" changed ${key}`);
  }

  if (!same(before['x-concept'], after['x-concept'])) {
    out.add('concept-rebound', 'major', `${pointer}/x-concept`, `“${name}”绑定的概念已改变`, `"${name}" is bound to another concept`);
  }

  const pb = isObj(before['properties']) ? before['properties'] : {};
  const pa = isObj(after['properties']) ? after['properties'] : {};
  const child = (key: string) => (field ? `${field}.${key}` : key);
  for (const key of Object.keys(pb)) {
    const where = `${pointer}/properties/${escapePointer(key)}`;
    if (!Object.hasOwn(pa, key)) out.add('field-removed', 'major', where, `删除了字段“${child(key)}”`, `Field "${child(key)}" was removed`);
    else diffSchema(pb[key], pa[key], where, child(key), out, depth + 1);
  }
  for (const key of Object.keys(pa)) {
    if (!Object.hasOwn(pb, key)) out.add('field-added', 'minor', `${pointer}/properties/${escapePointer(key)}`, `新增字段“${child(key)}”`, `Field "${child(key)}" was added`);
  }

  const rb = new Set(Array.isArray(before['required']) ? before['required'] : []);
  const ra = new Set(Array.isArray(after['required']) ? after['required'] : []);
  for (const key of ra) if (!rb.has(key)) out.add('required-added', 'major', `${pointer}/required`, `字段“${child(String(key))}”变为必填`, `Field "${child(String(key))}" became required`);
  for (const key of rb) if (!ra.has(key)) out.add('required-removed', 'minor', `${pointer}/required`, `字段“${child(String(key))}”不再必填`, `Field "${child(String(key))}" is no longer required`);

  if (!same(before['items'], after['items'])) diffSchema(before['items'] ?? {}, after['items'] ?? {}, `${pointer}/items`, `${name}[]`, out, depth + 1);
  const apb = before['additionalProperties'];
  const apa = after['additionalProperties'];
  if (!same(apb, apa)) {
    if (apa === false || (isObj(apa) && apb === undefined)) out.add('constraint-tightened', 'major', `${pointer}/additionalProperties`, `“${name}”不再接受其他属性`, `"${name}" no longer accepts other properties`);
    else if (isObj(apb) && isObj(apa)) diffSchema(apb, apa, `${pointer}/additionalProperties`, `${name}.*`, out, depth + 1);
    else out.add('constraint-loosened', 'minor', `${pointer}/additionalProperties`, `“${name}”接受其他属性`, `"${name}" accepts other properties`);
  }

  const rest = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !HANDLED.has(k)));
  if ([...rest].some((k) => !same(before[k], after[k]))) {
    out.add('content-changed', 'patch', pointer, `“${name}”的标题、说明等已改变`, `"${name}" changed its titles or annotations`);
  }
}

