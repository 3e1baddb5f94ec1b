import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { conceptInArray } from '../diagnostics/codes/definition.js';
import { walkSchema } from '../definitions/schema-walk.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/** Fields inside array items (repeatable groups) cannot bind concepts: rows cannot merge across items. */
export const conceptInArrayRule: LintRule = {
  id: 'concept-in-array',
  description: text('数组元素中的字段不能绑定概念', 'Fields inside array items cannot bind concepts'),
  codes: [conceptInArray],
  check(registry) {
    return dataSchemas(registry).flatMap(({ schema, file, pointer }) => {
      const found: Diagnostic[] = [];
      walkSchema(schema, pointer, (node, at) => {
        if (at.inArray && node['x-concept'] !== undefined) {
          found.push(report(conceptInArray, { file, pointer: `${at.pointer}/x-concept` }, { concept: String(node['x-concept']) }));
        }
      });
      return found;
    });
  },
};
