import type { Json } from '../json.js';
import type { ActionRef, GuardRef, StateNode, Transition, Transitions } from '../definitions/types.generated.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pointer as joinPointer, report } from '../diagnostics/define.js';
import { flowMissingOutcome, flowUnknownAction, flowUnknownGuard } from '../diagnostics/codes/flow.js';
import { actionCatalog, guardCatalog } from './catalog/index.js';
import { internalActions, internalGuards } from './orchestration/internal.js';
import { resolveRole } from './roles.js';

/**
 * Turns a chart (an item's `flow`, or the generated orchestration) into the XState machine
 * config the runtime runs:
 * - events of an item chart are namespaced `<item>/<EVENT>` so parallel regions never share one;
 * - every `on` transition gets the guard `@allowed` with its resolved `meta.roles` (no roles: nobody);
 * - catalog guards and actions carry their scope (`bundle` or the item id) beside their params;
 *   an action with effects gets an `@effects` marker the step function collects after the transition;
 * - states with `meta.limitDays`, `meta.pausesClock` or top-level final states get `@enter` / `@exit`
 *   markers that drive the clocks and deadlines (timers are data, never XState `after`).
 */

export interface ChartScope {
  /** `bundle` or the item id. */
  scope: string;
  /** Prefix of clock keys: `''` for the orchestration, `processing.<item>` for an item. */
  keyPrefix: string;
  /** Prefix of event types: `''` or `<item>/`. */
  eventPrefix: string;
  department: string;
  /** The chart's own `id`, which `#id…` targets use. */
  chartId?: string;
  /** The XState id of the node holding the chart's states. */
  nodeId: string;
  /** Clock keys of timed states enclosing the chart (the item's region). */
  holds: string[];
  /** Whether `@` guards and actions are allowed (the generated orchestration only). */
  internal: boolean;
  file?: string;
  /** JSON pointer of the chart in its file. */
  pointer: string;
}

type Config = { [key: string]: Json };
type Ref = { type: string; params?: { [key: string]: Json } };

export interface RewrittenChart {
  states: Config;
  on?: Config;
  diagnostics: Diagnostic[];
}

/** The chart's root as the rewriter reads it (item `flow` or generated orchestration). */
export interface ChartLike {
  id?: string;
  initial: string;
  states: { [key: string]: StateLike | undefined };
  on?: { [event: string]: Transitions | undefined };
}
export type StateLike = Omit<StateNode, 'states'> & {
  states?: { [key: string]: StateLike | undefined };
  onDone?: Transitions;
};

/**
 * Rewrites a chart for the runtime. Unknown guards and actions are reported (and never pass or run).
 * @example rewriteChart(item.flow, { scope: 'birth-cert', keyPrefix: 'processing.birth-cert', … }).states
 */
