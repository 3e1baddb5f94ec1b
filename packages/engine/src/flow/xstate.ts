import {
  createActor,
  createMachine,
  getNextTransitions,
  type ActionFunction,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
  type MachineContext,
} from 'xstate';
import type { MachineConfig, StateValue } from './types.js';

/**
 * The one file that talks to XState (5.33, pinned). Everything here is XState's public API —
 * `createMachine`, `createActor(…).system`, the `ActorLogic` methods `getInitialSnapshot` and
 * `transition` with an `ActorScope`, `resolveState`, `getNextTransitions` — used in two ways
 * XState's own pure helpers do not, because they cost more than the whole step otherwise.
 * `test/flow/xstate-contract.test.ts` checks both against XState's `transition()` and fails
 * loudly when an upgrade changes them:
 *
 * 1. **One actor scope per machine, reused.** XState's `transition(machine, snapshot, event)`
 *    builds a throw-away actor (and its system) per call, about two thirds of a step. This
 *    keeps one scope whose `actionExecutor` hands each action to the runtime the moment XState
 *    resolves it, in document order — the runtime keeps the application context itself, so
 *    the guards of later microsteps (`always`, `onDone`) see what earlier actions changed.
 *    The machine's own context is a constant empty object: XState never copies it.
 * 2. **Resolved snapshots cached per state value.** A snapshot holds no context and no
 *    history (both are the runtime's), so the snapshot `resolveState` gives for a state value
 *    is the same every time; it is built once, frozen (a mutation would throw, never corrupt
 *    a later step) and handed to `transition`, which is pure and never changes its input.
 */

/** What XState calls back while it takes a transition: guards by type, and each action as it comes. */
export interface Hooks {
  guard(type: string, params: unknown): boolean;
  action(type: string, params: unknown): void;
}

/** A machine snapshot restored from a state value, with the transitions its states take per event type. */
export interface Resolved {
  snapshot: AnyMachineSnapshot;
  byEvent: Map<string, TransitionDefinition[]>;
}

export type TransitionDefinition = ReturnType<typeof getNextTransitions>[number];

export interface Interpreter {
  machine: AnyStateMachine;
  /** The initial snapshot; entry actions go to `hooks.action`. XState errors are thrown. */
  initial(): AnyMachineSnapshot;
  /** The snapshot of a state value and remembered history states (state id → child state ids). Throws on a value the machine lacks. */
  restore(value: StateValue, history: Record<string, string[]> | undefined): Resolved;
  /** The transitions the active states have for an event type, guards not evaluated. */
  candidates(resolved: Resolved, type: string): TransitionDefinition[];
  /** Takes one event (a full macrostep); guards and actions go to the hooks. XState errors are thrown. */
  transition(snapshot: AnyMachineSnapshot, type: string): AnyMachineSnapshot;
  /** The history states a snapshot remembers, as ids (absent when none). */
  history(snapshot: AnyMachineSnapshot): Record<string, string[]> | undefined;
}

/** Distinct state values remembered per machine (a bundle has a few hundred reachable ones at most). */
const MAX_RESOLVED = 2048;

/** Resolved snapshots by state value, as a trie of its tokens: a lookup builds no string. */
interface Trie {
  resolved?: Resolved;
  next?: Map<string, Trie>;
}

/** The trie node of a state value (tokens: a leaf's name, or `{`, then key and value per region, `}`); created when `grow`. */
function nodeOf(root: Trie, value: StateValue, grow: boolean): Trie | undefined {
  let node: Trie | undefined = root;
  const step = (token: string) => {
    if (!node) return;
    let next: Trie | undefined = node.next?.get(token);
    if (!next && grow) (node.next ??= new Map()).set(token, (next = {}));
    node = next;
  };
  const walk = (v: StateValue) => {
    if (typeof v === 'string') return step(v);
    step('{');
    for (const key in v) {
      step(key);
      walk(v[key]!);
    }
    step('}');
  };
  walk(value);
  return node;
}
const CONTEXT: MachineContext = Object.freeze({});

/**
 * Builds the XState machine of a config whose guards and actions name `guardTypes` and
 * `actionTypes`, wired to `hooks`. Throws when XState rejects the config.
 * @example const it = interpreter(flow.machine, [...allGuards.keys()], [...allActions.keys()], hooks); it.transition(it.initial(), 'SUBMIT')
 */
export function interpreter(config: MachineConfig, guardTypes: Iterable<string>, actionTypes: Iterable<string>, hooks: Hooks): Interpreter {
  const guards: Record<string, (args: unknown, params: unknown) => boolean> = {};
  for (const type of guardTypes) guards[type] = (_, params) => hooks.guard(type, params);
  // Actions run in the executor below; XState only needs to know they exist.
  const actions: Record<string, ActionFunction<MachineContext, EventObject, EventObject, unknown, never, never, never, never, never>> = {};
  for (const type of actionTypes) actions[type] = () => {};
  const machine = createMachine({ ...config, context: CONTEXT } as never, { guards, actions } as never) as AnyStateMachine;

  const self = createActor(machine);
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => hooks.action(action.type, action.params),
  };
  const failed = (snapshot: AnyMachineSnapshot) => {
    if (snapshot.status === 'error') throw snapshot.error instanceof Error ? snapshot.error : new Error(String(snapshot.error));
    return snapshot;
  };

  let resolved: Trie = {};
  let size = 0;
  const freeze = (snapshot: AnyMachineSnapshot): AnyMachineSnapshot => {
    Object.freeze(snapshot._nodes);
    Object.freeze(snapshot.historyValue);
    return Object.freeze(snapshot);
  };
  return {
    machine,
    initial: () => failed(machine.getInitialSnapshot(scope, undefined)),
    restore(value, history) {
      if (history && Object.keys(history).length > 0) {
        const historyValue = Object.fromEntries(Object.entries(history).map(([id, ids]) => [id, ids.map((x) => machine.getStateNodeById(x))]));
        return { snapshot: machine.resolveState({ value, context: CONTEXT, historyValue }), byEvent: new Map() };
      }
      const cached = nodeOf(resolved, value, false)?.resolved;
      if (cached) return cached;
      const found: Resolved = { snapshot: freeze(machine.resolveState({ value, context: CONTEXT })), byEvent: new Map() };
      if (++size > MAX_RESOLVED) {
        resolved = {};
        size = 1;
      }
      nodeOf(resolved, value, true)!.resolved = found;
      return found;
    },
    candidates(r, type) {
      let found = r.byEvent.get(type);
      if (!found) {
        found = getNextTransitions(r.snapshot).filter((t) => t.eventType === type);
        r.byEvent.set(type, found);
      }
      return found;
    },
    transition: (snapshot, type) => failed(machine.transition(snapshot, { type }, scope)),
    history(snapshot) {
      const entries = Object.entries(snapshot.historyValue ?? {}).filter(([, nodes]) => nodes.length > 0);
      return entries.length ? Object.fromEntries(entries.map(([id, nodes]) => [id, nodes.map((n) => n.id)])) : undefined;
    },
  };
}
