import type { LintRule } from './types.js';
import { report } from '../diagnostics/define.js';
import { unknownConcept } from '../diagnostics/codes/definition.js';
import { walkSchema } from '../definitions/schema-walk.js';
import { rejectedIds } from '../definitions/registry.js';
import { text } from '../text.js';
import { dataSchemas } from './definitions.js';

/** `x-concept` must name a concept of a loaded dictionary. */
export const unknownConceptRule: LintRule = {
  id: 'unknown-concept',
  description: text('x-concept 必须指向已载入字典中的概念', 'x-concept must name a concept of a loaded dictionary'),
  codes: [unknownConcept],
  check(registry) {
    const rejected = rejectedIds(registry).concepts;
    return dataSchemas(registry).flatMap(({ schema, file, pointer }) => {
      const found: ReturnType<LintRule['check']> = [];
      walkSchema(schema, pointer, (node, at) => {
        const concept = node['x-concept'];
        if (concept === undefined) return;
        if (typeof concept !== 'string' || (!registry.concepts.has(concept) && !rejected.has(concept))) {
          found.push(report(unknownConcept, { file, pointer: `${at.pointer}/x-concept` }, { concept: String(concept) }));
        }
      });
      return found;
    });
  },
};
