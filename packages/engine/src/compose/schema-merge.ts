import canonicalize from 'canonicalize';
import type { Json, JsonSchema } from '../json.js';
import type { Text } from '../text.js';

/** Where a schema contribution comes from: an item's property or a concept's fragment. */
export interface Origin {
  /** How messages name it: `item "birth-medical-certificate"`, `concept "mother.name"`. */
  label: Text;
  file?: string;
  pointer: string;
}

/** A disagreement found while combining two contributions; compose turns it into a diagnostic. */
export type Conflict =
  | { kind: 'type'; first: Origin; second: Origin; firstType: string; secondType: string }
  | { kind: 'enum'; first: Origin; second: Origin }
  | { kind: 'bounds'; lower: string; upper: string; lowerFrom: Origin; upperFrom: Origin; first: Origin; second: Origin }
  | { kind: 'format'; first: Origin; second: Origin; firstFormat: string; secondFormat: string };

/** A schema being combined from several contributions, with the origin of each constraint. */
export interface MergedSchema {
  schema: JsonSchema;
  origins: Map<string, Origin>;
  patterns: string[];
}

/** How messages name an item or a concept. */
export function itemLabel(id: string): Text {
  return { 'zh-CN': `事项“${id}”`, en: `item "${id}"` };
}
export function conceptLabel(id: string): Text {
  return { 'zh-CN': `概念“${id}”`, en: `concept "${id}"` };
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];
/** Pairs that cannot both hold when lower > upper (or ≥ for an exclusive side). */
const BOUND_PAIRS: Array<[lower: string, upper: string, strict: boolean]> = [
  ['minimum', 'maximum', false],
  ['exclusiveMinimum', 'maximum', true],
  ['minimum', 'exclusiveMaximum', true],
  ['exclusiveMinimum', 'exclusiveMaximum', true],
  ['minLength', 'maxLength', false],
  ['minItems', 'maxItems', false],
  ['minProperties', 'maxProperties', false],
  ['minContains', 'maxContains', false],
];
/** Keywords that only describe: the first contribution's value is kept. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', '$schema', '$id', '$anchor']);

/** Canonical JSON (RFC 8785) of a value, for equality of schema values. */
export function canonical(value: unknown): string {
  return canonicalize(value) ?? '';
}

/** Starts a merge with nothing combined yet. */
export function emptyMerge(): MergedSchema {
  return { schema: {}, origins: new Map(), patterns: [] };
}

function typesOf(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type as string[];
  return undefined;
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'number' && b.includes('integer')) out.push('integer');
    else if (t === 'integer' && b.includes('number')) out.push('integer');
  }
  return [...new Set(out)];
}

