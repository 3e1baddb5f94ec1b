import type { JsonSchema } from '../json.js';
import type { Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition } from '../definitions/types.generated.js';
import { collectFields, type ConceptSchemaLookup } from '../definitions/fields.js';
import { tokens } from './pointer.js';

/**
 * True for a subschema that holds a division code: `format: "division"` on itself or on the
 * concept it binds with `x-concept`.
 * @example isDivisionSchema({ 'x-concept': 'household.division' }, lookup) // true when the concept's format is division
 */
export function isDivisionSchema(node: JsonSchema, conceptSchema: ConceptSchemaLookup): boolean {
  if (node.format === 'division') return true;
  const concept = node['x-concept'];
  return typeof concept === 'string' && conceptSchema(concept)?.format === 'division';
}

/** Looks concepts up in a registry. */
export function conceptLookup(registry: Registry): ConceptSchemaLookup {
  return (id) => registry.concepts.get(id)?.concept.schema;
}

/** The dotted paths of the division fields of a data schema. */
export function divisionFieldPaths(schema: unknown, pointer: string, conceptSchema: ConceptSchemaLookup): string[] {
  return collectFields(schema, pointer, conceptSchema)
    .filter((f) => isDivisionSchema(f.schema, conceptSchema))
    .map((f) => f.path);
}

/**
 * The paths a definition's rules read division codes through: an item's division fields (also as
 * `data.<path>`, how chart guards read them); for a bundle, its division questions (also as
 * `answers.<path>`) and the division fields of its items where the bundle data keeps them (the
 * concept id, or `<item>.<path>` for fields bound to no concept).
 * @example divisionReadPaths(householdRegistration, registry) // Set { 'household.division', 'data.household.division' }
 */
export function divisionReadPaths(definition: ItemDefinition | BundleDefinition, registry: Registry): Set<string> {
  const lookup = conceptLookup(registry);
  const paths = new Set<string>();
  const add = (path: string, scope: string) => paths.add(path).add(`${scope}.${path}`);
  if (definition.kind === 'item') {
    for (const path of divisionFieldPaths(definition.schema, '/schema', lookup)) add(path, 'data');
    return paths;
  }
  for (const path of divisionFieldPaths(definition.questions, '/questions', lookup)) add(path, 'answers');
  for (const entry of Array.isArray(definition.items) ? definition.items : []) {
    if (typeof entry?.item !== 'string' || typeof entry.version !== 'string') continue;
    const item = registry.resolveItem(entry.item, entry.version)?.definition;
    if (!item) continue;
    for (const field of collectFields(item.schema, '/schema', lookup)) {
      if (isDivisionSchema(field.schema, lookup)) add(field.concept ?? `${entry.item}.${field.path}`, 'data');
    }
  }
  return paths;
}

/**
 * The data path a subschema at `pointer` (below `root`) describes: one segment per
 * `properties/<name>`; undefined where the path is not known (`$defs`, `patternProperties`,
 * `additionalProperties`).
 * @example dataPathOf('/schema/properties/household/allOf/0/properties/division', '/schema') // 'household.division'
 */
export function dataPathOf(pointer: string, root: string): string | undefined {
  const path: string[] = [];
  const list = tokens(pointer).slice(tokens(root).length);
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token === 'properties') path.push(list[++i] ?? '');
    else if (token === 'allOf' || token === 'anyOf' || token === 'oneOf' || token === 'prefixItems' || token === 'dependentSchemas') i++;
    else if (token === '$defs' || token === 'definitions' || token === 'patternProperties' || token === 'additionalProperties') return undefined;
  }
  return path.join('.');
}
