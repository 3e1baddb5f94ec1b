import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { invalidJsonSchema } from '../diagnostics/codes/definition.js';
import { metaAjv } from '../definitions/meta-validate.js';
import { explainErrors } from '../definitions/meta-errors.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/** Data schemas are valid JSON Schema 2020-12 (checked against the draft's meta-schema). */
export const jsonSchemaValidityRule: LintRule = {
  id: 'json-schema-validity',
  description: text('数据模式须是有效的 JSON Schema 2020-12', 'Data schemas must be valid JSON Schema 2020-12'),
  codes: [invalidJsonSchema],
  check(registry) {
    const ajv = metaAjv();
    const found: Diagnostic[] = [];
    for (const { schema, file, pointer } of dataSchemas(registry)) {
      if (typeof schema.$schema === 'string' && schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
        found.push(report(invalidJsonSchema, { file, pointer: `${pointer}/$schema` }, {
          problem: text(`只支持 2020-12 草案，而不是 ${schema.$schema}`, `only draft 2020-12 is supported, not ${schema.$schema}`),
        }));
        continue;
      }
      if (ajv.validateSchema(schema)) continue;
      for (const { pointer: at, problem } of explainErrors(ajv.errors ?? []).slice(0, 10)) {
        found.push(report(invalidJsonSchema, { file, pointer: `${pointer}${at}` }, { problem }));
      }
    }
    return found;
  },
};
