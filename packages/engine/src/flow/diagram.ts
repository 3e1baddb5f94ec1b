import type { Transition } from '../definitions/types.generated.js';
import type { ChartLike, StateLike } from './rewrite.js';

/**
 * Draws a chart — an item's `flow` or the generated orchestration — as a Mermaid
 * `stateDiagram-v2`, for docs/flows.md and the designer. Transitions are labelled with
 * their event (eventless ones with their guard), final states lead to `[*]`, and a
 * parallel state without regions of its own (the orchestration's `processing`) gets a note.
 */

type Node = { key: string; path: string[]; state: StateLike; parent?: Node };

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * @example chartDiagram(orchestrationChart(orchestrationSettings({ acceptDays: 1 }))).split('\n')[0] // 'stateDiagram-v2'
 */
export function chartDiagram(chart: ChartLike): string {
  const nodes: Node[] = [];
  const walk = (states: ChartLike['states'], path: string[], parent?: Node) => {
    for (const [key, state] of Object.entries(states)) {
      if (!state) continue;
      const node: Node = { key, path: [...path, key], state, ...(parent ? { parent } : {}) };
      nodes.push(node);
      walk(state.states ?? {}, node.path, node);
    }
  };
  walk(chart.states, []);
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
  const id = (n: Node) => (counts.get(n.key) === 1 && /^[A-Za-z][A-Za-z0-9_]*$/.test(n.key) ? n.key : n.path.join('_').replace(/[^A-Za-z0-9_]/g, '_'));
  const byPath = new Map(nodes.map((n) => [n.path.join('.'), n]));

  const resolve = (from: Node | undefined, target: string): Node | undefined => {
    if (target.startsWith('#')) {
      const [, ...rest] = target.slice(1).split('.');
      return byPath.get(rest.join('.'));
    }
    if (target.startsWith('.')) return byPath.get([...(from?.path ?? []), ...target.slice(1).split('.')].join('.'));
    return byPath.get([...(from?.parent?.path ?? []), ...target.split('.')].join('.'));
  };

  const label = (t: Transition & { guard?: { type: string; params?: { outcome?: string } } }, event?: string) => {
    if (event) return `: ${event}`;
    const outcome = t.guard?.params?.outcome;
    if (outcome) return `: [${outcome}]`;
    return t.guard ? `: [${t.guard.type}]` : '';
  };

  const lines: string[] = ['stateDiagram-v2'];
  const body = (states: ChartLike['states'], parent: Node | undefined, initial: string | undefined, indent: string) => {
    if (initial !== undefined) {
      const first = parent ? byPath.get([...parent.path, initial].join('.')) : byPath.get(initial);
      if (first) lines.push(`${indent}[*] --> ${id(first)}`);
    }
    for (const [key, state] of Object.entries(states)) {
      if (!state) continue;
      const node = byPath.get([...(parent?.path ?? []), key].join('.'))!;
      const children = Object.keys(state.states ?? {});
      const title = state.meta?.title?.en;
      if (title) lines.push(`${indent}${id(node)}: ${title}`);
      if (children.length) {
        lines.push(`${indent}state ${id(node)} {`);
        body(state.states!, node, state.initial, `${indent}  `);
        lines.push(`${indent}}`);
      } else if (state.type === 'parallel') {
        lines.push(`${indent}note right of ${id(node)}: one parallel region per active item, each running that item's chart`);
      }
      if (state.type === 'final' && !parent) lines.push(`${indent}${id(node)} --> [*]`);
    }
  };
  body(chart.states, undefined, chart.initial, '  ');

  const edge = (from: Node, t: Transition, event?: string) => {
    for (const target of list(t.target)) {
      const to = resolve(from, target);
      if (to) lines.push(`  ${id(from)} --> ${id(to)}${label(t as never, event)}`);
    }
  };
  for (const node of nodes) {
    for (const [event, transitions] of Object.entries(node.state.on ?? {})) for (const t of list(transitions)) edge(node, t, event);
    for (const t of list(node.state.always)) edge(node, t);
    for (const t of list(node.state.onDone)) edge(node, t, 'all items decided');
  }
  for (const [event, transitions] of Object.entries(chart.on ?? {})) {
    for (const t of list(transitions)) {
      for (const target of list(t.target)) {
        const to = byPath.get(target.replace(/^\./, ''));
        if (to) lines.push(`  [*] --> ${id(to)}: ${event} (from any state)`);
      }
    }
  }
  return lines.join('\n');
}
