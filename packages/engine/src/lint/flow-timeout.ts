import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowTimeoutUnhandled } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';
import { flowModel, type FlowState } from './flow-model.js';

/**
 * A state's `meta.onTimeout` event is taken by that state or one around it, from the
 * scheduler (`system` among the roles); otherwise its deadline only lapses when it passes.
 */
export const flowTimeoutRule: LintRule = {
  id: 'flow-timeout',
  description: text('超时事件须由该状态（或其上级状态）以 system 角色接收', "A state's timeout event must be taken by it or an enclosing state, from the system role"),
  codes: [flowTimeoutUnhandled],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      const model = flowModel(definition.flow, '/flow');
      const takes = (state: FlowState, event: string) =>
        model.transitions.some((t) => t.source === state && t.event === event && ((t.transition.meta?.roles ?? []) as string[]).includes('system'));
      for (const state of model.states) {
        const event = (state.config as { meta?: { onTimeout?: string } }).meta?.onTimeout;
        if (event === undefined) continue;
        let node: FlowState | undefined = state;
        while (node && !takes(node, event)) node = node.parent;
        if (!node) found.push(report(flowTimeoutUnhandled, { file, pointer: `${state.pointer}/meta/onTimeout` }, { state: state.path.join('.'), event }));
      }
    }
    return found;
  },
};
