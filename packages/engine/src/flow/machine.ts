import { assign, createActor, createMachine, getNextTransitions, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { Json } from '../json.js';
import { actionCatalog, guardCatalog } from './catalog/index.js';
import type { ActionDescriptor, CatalogArgs, GuardDescriptor, RuleScope } from './catalog/types.js';
import { internalActions, internalGuards } from './orchestration/internal.js';
import { projectData } from './data.js';
import type { Actor, ApplicationContext, ApplicationFlow, FlowEvent, StateValue } from './types.js';

/** What the step being computed is about. */
export interface Frame {
  flow: ApplicationFlow;
  actor: Actor;
  now: string;
  event: FlowEvent;
}

/** Catalog refs in the machine config carry `{ scope, params }`. */
export interface ScopedParams {
  scope: string;
  params?: { [key: string]: Json };
}

/**
 * A flow's XState machine, built once per flow definition and cached. XState hands guards
 * and actions only the context and its own event object (for `always` and `xstate.done.*`
 * transitions not even ours), so the step function puts the actor, time and public event in
 * `holder.frame` right before the synchronous `transition` call and clears it after.
 */
export interface Compiled {
  machine: AnyStateMachine;
  holder: { frame: Frame | undefined };
  /**
   * XState's pure `transition(machine, snapshot, event)`, minus its cost: that function builds
   * a throw-away actor per call (which runs the machine's initial transition); this reuses one
   * inert actor scope per machine and only swaps the action collector.
   */
  transition(snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutedAction[]];
  /**
   * `machine.resolveState`, cached per state value: resolving the active state nodes of a
   * configuration is the costly half of a restore, and it depends on the value alone. A
   * machine snapshot is a plain object whose methods read `this`, so a cached one takes the
   * snapshot's context and history by a shallow copy. Throws on a value the machine lacks.
   */
  restore(value: StateValue, context: ApplicationContext, historyValue: Record<string, unknown>): AnyMachineSnapshot;
  /** The transitions the active states have for an event type, guards not evaluated (cached like `restore`). */
  candidates(snapshot: AnyMachineSnapshot, type: string): TransitionDefinition[];
}

export type TransitionDefinition = ReturnType<typeof getNextTransitions>[number];

/** An action XState hands back instead of running it: our markers, effects and no-ops. */
export interface ExecutedAction {
  type: string;
  params: unknown;
  info: { context: unknown };
}

/** Guards and actions by type: the catalog and the orchestration's internals. */
export const allGuards: ReadonlyMap<string, GuardDescriptor> = new Map([...guardCatalog, ...internalGuards]);
export const allActions: ReadonlyMap<string, ActionDescriptor> = new Map([...actionCatalog, ...internalActions]);

/** The data rules see at a scope: the item's own data, or the bundle data. */
export function ruleScope(flow: ApplicationFlow, scope: string, context: ApplicationContext, event: FlowEvent): RuleScope {
  const item = flow.items.find((i) => i.id === scope);
  if (!item) return { data: context.data, answers: context.answers, context: context as unknown as RuleScope['context'], event };
  return { data: projectData(context.data, item.projection), answers: context.answers, context: context.items[scope]?.context ?? {}, event };
}

/** The arguments a catalog guard or action gets. */
export function catalogArgs(frame: Frame, context: ApplicationContext, p: ScopedParams): CatalogArgs<any> {
  let scope: RuleScope | undefined;
  return {
    params: p.params ?? {},
    scope: p.scope,
    context,
    event: frame.event,
    actor: frame.actor,
    now: frame.now,
    flow: frame.flow,
    rules: () => (scope ??= ruleScope(frame.flow, p.scope, context, frame.event)),
    evaluateOptions: () => ({ now: new Date(frame.now), utcOffsetMinutes: frame.flow.calendar.utcOffsetMinutes }),
  };
}

const byObject = new WeakMap<ApplicationFlow, Compiled>();
const byHash = new Map<string, Compiled>();
const MAX_CACHED = 64;
/** Distinct state values remembered per machine (a bundle has a few hundred reachable ones at most). */
const MAX_RESOLVED = 2048;
const noop = () => {};

/**
 * The compiled machine of a flow: cached per flow object and per definition hash (a flow
 * rebuilt from JSON reuses it). Throws when XState rejects the config — `createApplicationFlow`
 * compiles every flow it returns, so a flow it built never does.
 */
export function compile(flow: ApplicationFlow): Compiled {
  let compiled = byObject.get(flow) ?? byHash.get(flow.definition.hash);
  if (!compiled) {
    compiled = build(flow);
    if (byHash.size >= MAX_CACHED) byHash.delete(byHash.keys().next().value!);
    byHash.set(flow.definition.hash, compiled);
  }
  byObject.set(flow, compiled);
  return compiled;
}

function build(flow: ApplicationFlow): Compiled {
  const holder: Compiled['holder'] = { frame: undefined };
  const args = (context: ApplicationContext, p: ScopedParams) => catalogArgs(holder.frame!, context, p);
  const guards: Record<string, (a: { context: ApplicationContext }, p: ScopedParams) => boolean> = {};
  for (const [type, g] of allGuards) guards[type] = ({ context }, p) => g.test(args(context, p));
  const actions: Record<string, unknown> = { '@enter': noop, '@exit': noop, '@effects': noop };
  for (const [type, a] of allActions) {
    const update = a.assign;
    actions[type] = update ? assign(({ context }: { context: ApplicationContext }, p: ScopedParams) => update(args(context, p))) : noop;
  }
  const machine = createMachine(
    { ...(flow.machine as object), context: ({ input }: { input: ApplicationContext }) => input } as never,
    { guards, actions } as never,
  );
  // Mirrors XState's own inert actor scope (xstate/src/transition.ts, `createInertActorScope`).
  const empty: ApplicationContext = { applicant: '', answers: {}, data: {}, materials: {}, active: [], supplements: [], items: {} };
  const self = createActor(machine, { input: empty });
  let collected: ExecutedAction[] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: ExecutedAction) => {
      collected.push(action);
    },
  } as unknown as AnyActorScope;
  const transition = (snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutedAction[]] => {
    collected = [];
    const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
    return [next, collected];
  };
  const resolved = new Map<string, AnyMachineSnapshot>();
  const restore = (value: StateValue, context: ApplicationContext, historyValue: Record<string, unknown>): AnyMachineSnapshot => {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    let base = resolved.get(key);
    if (!base) {
      base = machine.resolveState({ value, context: empty } as never) as AnyMachineSnapshot;
      if (resolved.size >= MAX_RESOLVED) resolved.clear();
      resolved.set(key, base);
    }
    return { ...base, context, historyValue } as AnyMachineSnapshot;
  };
  const byEvent = new Map<string, TransitionDefinition[]>();
  const candidates = (snapshot: AnyMachineSnapshot, type: string): TransitionDefinition[] => {
    const key = `${typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value)}\u0000${type}`;
    let found = byEvent.get(key);
    if (!found) {
      found = getNextTransitions(snapshot).filter((t) => t.eventType === type);
      if (byEvent.size >= MAX_RESOLVED) byEvent.clear();
      byEvent.set(key, found);
    }
    return found;
  };
  return { machine, holder, transition, restore, candidates };
}

/** Runs `run` with the step's frame set (XState's transition is synchronous). */
export function withFrame<T>(compiled: Compiled, frame: Frame, run: () => T): T {
  compiled.holder.frame = frame;
  try {
    return run();
  } finally {
    compiled.holder.frame = undefined;
  }
}
