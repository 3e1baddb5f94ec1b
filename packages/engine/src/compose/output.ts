import type { JsonSchema } from '../json.js';
import type { Text } from '../definitions/types.generated.js';
import type { FieldTree } from './fields.js';
import { finish } from './schema-merge.js';
import type { ComposedField } from './types.js';

/**
 * The merged JSON Schema of the bundle data, and the field index, walking the tree once in form
 * order. Objects carry no `required` (requiredness is dynamic) and no additional properties;
 * arrays keep their item schemas whole, `required` included.
 */
export function composeSchema(tree: FieldTree, groupTitle: (path: string) => Text): { schema: JsonSchema; fields: Record<string, ComposedField> } {
  const fields: Record<string, ComposedField> = {};
  const build = (path: string): JsonSchema => {
    const node = tree.nodes.get(path)!;
    const field: ComposedField = {
      path,
      kind: node.kind,
      items: [...node.items],
      requiredBy: [...node.requiredBy],
      pii: node.pii,
      sources: node.sources.map((s) => ({ ...s })),
    };
    if (node.concept !== undefined) field.concept = node.concept;
    if (node.eLicenses) field.eLicenses = [...node.eLicenses];
    fields[path] = field;
    if (node.kind !== 'group') {
      const schema = finish(node.merged);
      schema['x-title'] = node.title;
      if (node.concept !== undefined) schema['x-concept'] = node.concept;
      return schema;
    }
    const properties: Record<string, JsonSchema> = {};
    for (const child of node.children) properties[child.slice(path.length + 1)] = build(child);
    return { ...node.merged.schema, type: 'object', 'x-title': node.title ?? groupTitle(path), properties, additionalProperties: false };
  };
  const properties: Record<string, JsonSchema> = {};
  for (const root of tree.roots) properties[root] = build(root);
  return { schema: { type: 'object', properties, additionalProperties: false }, fields };
}
