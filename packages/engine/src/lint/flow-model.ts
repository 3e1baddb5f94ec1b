import type { Flow, StateNode, Transition } from '../definitions/types.generated.js';
import { escapePointer } from '../diagnostics/define.js';

/** A state of an item chart, with where it is in the file. */
export interface FlowState {
  key: string;
  /** Keys from the root's child down to this state; empty for the root. */
  path: string[];
  pointer: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  config: StateNode | Flow;
  parent?: FlowState;
  children: Map<string, FlowState>;
}

/** One transition: its source state, event (undefined for `always`), targets and pointer. */
export interface FlowTransition {
  source: FlowState;
  event?: string;
  transition: Transition;
  pointer: string;
  targets: Array<{ target: string; pointer: string }>;
}

/** A chart as a tree of states, every transition listed, and XState's target resolution. */
export interface FlowModel {
  root: FlowState;
  states: FlowState[];
  transitions: FlowTransition[];
  /** Resolves a target the way XState v5 does (sibling, `.child`, `#id`); undefined when nothing matches. */
  resolve(source: FlowState, target: string): FlowState | undefined;
  /** Where a broken target probably meant to go, for the message. */
  hint(source: FlowState, target: string): string;
  /** The initial child of a compound state, if it names one. */
  initial(state: FlowState): FlowState | undefined;
}

/**
 * Builds the model of an item's chart (`flow` as validated by flow.schema.json).
 * @example const model = flowModel(item.flow, '/flow'); model.states.map((s) => s.path.join('.'))
 */
export function flowModel(flow: Flow, at: string): FlowModel {
  const states: FlowState[] = [];
  const transitions: FlowTransition[] = [];
  const build = (key: string, config: StateNode | Flow, path: string[], pointer: string, parent?: FlowState): FlowState => {
    const hasChildren = Object.keys(config.states ?? {}).length > 0;
    const declared = 'type' in config ? config.type : undefined;
    const state: FlowState = {
      key,
      path,
      pointer,
      type: declared ?? (hasChildren ? 'compound' : 'atomic'),
      config,
      children: new Map(),
      ...(parent ? { parent } : {}),
    };
    states.push(state);
    for (const [event, value] of Object.entries(config.on ?? {})) {
      if (value) listTransitions(state, event, value, `${pointer}/on/${escapePointer(event)}`);
    }
    if ('always' in config && config.always) listTransitions(state, undefined, config.always, `${pointer}/always`);
    for (const [childKey, child] of Object.entries(config.states ?? {})) {
      if (child) state.children.set(childKey, build(childKey, child, [...path, childKey], `${pointer}/states/${escapePointer(childKey)}`, state));
    }
    return state;
  };
  const listTransitions = (source: FlowState, event: string | undefined, value: Transition | Transition[], pointer: string) => {
    const list = Array.isArray(value) ? value.map((t, i) => ({ t, p: `${pointer}/${i}` })) : [{ t: value, p: pointer }];
    for (const { t, p } of list) {
      const target = t.target;
      const targets =
        target === undefined ? [] : Array.isArray(target) ? target.map((x, i) => ({ target: x, pointer: `${p}/target/${i}` })) : [{ target, pointer: `${p}/target` }];
      transitions.push({ source, transition: t, pointer: p, targets, ...(event !== undefined ? { event } : {}) });
    }
  };
  const root = build('', flow, [], at);
  const machineId = flow.id ?? '(machine)';
  const byId = new Map(states.map((s) => [[machineId, ...s.path].join('.'), s]));

  const walk = (from: FlowState | undefined, path: string): FlowState | undefined => {
    let node = from;
    for (const key of path.split('.')) {
      if (!node) return undefined;
      if (key === '') break;
      node = node.children.get(key);
    }
    return node;
  };
  const resolve = (source: FlowState, target: string): FlowState | undefined => {
    if (target.startsWith('#')) return byId.get(target.slice(1));
    if (target.startsWith('.')) return walk(source, target.slice(1));
    return source.parent ? walk(source.parent, target) : undefined;
  };
  return {
    root,
    states,
    transitions,
    resolve,
    hint(source, target) {
      if (!source.parent && !target.startsWith('.') && !target.startsWith('#') && walk(source, target)) return `.${target}`;
      const key = target.replace(/^[.#]/, '').split('.').pop() ?? '';
      const matches = states.filter((s) => s.key === key);
      return matches.length === 1 ? `#${[machineId, ...matches[0]!.path].join('.')}` : '';
    },
    initial(state) {
      const initial = 'initial' in state.config ? state.config.initial : undefined;
      return initial === undefined ? undefined : state.children.get(initial);
    },
  };
}