export function rewriteChart(chart: ChartLike, s: ChartScope): RewrittenChart {
  const diagnostics: Diagnostic[] = [];
  const at = (...tokens: Array<string | number>) => ({ ...(s.file !== undefined ? { file: s.file } : {}), pointer: s.pointer + joinPointer(...tokens) });

  const guard = (ref: GuardRef, where: Array<string | number>): Ref => {
    if (!guardCatalog.has(ref.type) && !(s.internal && internalGuards.has(ref.type))) {
      diagnostics.push(report(flowUnknownGuard, at(...where, 'type'), { guard: ref.type, known: [...guardCatalog.keys()].join(', ') }));
      return { type: '@never' };
    }
    return { type: ref.type, params: { scope: s.scope, params: (ref.params ?? {}) as Config } };
  };

  const actions = (refs: ActionRef[] | undefined, where: Array<string | number>): Ref[] =>
    (refs ?? []).flatMap((ref, i): Ref[] => {
      const params = (ref.params ?? {}) as Config;
      if (s.internal && ref.type.startsWith('@') && internalActions.has(ref.type)) return [{ type: ref.type, params: { scope: s.scope, params } }];
      const descriptor = actionCatalog.get(ref.type);
      if (!descriptor) {
        diagnostics.push(report(flowUnknownAction, at(...where, i, 'type'), { action: ref.type, known: [...actionCatalog.keys()].join(', ') }));
        return [];
      }
      const out: Ref[] = [];
      if (descriptor.assign || descriptor.check) out.push({ type: ref.type, params: { scope: s.scope, params } });
      if (descriptor.effects) out.push({ type: '@effects', params: { action: ref.type, scope: s.scope, params } });
      return out;
    });

  const target = (t: string, fromRoot: boolean): string => {
    if (s.chartId && (t === `#${s.chartId}` || t.startsWith(`#${s.chartId}.`))) return `#${s.nodeId}${t.slice(s.chartId.length + 1)}`;
    // At a chart's root XState wants `.child`; inside a region a bare name would mean a sibling region.
    if (fromRoot && !t.startsWith('.') && !t.startsWith('#')) return `.${t}`;
    return t;
  };

  const transition = (t: Transition, event: string | undefined, fromRoot: boolean, where: Array<string | number>): Config => {
    const out: Config = {};
    if (t.target !== undefined) out.target = Array.isArray(t.target) ? t.target.map((x) => target(x, fromRoot)) : target(t.target, fromRoot);
    const own = t.guard ? guard(t.guard, [...where, 'guard']) : undefined;
    if (event !== undefined) {
      const roles = (t.meta?.roles ?? []).map((r) => resolveRole(r, s.department));
      out.guard = { type: '@allowed', params: { scope: s.scope, params: { roles, ...(own ? { guard: own as unknown as Json } : {}) } } };
    } else if (own) {
      out.guard = own as unknown as Json;
    }
    const acts = actions(t.actions, [...where, 'actions']);
    if (acts.length) out.actions = acts as unknown as Json;
    if (t.reenter !== undefined) out.reenter = t.reenter;
    if (t.description !== undefined) out.description = t.description;
    if (t.meta !== undefined) out.meta = t.meta as unknown as Json;
    return out;
  };

  const transitions = (value: Transitions | undefined, event: string | undefined, fromRoot: boolean, where: Array<string | number>): Json =>
    Array.isArray(value)
      ? value.map((t, i) => transition(t, event, fromRoot, [...where, i]))
      : transition(value as Transition, event, fromRoot, where);

  const on = (map: ChartLike['on'], fromRoot: boolean, where: Array<string | number>): Config | undefined => {
    if (!map) return undefined;
    const out: Config = {};
    for (const [event, value] of Object.entries(map)) {
      if (value !== undefined) out[`${s.eventPrefix}${event}`] = transitions(value, event, fromRoot, [...where, 'on', event]);
    }
    return out;
  };

  const state = (node: StateLike, path: string[], timed: string[], where: Array<string | number>): Config => {
    const key = [s.keyPrefix, ...path].filter(Boolean).join('.');
    const meta = node.meta;
    const isTimed = meta?.limitDays !== undefined;
    const pausing = meta?.pausesClock === true;
    const decides = node.type === 'final' && path.length === 1 && s.scope !== 'bundle';
    const enclosing = [...s.holds, ...timed];
    const out: Config = {};
    if (node.type !== undefined) out.type = node.type;
    if (node.initial !== undefined) out.initial = node.initial;
    if (node.description !== undefined) out.description = node.description;
    const tags = [...(node.tags ?? []), ...(pausing ? [`@pausing:${s.scope}`] : [])];
    if (tags.length) out.tags = tags;
    if (meta !== undefined) out.meta = meta as unknown as Json;

    const enter: Config = { key, scope: s.scope };
    if (isTimed) Object.assign(enter, { limitDays: meta!.limitDays!, days: meta!.days ?? 'working', event: meta!.onTimeout ?? 'OVERDUE' });
    if (pausing) Object.assign(enter, { pausing: true, holds: enclosing });
    if (decides) enter.stops = enclosing;
    const entry: Ref[] = [];
    if (isTimed || pausing || decides) entry.push({ type: '@enter', params: enter });
    if (decides) {
      if (meta?.outcome) entry.push({ type: '@outcome', params: { scope: s.scope, params: { outcome: meta.outcome } } });
      else diagnostics.push(report(flowMissingOutcome, at(...where), { state: path.join('.') }));
    }
    entry.push(...actions(node.entry, [...where, 'entry']));
    if (entry.length) out.entry = entry as unknown as Json;

    const exit: Ref[] = actions(node.exit, [...where, 'exit']);
    if (isTimed || pausing) exit.push({ type: '@exit', params: { key, scope: s.scope, timed: isTimed, pausing, holds: enclosing } });
    if (exit.length) out.exit = exit as unknown as Json;

    const ons = on(node.on, false, where);
    if (ons) out.on = ons;
    if (node.always !== undefined) out.always = transitions(node.always, undefined, false, [...where, 'always']);
    if (node.onDone !== undefined) out.onDone = transitions(node.onDone, undefined, false, [...where, 'onDone']);
    if (node.states) {
      const children: Config = {};
      for (const [name, child] of Object.entries(node.states)) {
        if (child) children[name] = state(child, [...path, name], isTimed ? [...timed, key] : timed, [...where, 'states', name]);
      }
      out.states = children;
    }
    return out;
  };

  const states: Config = {};
  for (const [name, node] of Object.entries(chart.states)) {
    if (node) states[name] = state(node, [name], [], ['states', name]);
  }
  const rootOn = on(chart.on, true, []);
  return { states, ...(rootOn ? { on: rootOn } : {}), diagnostics };
}
