import type { JsonSchema } from '../json.js';
import { escapePointer } from '../diagnostics/define.js';
import { isSchemaObject } from './schema-walk.js';

/** One field of a data schema: a property, addressed by its dotted path. */
export interface FieldInfo {
  /** Dotted path (`mother.name`); fields inside array items continue the array's path (`children.name`). */
  path: string;
  /** JSON pointer of the property's schema in its file. */
  pointer: string;
  schema: JsonSchema;
  /** The `x-concept` on this property, if any. */
  concept?: string;
  /** True when the field is inside an array's items (a repeatable group). */
  inArray: boolean;
  /** True for an object that declares no properties: any sub-path may exist. */
  open: boolean;
}

/** Looks up a concept's schema fragment, so bound fields expose the concept's sub-fields. */
export type ConceptSchemaLookup = (concept: string) => JsonSchema | undefined;

const MAX_VISITS = 100_000;

/**
 * Lists the fields of a data schema in document order, following `allOf`/`anyOf`/`oneOf`,
 * `then`/`else`, `dependentSchemas`, local `$ref`s and array `items`, and — through
 * `conceptSchema` — the properties of bound concepts. Bounded: cyclic refs and huge
 * schemas stop the walk rather than hang it.
 * @example collectFields(item.schema, '/schema').map((f) => f.path) // ['mother', 'mother.name', …]
 */
export function collectFields(schema: unknown, pointer: string, conceptSchema?: ConceptSchemaLookup): FieldInfo[] {
  const fields = new Map<string, FieldInfo>();
  let visits = 0;
  const visit = (node: unknown, path: string[], at: string, inArray: boolean, via: ReadonlySet<string>, owner?: FieldInfo): void => {
    if (!isSchemaObject(node) || ++visits > MAX_VISITS) return;
    const properties = node.properties;
    if (isSchemaObject(properties)) {
      if (owner) owner.open = false;
      for (const [name, sub] of Object.entries(properties)) {
        if (!isSchemaObject(sub)) continue;
        const subPath = [...path, name];
        const key = subPath.join('.');
        const subPointer = `${at}/properties/${escapePointer(name)}`;
        let field = fields.get(key);
        if (!field) {
          field = { path: key, pointer: subPointer, schema: sub, inArray, open: allowsObject(sub) && sub.additionalProperties !== false };
          if (typeof sub['x-concept'] === 'string') field.concept = sub['x-concept'];
          fields.set(key, field);
        }
        visit(sub, subPath, subPointer, inArray, via, field);
        const concept = typeof sub['x-concept'] === 'string' ? conceptSchema?.(sub['x-concept']) : undefined;
        if (concept) visit(concept, subPath, subPointer, inArray, via, field);
      }
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = node[keyword];
      if (Array.isArray(list)) list.forEach((sub, i) => visit(sub, path, `${at}/${keyword}/${i}`, inArray, via, owner));
    }
    for (const keyword of ['then', 'else'] as const) visit(node[keyword], path, `${at}/${keyword}`, inArray, via, owner);
    if (isSchemaObject(node.dependentSchemas)) {
      for (const [name, sub] of Object.entries(node.dependentSchemas)) visit(sub, path, `${at}/dependentSchemas/${escapePointer(name)}`, inArray, via, owner);
    }
    if (isSchemaObject(node.items)) visit(node.items, path, `${at}/items`, true, via, owner);
    if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((sub, i) => visit(sub, path, `${at}/prefixItems/${i}`, true, via, owner));
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#') && !via.has(ref)) {
      const target = resolveLocalRef(schema, ref);
      if (target !== undefined) visit(target, path, at, inArray, new Set(via).add(ref), owner);
    }
  };
  visit(schema, [], pointer, false, new Set());
  return [...fields.values()];
}

/**
 * Answers whether a dotted path names a field: exactly, through an array index
 * (`children.0.name`), or below an open object.
 * @example fieldLookup(fields).has('mother.name') // true
 */
export function fieldLookup(fields: ReadonlyArray<FieldInfo>): { has(path: string): boolean } {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  return {
    has(path: string) {
      const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
      if (!segments.length) return false;
      for (let i = segments.length; i > 0; i--) {
        const field = byPath.get(segments.slice(0, i).join('.'));
        if (field) return i === segments.length || field.open;
      }
      return false;
    },
  };
}

/**
 * Resolves a local `$ref` (`#`, `#/json/pointer` or `#anchor`) inside `root`.
 * @example resolveLocalRef({ $defs: { a: { type: 'string' } } }, '#/$defs/a') // { type: 'string' }
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  const fragment = safeDecode(ref.slice(1));
  if (fragment === undefined) return undefined;
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return findAnchor(root, fragment);
  let node: unknown = root;
  for (const token of fragment.slice(1).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(key)) node = node[Number(key)];
    else if (isSchemaObject(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function findAnchor(root: unknown, anchor: string): unknown {
  const stack: unknown[] = [root];
  let visits = 0;
  while (stack.length && ++visits < MAX_VISITS) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isSchemaObject(node)) {
      if (node.$anchor === anchor || node.$dynamicAnchor === anchor) return node;
      stack.push(...Object.values(node));
    }
  }
  return undefined;
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

function allowsObject(schema: JsonSchema): boolean {
  const type = schema.type;
  return type === 'object' || (Array.isArray(type) && type.includes('object'));
}
