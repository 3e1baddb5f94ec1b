import type { Json, JsonSchema } from '../json.js';
import type { Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition } from '../definitions/types.generated.js';
import { walkSchema } from '../definitions/schema-walk.js';
import { escapePointer } from '../diagnostics/define.js';
import { conceptLookup, dataPathOf, divisionFieldPaths, divisionReadPaths, isDivisionSchema } from './division-fields.js';
import { isObject } from './merge-patch.js';

/** Where a division code was found. */
export type CodeSite = 'region' | 'schema' | 'rule';

/** One division code written in a definition. */
export interface CodeOccurrence {
  /** The six-digit code looked up in `remap.regions`; for a prefix, padded with zeros (`42` → `420000`). */
  code: string;
  /** The literal as written: the code, or a 2- or 4-digit prefix a rule compares with. */
  literal: string;
  /** JSON pointer of the literal. */
  pointer: string;
  site: CodeSite;
}

const FULL = /^[1-9]\d{5}$/;
const EQUALITY = new Set(['==', '===', '!=', '!==']);

/**
 * Every division code a definition writes down, with its pointer: the item's or bundle's
 * `region`; `const`, `enum`, `default` and `examples` of division subschemas (`format:
 * "division"` directly or through the bound concept) in `schema` / `questions`; and literals
 * that rules compare with a division field — `{"==": [{"var": "household.division"}, "420703"]}`,
 * `{"in": [{"var": …}, ["420703", "420704"]]}`, and prefixes through
 * `{"substr": [{"var": …}, 0, 2]}` (`"42"` is province `420000`).
 * @example findDivisionCodes(item, registry) // [{ code: '420703', literal: '420703', pointer: '/region', site: 'region' }, …]
 */
export function findDivisionCodes(definition: ItemDefinition | BundleDefinition, registry: Registry): CodeOccurrence[] {
  const found: CodeOccurrence[] = [];
  if (typeof definition.region === 'string') found.push({ code: definition.region, literal: definition.region, pointer: '/region', site: 'region' });
  const schemaKey = definition.kind === 'item' ? 'schema' : 'questions';
  found.push(...schemaCodes((definition as unknown as Record<string, unknown>)[schemaKey], `/${schemaKey}`, registry));
  found.push(...ruleCodes(definition, schemaKey, divisionReadPaths(definition, registry)));
  return found;
}

/** Division values of the division subschemas of a data schema. */
function schemaCodes(schema: unknown, root: string, registry: Registry): CodeOccurrence[] {
  const lookup = conceptLookup(registry);
  const fieldPaths = new Set(divisionFieldPaths(schema, root, lookup));
  const found: CodeOccurrence[] = [];
  const add = (value: unknown, pointer: string) => {
    if (typeof value === 'string' && FULL.test(value)) found.push({ code: value, literal: value, pointer, site: 'schema' });
  };
  walkSchema(schema, root, (node: JsonSchema, at) => {
    const path = dataPathOf(at.pointer, root);
    if (!isDivisionSchema(node, lookup) && (path === undefined || !fieldPaths.has(path))) return;
    add(node.const, `${at.pointer}/const`);
    add(node.default, `${at.pointer}/default`);
    if (Array.isArray(node.enum)) node.enum.forEach((v, i) => add(v, `${at.pointer}/enum/${i}`));
    if (Array.isArray(node.examples)) node.examples.forEach((v, i) => add(v, `${at.pointer}/examples/${i}`));
  });
  return found;
}

/** Literals that rules anywhere outside the data schema compare with a division field. */
function ruleCodes(definition: ItemDefinition | BundleDefinition, schemaKey: string, reads: ReadonlySet<string>): CodeOccurrence[] {
  const found: CodeOccurrence[] = [];
  if (!reads.size) return found;
  const stack: Array<{ node: Json; pointer: string }> = [];
  for (const [key, value] of Object.entries(definition as unknown as Record<string, Json>)) {
    if (key !== schemaKey) stack.push({ node: value, pointer: `/${escapePointer(key)}` });
  }
  while (stack.length) {
    const { node, pointer } = stack.pop()!;
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, pointer: `${pointer}/${i}` }));
    if (!isObject(node)) continue;
    const keys = Object.keys(node);
    if (keys.length === 1) found.push(...comparison(keys[0]!, node[keys[0]!]!, `${pointer}/${escapePointer(keys[0]!)}`, reads));
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, pointer: `${pointer}/${escapePointer(key)}` });
  }
  return found;
}

/** The codes one operation compares a division read with. */
function comparison(operator: string, args: Json, at: string, reads: ReadonlySet<string>): CodeOccurrence[] {
  if (!Array.isArray(args) || args.length !== 2) return [];
  const literal = (value: Json | undefined, digits: number, pointer: string): CodeOccurrence[] =>
    typeof value === 'string' && new RegExp(`^[1-9]\\d{${digits - 1}}$`).test(value)
      ? [{ code: value.padEnd(6, '0'), literal: value, pointer, site: 'rule' }]
      : [];
  if (EQUALITY.has(operator)) {
    for (const side of [0, 1] as const) {
      const digits = divisionRead(args[side], reads);
      if (digits) return literal(args[1 - side], digits, `${at}/${1 - side}`);
    }
    return [];
  }
  if (operator === 'in') {
    const digits = divisionRead(args[0], reads);
    const list = args[1];
    if (digits && Array.isArray(list)) return list.flatMap((v, i) => literal(v, digits, `${at}/1/${i}`));
  }
  return [];
}

/**
 * How many leading digits of a division code an expression yields: 6 for `{"var": path}` of a
 * division field, 2 or 4 for `{"substr": [that, 0, n]}`; 0 for anything else.
 */
function divisionRead(expression: Json | undefined, reads: ReadonlySet<string>): number {
  if (!isObject(expression)) return 0;
  if ('var' in expression) {
    const arg = expression.var;
    const path = Array.isArray(arg) ? arg[0] : arg;
    return typeof path === 'string' && reads.has(path) ? 6 : 0;
  }
  const substr = expression.substr;
  if (Array.isArray(substr) && substr.length === 3 && substr[1] === 0 && (substr[2] === 2 || substr[2] === 4)) {
    return divisionRead(substr[0], reads) === 6 ? substr[2] : 0;
  }
  return 0;
}
