import type { Json } from '../json.js';
import { actionCatalog, guardCatalog } from './catalog/index.js';
import type { ActionDescriptor, CatalogArgs, GuardDescriptor, RuleScope } from './catalog/types.js';
import { internalActions, internalGuards } from './orchestration/internal.js';
import { projectData } from './data.js';
import { interpreter, type Interpreter } from './xstate.js';
import type { Ledger, ClockSpec, EnterMarker, ExitMarker } from './clocks.js';
import type { Actor, ApplicationContext, ApplicationFlow, FlowEvent, MachineConfig, Refusal } from './types.js';

/** Catalog refs in the machine config carry `{ scope, params }`. */
export interface ScopedParams {
  scope: string;
  params?: { [key: string]: Json };
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

/** Thrown out of XState's transition when a catalog action's `check` refuses the event; the step returns the refusal. */
class Refused {
  constructor(readonly refusal: Refusal) {}
}

/**
 * One step being computed: who sends what when, the application context as the transition's
 * actions change it, and the step's clocks. XState calls `guard` and `action` synchronously,
 * in document order, while it takes the transition (see xstate.ts).
 */
export class Run {
  /** Set when the `@allowed` guard of a transition on the event held: XState takes the first such one. */
  taken = false;
  refused: Refusal | undefined;
  private date: Date | undefined;
  /** What rules see per scope, while the context stays the same. */
  private readonly scopes = new Map<string, { context: ApplicationContext; scope: RuleScope }>();

  constructor(
    readonly flow: ApplicationFlow,
    readonly actor: Actor,
    readonly now: string,
    readonly event: FlowEvent,
    public context: ApplicationContext,
    readonly ledger: Ledger,
  ) {}

  /** What rules at a scope see, built once per step and context. */
  ruleScope(scope: string, context: ApplicationContext): RuleScope {
    const cached = this.scopes.get(scope);
    if (cached?.context === context) return cached.scope;
    const built = ruleScope(this.flow, scope, context, this.event);
    this.scopes.set(scope, { context, scope: built });
    return built;
  }

  /** The arguments a catalog guard or action gets. */
  args(p: ScopedParams): CatalogArgs<any> {
    const context = this.context;
    return {
      params: p.params ?? {},
      scope: p.scope,
      context,
      event: this.event,
      actor: this.actor,
      now: this.now,
      flow: this.flow,
      rules: () => this.ruleScope(p.scope, context),
      evaluateOptions: () => ({ now: (this.date ??= new Date(this.now)), utcOffsetMinutes: this.flow.calendar.utcOffsetMinutes }),
    };
  }

  guard(type: string, p: ScopedParams): boolean {
    const passed = allGuards.get(type)?.test(this.args(p)) ?? false;
    if (passed && type === '@allowed') this.taken = true;
    return passed;
  }

