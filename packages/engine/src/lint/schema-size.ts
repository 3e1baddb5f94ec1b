import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { schemaTooDeep, schemaTooLarge } from '../diagnostics/codes/definition.js';
import { walkSchema } from '../definitions/schema-walk.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/** Largest data schema, in bytes of its JSON (UTF-8). */
export const MAX_SCHEMA_BYTES = 256 * 1024;
/** Deepest subschema nesting of a data schema (`properties/a` is one level). */
export const MAX_SCHEMA_DEPTH = 32;

/** Data schemas stay small and shallow enough to compile, ship to browsers and render. */
export const schemaSizeRule: LintRule = {
  id: 'schema-size',
  description: text(`数据模式不超过 ${MAX_SCHEMA_BYTES / 1024} KB、嵌套不超过 ${MAX_SCHEMA_DEPTH} 层`, `Data schemas are at most ${MAX_SCHEMA_BYTES / 1024} KB and ${MAX_SCHEMA_DEPTH} levels deep`),
  codes: [schemaTooLarge, schemaTooDeep],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { schema, file, pointer } of dataSchemas(registry)) {
      const bytes = utf8Length(JSON.stringify(schema));
      if (bytes > MAX_SCHEMA_BYTES) found.push(report(schemaTooLarge, { file, pointer }, { bytes, limit: MAX_SCHEMA_BYTES }));
      let deepest = { depth: 0, pointer };
      walkSchema(schema, pointer, (_, at) => {
        if (at.depth > deepest.depth) deepest = at;
      });
      if (deepest.depth > MAX_SCHEMA_DEPTH) {
        found.push(report(schemaTooDeep, { file, pointer: deepest.pointer }, { depth: deepest.depth, limit: MAX_SCHEMA_DEPTH }));
      }
    }
    return found;
  },
};

function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
