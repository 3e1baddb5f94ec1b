import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { escapePointer, report } from '../diagnostics/define.js';
import { invalidPropertyName } from '../diagnostics/codes/definition.js';
import { isSchemaObject, walkSchema } from '../definitions/schema-walk.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/** Property names are identifiers, so a field path is a plain dotted path rules can read. */
export const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Every property of a data schema is named like an identifier (`^[A-Za-z][A-Za-z0-9_]*$`). */
export const propertyNamesRule: LintRule = {
  id: 'property-names',
  description: text('属性名以字母开头，只含字母、数字和下划线', 'Property names start with a letter and hold only letters, digits and underscores'),
  codes: [invalidPropertyName],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { schema, file, pointer } of dataSchemas(registry)) {
      walkSchema(schema, pointer, (node, at) => {
        if (!isSchemaObject(node.properties)) return;
        for (const name of Object.keys(node.properties)) {
          if (!PROPERTY_NAME.test(name)) {
            found.push(report(invalidPropertyName, { file, pointer: `${at.pointer}/properties/${escapePointer(name)}` }, { name }));
          }
        }
      });
    }
    return found;
  },
};