  action(type: string, params: unknown): void {
    if (type === '@enter') return this.ledger.enter(params as EnterMarker, this.context.active);
    if (type === '@exit') return this.ledger.exit(params as ExitMarker, this.context.active);
    if (type === '@effects') {
      const p = params as ScopedParams & { action: string };
      return allActions.get(p.action)?.effects?.(this.args(p), this.ledger);
    }
    const descriptor = allActions.get(type);
    if (!descriptor) return;
    const args = this.args(params as ScopedParams);
    const refused = descriptor.check?.(args);
    if (refused) {
      this.refused = refused;
      throw new Refused(refused);
    }
    if (descriptor.assign) this.context = descriptor.assign(args);
  }
}

/** A flow's machine, built once per flow definition and cached, with the step being computed. */
export interface Compiled {
  xstate: Interpreter;
  /** Every timed state's limit, by clock key (from the `@enter` markers of the config). */
  clocks: ReadonlyMap<string, ClockSpec>;
  /** Runs `fn` with `run` receiving XState's guard and action calls; a refused check ends it. */
  step<T>(run: Run, fn: () => T): T | Refused;
}

export { Refused };

const byObject = new WeakMap<ApplicationFlow, Compiled>();
const byHash = new Map<string, Compiled>();
const MAX_CACHED = 64;

/**
 * The compiled machine of a flow: cached per flow object and per definition hash (a flow
 * rebuilt from JSON reuses it). Throws when XState rejects the config — `createApplicationFlow`
 * compiles every flow it returns, so a flow it built never does.
 */
export function compile(flow: ApplicationFlow): Compiled {
  let compiled = byObject.get(flow) ?? byHash.get(flow.definition.hash);
  if (!compiled) {
    compiled = build(flow.machine);
    if (byHash.size >= MAX_CACHED) byHash.delete(byHash.keys().next().value!);
    byHash.set(flow.definition.hash, compiled);
  }
  byObject.set(flow, compiled);
  return compiled;
}

function build(config: MachineConfig): Compiled {
  let current: Run | undefined;
  const xstate = interpreter(forXState(config), allGuards.keys(), [...allActions.keys(), '@enter', '@exit', '@effects'], {
    // Outside a step (XState's eager initial snapshot in createActor) nothing holds.
    guard: (type, params) => current?.guard(type, params as ScopedParams) ?? false,
    action: (type, params) => current?.action(type, params),
  });
  return {
    xstate,
    clocks: clockSpecs(config),
    step(run, fn) {
      current = run;
      try {
        return fn();
      } catch (error) {
        if (error instanceof Refused) return error;
        throw error;
      } finally {
        current = undefined;
      }
    },
  };
}

type Node = { [key: string]: Json };
const asNode = (v: Json | undefined): Node | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined);

/**
 * The flow's machine config as XState runs it. An item's region ends in a top-level final state
 * of its chart (or `@skipped`); instead of XState's done events — raising and routing them costs a
 * third of a step that decides an item — those states are plain states without transitions (a
 * decided item takes no more events) and `processing` leaves for `decided` by an eventless
 * transition once every active item has an outcome (`@decided`). `flow.machine` itself keeps
 * `type: "final"`, so its hash and every reader of it are unaffected.
 */
export function forXState(config: MachineConfig): MachineConfig {
  const states = asNode(config.states);
  const processing = asNode(states?.processing);
  const regions = asNode(processing?.states);
  if (!states || !processing || !regions || processing.onDone === undefined) return config;
  const settledRegions: Node = {};
  for (const [id, region] of Object.entries(regions)) {
    const r = asNode(region)!;
    const inner: Node = {};
    for (const [key, state] of Object.entries(asNode(r.states) ?? {})) {
      const st = asNode(state)!;
      if (st.type !== 'final') inner[key] = st;
      else {
        const { type: _type, on: _on, always: _always, ...rest } = st;
        inner[key] = rest;
      }
    }
    settledRegions[id] = { ...r, states: inner };
  }
  const { onDone, ...rest } = processing;
  const done = (Array.isArray(onDone) ? onDone[0] : onDone) as Node;
  return { ...config, states: { ...states, processing: { ...rest, states: settledRegions, always: { ...done, guard: { type: '@decided', params: { scope: 'bundle' } } } } } };
}

/** The limits of the timed states of a machine config, by clock key. */
function clockSpecs(config: MachineConfig): Map<string, ClockSpec> {
  const specs = new Map<string, ClockSpec>();
  const visit = (node: Json | undefined) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    for (const ref of Array.isArray(node.entry) ? node.entry : []) {
      const r = ref as { type?: string; params?: EnterMarker };
      if (r.type === '@enter' && r.params?.limitDays !== undefined) {
        const m = r.params;
        specs.set(m.key, { limitDays: m.limitDays!, days: m.days ?? 'working', scope: m.scope, ...(m.event !== undefined && m.event !== 'OVERDUE' ? { event: m.event } : {}) });
      }
    }
    const states = node.states;
    if (typeof states === 'object' && states !== null && !Array.isArray(states)) for (const child of Object.values(states)) visit(child);
  };
  visit(config);
  return specs;
}