function allowedValues(schema: JsonSchema): Json[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/**
 * Combines `next` into `merged`: types intersected (integer ⊂ number), enum/const intersected,
 * numeric and length bounds tightened, `format` must agree, patterns all kept, annotations
 * first-wins, any other assertion kept once when equal and otherwise added to `allOf` (both
 * must hold). Returns the conflicts found; `merged` is updated in place.
 * @example combine(m, { type: 'string', maxLength: 20 }, { label: 'item "a"', pointer: '/schema/properties/x' })
 */
export function combine(merged: MergedSchema, next: JsonSchema, origin: Origin): Conflict[] {
  const conflicts: Conflict[] = [];
  const target = merged.schema;
  const set = (key: string, value: unknown) => {
    target[key] = value;
    merged.origins.set(key, origin);
  };
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    const current = target[key];
    const had = Object.prototype.hasOwnProperty.call(target, key);
    if (key === 'type') {
      const a = typesOf(current);
      const b = typesOf(value);
      if (!had || !a || !b) {
        if (!had) set(key, value);
        continue;
      }
      const both = intersectTypes(a, b);
      if (both.length === 0) {
        conflicts.push({ kind: 'type', first: merged.origins.get(key)!, second: origin, firstType: a.join('|'), secondType: b.join('|') });
      } else if (canonical(both) !== canonical(a)) set(key, both.length === 1 ? both[0] : both);
    } else if (key === 'enum' || key === 'const') {
      const incoming = key === 'const' ? [value as Json] : Array.isArray(value) ? (value as Json[]) : undefined;
      const existing = allowedValues(target);
      if (incoming === undefined) {
        // Not a list of values: the linter reports it; keep the first one met.
        if (!had) set(key, value);
        continue;
      }
      if (existing === undefined) {
        set(key, value);
        continue;
      }
      const keep = new Set(incoming.map(canonical));
      const both = existing.filter((v) => keep.has(canonical(v)));
      const firstOrigin = merged.origins.get('const') ?? merged.origins.get('enum')!;
      if (both.length === 0) conflicts.push({ kind: 'enum', first: firstOrigin, second: origin });
      if (both.length !== existing.length) {
        delete target.const;
        delete target.enum;
        set('enum', both);
      }
    } else if (LOWER_BOUNDS.includes(key) || UPPER_BOUNDS.includes(key)) {
      if (typeof value !== 'number') continue;
      const tighter = LOWER_BOUNDS.includes(key) ? value > (current as number) : value < (current as number);
      if (!had || typeof current !== 'number' || tighter) set(key, value);
    } else if (key === 'format') {
      if (!had) set(key, value);
      else if (current !== value) {
        conflicts.push({ kind: 'format', first: merged.origins.get(key)!, second: origin, firstFormat: String(current), secondFormat: String(value) });
      }
    } else if (key === 'pattern') {
      if (typeof value === 'string' && !merged.patterns.includes(value)) merged.patterns.push(value);
    } else if (key === 'allOf') {
      if (!Array.isArray(value)) continue;
      const list = Array.isArray(current) ? (current as JsonSchema[]) : [];
      const seen = new Set(list.map(canonical));
      for (const sub of value as JsonSchema[]) if (!seen.has(canonical(sub))) list.push(sub);
      set(key, list);
    } else if (key === 'x-enumTitles') {
      if (typeof value === 'object' && value !== null) set(key, { ...(value as Record<string, Text>), ...(current as Record<string, Text> | undefined) });
    } else if (key === 'uniqueItems') {
      if (value === true || !had) set(key, value);
    } else if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
      if (!had) set(key, value);
    } else if (!had) {
      set(key, value);
    } else if (canonical(current) !== canonical(value)) {
      // Any other assertion: both must hold.
      const list = Array.isArray(target.allOf) ? target.allOf : [];
      const sub = { [key]: value } as JsonSchema;
      if (!list.some((s) => canonical(s) === canonical(sub))) list.push(sub);
      set('allOf', list);
    }
  }
  conflicts.push(...boundConflicts(merged, origin));
  return conflicts;
}

/** Contradictory bounds; the contribution that made them contradict is placed second. */
function boundConflicts(merged: MergedSchema, current: Origin): Conflict[] {
  const s = merged.schema;
  const found: Conflict[] = [];
  for (const [lower, upper, strict] of BOUND_PAIRS) {
    const lo = s[lower];
    const hi = s[upper];
    if (typeof lo !== 'number' || typeof hi !== 'number') continue;
    if (strict ? lo >= hi : lo > hi) {
      const lowerFrom = merged.origins.get(lower)!;
      const upperFrom = merged.origins.get(upper)!;
      const [first, second] = lowerFrom === current ? [upperFrom, lowerFrom] : [lowerFrom, upperFrom];
      found.push({ kind: 'bounds', lower: `${lower} ${lo}`, upper: `${upper} ${hi}`, lowerFrom, upperFrom, first, second });
    }
  }
  return found;
}

/**
 * The combined schema: a single pattern stays `pattern`; several become `allOf: [{pattern}, …]`
 * so that every one of them applies.
 * @example finish(m) // { type: 'string', allOf: [{ pattern: '^1' }, { pattern: '\\d$' }] }
 */
export function finish(merged: MergedSchema): JsonSchema {
  const schema: JsonSchema = { ...merged.schema };
  delete schema.pattern;
  if (merged.patterns.length === 1) schema.pattern = merged.patterns[0]!;
  else if (merged.patterns.length > 1) {
    schema.allOf = [...merged.patterns.map((pattern) => ({ pattern })), ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  }
  if (Array.isArray(schema.enum) && schema['x-enumTitles'] && typeof schema['x-enumTitles'] === 'object') {
    const titles = schema['x-enumTitles'] as Record<string, Text>;
    const kept = new Set(schema.enum.map(String));
    schema['x-enumTitles'] = Object.fromEntries(Object.entries(titles).filter(([value]) => kept.has(value)));
  }
  return schema;
}
