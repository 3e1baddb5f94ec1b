import type { LintRule } from './types.js';
import { report } from '../diagnostics/define.js';
import { flowNoFinalState } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';

/** A chart has at least one top-level final state, or no application could ever be completed. */
export const flowFinalStateRule: LintRule = {
  id: 'flow-final-state',
  description: text('流程顶层须有终态', 'A flow must have a top-level final state'),
  codes: [flowNoFinalState],
  check(registry) {
    return allItems(registry)
      .filter(({ definition }) => !Object.values(definition.flow.states).some((state) => state?.type === 'final'))
      .map(({ file }) => report(flowNoFinalState, { file, pointer: '/flow/states' }, {}));
  },
};
