import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowUnknownInitial } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';
import { flowModel } from './flow-model.js';

/** A state with child states (not parallel) has an `initial` that names one of them. */
export const flowInitialRule: LintRule = {
  id: 'flow-initial',
  description: text('复合状态的 initial 必须是其子状态', "A compound state's initial must be one of its child states"),
  codes: [flowUnknownInitial],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      const model = flowModel(definition.flow, '/flow');
      for (const state of model.states) {
        if (state.type !== 'compound' || state.children.size === 0 || model.initial(state)) continue;
        const initial = 'initial' in state.config ? (state.config.initial ?? '') : '';
        found.push(
          report(flowUnknownInitial, { file, pointer: initial ? `${state.pointer}/initial` : state.pointer }, {
            state: state.path.join('.') || '(root)',
            initial,
          }),
        );
      }
    }
    return found;
  },
};
