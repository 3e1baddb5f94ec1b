import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { escapePointer, pointer, report } from '../diagnostics/define.js';
import { invalidPropertyName } from '../diagnostics/codes/definition.js';
import { isSchemaObject, walkSchema } from '../definitions/schema-walk.js';
import { BLOCKED_SEGMENTS } from '../rules/path.js';
import { text } from '../text.js';
import { allItems, dataSchemas } from './definitions.js';

/** Property names are identifiers, so a field path is a plain dotted path rules can read. */
export const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Every segment of a field path is one the runtime reads and writes: property names are
 * identifiers (`^[A-Za-z][A-Za-z0-9_]*$`), and neither they, nor the segments of concept ids,
 * nor item ids (the first segment of an item's own fields in a bundle) are names the rules
 * never read through (`constructor`, `prototype`: docs/rules.md, "Safety").
 */
export const propertyNamesRule: LintRule = {
  id: 'property-names',
  description: text('属性名以字母开头，只含字母、数字和下划线，且不是保留名称', 'Property names start with a letter, hold only letters, digits and underscores, and are not reserved'),
  codes: [invalidPropertyName],
  check(registry) {
    const found: Diagnostic[] = [];
    const reserved = (name: string, file: string, at: string) => {
      if (BLOCKED_SEGMENTS.has(name)) found.push(report(invalidPropertyName, { file, pointer: at }, { name, reserved: true }));
    };
    for (const { schema, file, pointer: base } of dataSchemas(registry)) {
      walkSchema(schema, base, (node, at) => {
        if (!isSchemaObject(node.properties)) return;
        for (const name of Object.keys(node.properties)) {
          const where = `${at.pointer}/properties/${escapePointer(name)}`;
          if (!PROPERTY_NAME.test(name)) found.push(report(invalidPropertyName, { file, pointer: where }, { name }));
          else reserved(name, file, where);
        }
      });
    }
    for (const { definition, file } of registry.dictionaries.values()) {
      for (const table of ['concepts', 'namespaces'] as const) {
        for (const id of Object.keys(definition[table] ?? {})) {
          for (const segment of id.split('.')) reserved(segment, file, pointer(table, id));
        }
      }
    }
    for (const { definition, file } of allItems(registry)) reserved(definition.id, file, '/id');
    return found;
  },
};
