import type { LintRule } from './types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { report } from '../diagnostics/define.js';
import { flowUnreachableState } from '../diagnostics/codes/flow.js';
import { text } from '../text.js';
import { allItems } from './definitions.js';
import { flowModel, type FlowModel, type FlowState } from './flow-model.js';

/**
 * The states a chart can ever be in, following XState's entry rules: entering a state
 * enters its ancestors (and every region of a parallel ancestor), a compound state enters
 * its initial child, a parallel state all its children; then every transition of an
 * entered state enters its targets.
 * @example reachableStates(flowModel(item.flow, '/flow')).size
 */
export function reachableStates(model: FlowModel): Set<FlowState> {
  const reached = new Set<FlowState>();
  const pending: FlowState[] = [];
  const mark = (state: FlowState) => {
    if (reached.has(state)) return;
    reached.add(state);
    pending.push(state);
  };
  const defaulted = new Set<FlowState>();
  const enterDefault = (state: FlowState): void => {
    // A state first reached as an ancestor of a deeper target still enters its initial child when targeted itself.
    if (defaulted.has(state)) return;
    defaulted.add(state);
    mark(state);
    if (state.type === 'parallel') state.children.forEach(enterDefault);
    else if (state.type === 'compound') {
      const initial = model.initial(state);
      // A broken initial is reported by flow-initial; do not also call its siblings unreachable.
      if (initial) enterDefault(initial);
      else state.children.forEach(enterDefault);
    }
  };
  const enter = (state: FlowState): void => {
    for (let child = state, parent = state.parent; parent; child = parent, parent = parent.parent) {
      mark(parent);
      if (parent.type === 'parallel') parent.children.forEach((region) => region !== child && enterDefault(region));
    }
    enterDefault(state);
  };
  enter(model.root);
  while (pending.length) {
    const state = pending.pop()!;
    if (state.type === 'history' && state.parent) enterDefault(state.parent);
    for (const transition of model.transitions) {
      if (transition.source !== state) continue;
      for (const { target } of transition.targets) {
        const resolved = model.resolve(state, target);
        if (resolved) enter(resolved);
      }
    }
  }
  return reached;
}

/** Every state of a chart can be reached from its initial state. */
export const flowReachabilityRule: LintRule = {
  id: 'flow-reachability',
  description: text('流程中每个状态都须可达', 'Every state of a flow must be reachable'),
  codes: [flowUnreachableState],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      const model = flowModel(definition.flow, '/flow');
      const reached = reachableStates(model);
      for (const state of model.states) {
        // Report the outermost unreachable state only: its descendants follow from it.
        if (reached.has(state) || (state.parent && !reached.has(state.parent))) continue;
        found.push(report(flowUnreachableState, { file, pointer: state.pointer }, { state: state.path.join('.') }));
      }
    }
    return found;
  },
};
