import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { schemaExternalRef, schemaUnresolvedRef } from '../diagnostics/codes/definition.js';
import { walkSchema } from '../definitions/schema-walk.js';
import { resolveLocalRef } from '../definitions/fields.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/**
 * A `$ref` (or `$dynamicRef`) stays inside the definition set: a local `#…` ref that
 * resolves in its schema, or a ref to the `$id` of a loaded data schema. Nothing is
 * ever fetched.
 */
export const schemaRefsRule: LintRule = {
  id: 'schema-refs',
  description: text('$ref 只能指向本地或已载入定义中的 $id', '$ref may point only inside the schema or at the $id of a loaded definition'),
  codes: [schemaExternalRef, schemaUnresolvedRef],
  check(registry) {
    const schemas = dataSchemas(registry);
    const ids = new Set<string>();
    const nestedIds = new Set<unknown>();
    for (const { schema } of schemas) {
      walkSchema(schema, '', (node, at) => {
        if (typeof node.$id !== 'string') return;
        ids.add(node.$id.replace(/#$/, ''));
        if (at.depth > 0) nestedIds.add(schema);
      });
    }
    const found: Diagnostic[] = [];
    for (const { schema, file, pointer } of schemas) {
      walkSchema(schema, pointer, (node, at) => {
        for (const keyword of ['$ref', '$dynamicRef'] as const) {
          const ref = node[keyword];
          if (typeof ref !== 'string') continue;
          const where = { file, pointer: `${at.pointer}/${keyword}` };
          if (ref.startsWith('#')) {
            // A nested $id changes what "#" means; only check local refs in schemas without one.
            if (!nestedIds.has(schema) && resolveLocalRef(schema, ref) === undefined) found.push(report(schemaUnresolvedRef, where, { ref }));
          } else if (!ids.has(ref.split('#')[0]!)) {
            found.push(report(schemaExternalRef, where, { ref }));
          }
        }
      });
    }
    return found;
  },
};
