import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { conceptNamespaceCollision } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';

/**
 * In a composed bundle, concept-bound fields live at their concept path and other fields
 * under their item's id; a concept namespace equal to an item id would share one place.
 */
export const conceptNamespaceCollisionRule: LintRule = {
  id: 'concept-namespace-collision',
  description: text('概念命名空间不得与事项 id 相同', 'A concept namespace must not equal an item id'),
  codes: [conceptNamespaceCollision],
  check(registry) {
    const found: Diagnostic[] = [];
    const reported = new Set<string>();
    for (const concept of registry.concepts.values()) {
      const namespace = concept.id.split('.')[0]!;
      if (reported.has(namespace) || !registry.items.has(namespace)) continue;
      reported.add(namespace);
      const item = [...registry.items.get(namespace)!.values()][0];
      found.push(
        report(conceptNamespaceCollision, {
          file: concept.file,
          pointer: concept.pointer,
          related: item ? [{ file: item.file, pointer: '/id' }] : [],
        }, { namespace }),
      );
    }
    return found;
  },
};
