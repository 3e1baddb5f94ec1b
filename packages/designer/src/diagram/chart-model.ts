import type { Text } from '@onething/engine';

/** A chart as the diagram reads it: an item's `flow` or the generated orchestration (plain JSON). */
export interface ChartInput {
  initial?: string;
  states: { [key: string]: StateInput | undefined };
  on?: { [event: string]: TransitionInput | TransitionInput[] | undefined };
}
/** One state node of a chart. */
export interface StateInput {
  type?: string;
  initial?: string;
  meta?: unknown;
  states?: { [key: string]: StateInput | undefined };
  on?: { [event: string]: TransitionInput | TransitionInput[] | undefined };
  always?: TransitionInput | TransitionInput[];
  onDone?: TransitionInput | TransitionInput[];
}
/** One transition of a chart. */
export interface TransitionInput {
  target?: string | string[];
  guard?: unknown;
  meta?: unknown;
}
type ChartLike = ChartInput;
type StateLike = StateInput;
type Transition = TransitionInput;

/** A state of a chart as the diagram draws it. `id` is its dotted path (unique in the chart). */
export interface DiagramNode {
  id: string;
  key: string;
  title?: Text;
  /** Time limit of the state (`meta.limitDays`) and how days count. */
  limitDays?: number;
  days?: 'working' | 'calendar';
  pausesClock?: boolean;
  final: boolean;
  /** The initial state of its parent (or of the chart). */
  initial: boolean;
  parallel: boolean;
  children: DiagramNode[];
  /** For generated regions (an item inside `processing`): the item it stands for. */
  region?: string;
}

/** A transition: from a state to a state, on an event (or eventless / when all regions are done). */
export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  kind: 'event' | 'always' | 'done' | 'global';
  event?: string;
  title?: Text;
  /** Who may send the event (`meta.roles`), as written in the chart. */
  roles: string[];
  /** A guard's outcome or type, for eventless transitions. */
  guard?: string;
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Edges that leave every state (chart-level `on`, e.g. withdraw). */
  global: DiagramEdge[];
}

/** A region drawn inside a parallel state that has none of its own (the orchestration's `processing`). */
export interface RegionNode {
  id: string;
  title: Text;
  limitDays?: number;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Turns a chart (an item's `flow` or the generated orchestration) into nodes and edges for the
 * diagram: states with titles and time limits, transitions with their event names and roles.
 * `regions` fill a parallel state without children (one box per item in `processing`).
 * @example chartModel(item.flow).edges.find((e) => e.event === 'APPROVE')?.roles // ['reviewer']
 */
export function chartModel(chart: ChartLike, regions: RegionNode[] = []): DiagramModel {
  const byPath = new Map<string, DiagramNode>();
  const states = new Map<string, StateLike>();
  const build = (children: ChartLike['states'] | undefined, path: string[], initial: string | undefined): DiagramNode[] =>
    Object.entries(children ?? {}).flatMap(([key, state]) => {
      if (!state || typeof state !== 'object') return [];
      const id = [...path, key].join('.');
      const meta = (state.meta ?? {}) as { title?: Text; limitDays?: number; days?: 'working' | 'calendar'; pausesClock?: boolean };
      const node: DiagramNode = {
        id,
        key,
        ...(meta.title ? { title: meta.title } : {}),
        ...(typeof meta.limitDays === 'number' ? { limitDays: meta.limitDays } : {}),
        ...(meta.days ? { days: meta.days } : {}),
        ...(meta.pausesClock ? { pausesClock: true } : {}),
        final: state.type === 'final',
        initial: key === initial,
        parallel: state.type === 'parallel',
        children: [],
      };
      byPath.set(id, node);
      states.set(id, state);
      node.children = build(state.states, [...path, key], state.initial);
      if (node.parallel && node.children.length === 0) {
        node.children = regions.map((r) => ({ id: `${id}.${r.id}`, key: r.id, title: r.title, ...(r.limitDays !== undefined ? { limitDays: r.limitDays } : {}), final: false, initial: false, parallel: false, children: [], region: r.id }));
        for (const c of node.children) byPath.set(c.id, c);
      }
      return [node];
    });
  const nodes = build(chart.states, [], chart.initial);

  const resolve = (from: string, target: string): string | undefined => {
    const fromPath = from.split('.');
    if (target.startsWith('#')) {
      const [, ...rest] = target.slice(1).split('.');
      return byPath.has(rest.join('.')) ? rest.join('.') : undefined;
    }
    const candidate = target.startsWith('.') ? [...fromPath, ...target.slice(1).split('.')].join('.') : [...fromPath.slice(0, -1), ...target.split('.')].join('.');
    return byPath.has(candidate) ? candidate : undefined;
  };

  const edges: DiagramEdge[] = [];
  const edge = (source: string, t: Transition | undefined, kind: DiagramEdge['kind'], event?: string) => {
    if (!t || typeof t !== 'object') return;
    const meta = (t.meta ?? {}) as { title?: Text; roles?: string[] };
    const guard = (t as { guard?: { type?: string; params?: { outcome?: string } } }).guard;
    for (const target of list(t.target)) {
      if (typeof target !== 'string') continue;
      const to = resolve(source, target);
      if (!to) continue;
      edges.push({
        id: `e${edges.length}`,
        source,
        target: to,
        kind,
        ...(event ? { event } : {}),
        ...(meta.title ? { title: meta.title } : {}),
        roles: Array.isArray(meta.roles) ? meta.roles.filter((r): r is string => typeof r === 'string') : [],
        ...(guard ? { guard: guard.params?.outcome ?? guard.type ?? '' } : {}),
      });
    }
  };
  for (const [id, state] of states) {
    for (const [event, transitions] of Object.entries(state.on ?? {})) for (const t of list(transitions)) edge(id, t, 'event', event);
    for (const t of list(state.always)) edge(id, t, 'always');
    for (const t of list(state.onDone)) edge(id, t, 'done');
  }
  const global: DiagramEdge[] = [];
  for (const [event, transitions] of Object.entries(chart.on ?? {})) {
    for (const t of list(transitions)) {
      if (!t) continue;
      const meta = (t.meta ?? {}) as { title?: Text; roles?: string[] };
      for (const target of list(t.target)) {
        const to = typeof target === 'string' ? target.replace(/^\./, '') : undefined;
        if (to && byPath.has(to)) global.push({ id: `g${global.length}`, source: '', target: to, kind: 'global', event, ...(meta.title ? { title: meta.title } : {}), roles: meta.roles ?? [] });
      }
    }
  }
  return { nodes, edges, global };
}

/** Counts the states of a model (all levels). @example countStates(chartModel(item.flow).nodes) // 7 */
export function countStates(nodes: DiagramNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countStates(node.children), 0);
}
