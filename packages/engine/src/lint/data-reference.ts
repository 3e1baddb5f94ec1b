import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { escapePointer, report } from '../diagnostics/define.js';
import { schemaDataReference } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';
import { allDefinitions } from './definitions.js';

/**
 * `$data` (ajv's relative data references) is refused anywhere in a definition: the
 * standalone browser validators and the requiredness model both assume literal constraints.
 */
export const dataReferenceRule: LintRule = {
  id: 'data-reference',
  description: text('定义中不得使用 $data', 'Definitions must not use $data'),
  codes: [schemaDataReference],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allDefinitions(registry)) {
      const stack: Array<{ node: unknown; at: string }> = [{ node: definition, at: '' }];
      while (stack.length) {
        const { node, at } = stack.pop()!;
        if (typeof node !== 'object' || node === null) continue;
        const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
        // Reversed so the stack visits members in document order.
        for (const [key, value] of [...entries].reverse()) {
          const child = `${at}/${escapePointer(key)}`;
          if (key === '$data' && !Array.isArray(node)) found.push(report(schemaDataReference, { file, pointer: child }, {}));
          else stack.push({ node: value, at: child });
        }
      }
    }
    return found;
  },
};
