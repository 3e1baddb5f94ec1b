import { orchestrationChart, orchestrationSettings, type StateValue, type Text } from '@onething/engine';

type StateNode = { meta?: { title?: Text }; states?: Record<string, StateNode>; on?: Record<string, { meta?: { title?: Text } } | Array<{ meta?: { title?: Text } }>> };

let titles: Map<string, Text> | undefined;
let eventTitles: Map<string, Text> | undefined;

/** Events the orchestration sends itself or that have no transition title. */
const EXTRA_EVENTS: Record<string, Text> = {
  START: { 'zh-CN': '创建申请', en: 'Application started' },
  OVERDUE: { 'zh-CN': '超过时限（督办）', en: 'Time limit passed (escalated)' },
};

/**
 * Titles of the orchestration's events (`CLAIM` → 签收 / Claim), read from the engine's chart.
 * @example orchestrationEventTitles().get('ACCEPT') // { 'zh-CN': '受理', en: 'Accept' }
 */
export function orchestrationEventTitles(): ReadonlyMap<string, Text> {
  if (eventTitles) return eventTitles;
  eventTitles = new Map(Object.entries(EXTRA_EVENTS));
  const walk = (states: Record<string, StateNode> | undefined) => {
    for (const node of Object.values(states ?? {})) {
      for (const [event, t] of Object.entries(node.on ?? {})) {
        const title = (Array.isArray(t) ? t[0] : t)?.meta?.title;
        if (title && !eventTitles!.has(event)) eventTitles!.set(event, title);
      }
      walk(node.states);
    }
  };
  walk(orchestrationChart(orchestrationSettings({})).states as unknown as Record<string, StateNode>);
  return eventTitles;
}

/**
 * Titles of the generated orchestration's states by path (`reception`, `reception.preReview`,
 * `supplement` …), read from the engine's own chart so they never drift from it.
 * @example orchestrationTitles().get('reception.preReview') // { 'zh-CN': '预审', en: 'Pre-review' }
 */
export function orchestrationTitles(): ReadonlyMap<string, Text> {
  if (titles) return titles;
  titles = new Map();
  const walk = (states: Record<string, StateNode> | undefined, prefix: string) => {
    for (const [key, node] of Object.entries(states ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (node.meta?.title) titles!.set(path, node.meta.title);
      walk(node.states, path);
    }
  };
  walk(orchestrationChart(orchestrationSettings({})).states as unknown as Record<string, StateNode>, '');
  return titles;
}

/** The deepest path of a state value in one region: `'review'`, or `'inspection.visit'` for `{ inspection: 'visit' }`. */
function leafPath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, inner] = Object.entries(value)[0] ?? ['?', '?'];
  return `${key}.${leafPath(inner)}`;
}

/**
 * Where each item's chart stands while the application is handled in parallel: item id →
 * state path inside its chart. Empty before acceptance.
 * @example itemStates({ processing: { hukou: 'review' } }) // { hukou: 'review' }
 */
export function itemStates(value: StateValue | null | undefined): Record<string, string> {
  if (!value || typeof value === 'string' || typeof value['processing'] !== 'object') return {};
  return Object.fromEntries(Object.entries(value['processing'] as Record<string, StateValue>).map(([item, v]) => [item, leafPath(v)]));
}

/**
 * The title of the state an application is in (the orchestration's own, the window's sub-state
 * included): `{ reception: 'preReview' }` → 预审 / Pre-review.
 * @example applicationStateTitle({ reception: 'submitted' }).en // 'Submitted, awaiting the window'
 */
export function applicationStateTitle(value: StateValue | string): Text {
  const known = orchestrationTitles();
  if (typeof value === 'string') return known.get(value) ?? { 'zh-CN': value, en: value };
  const [top, inner] = Object.entries(value)[0] ?? ['?', '?'];
  if (typeof inner === 'string' && known.has(`${top}.${inner}`)) return known.get(`${top}.${inner}`)!;
  return known.get(top) ?? { 'zh-CN': top, en: top };
}

/**
 * The title of the state a timeline entry left or reached: the item's own state when the entry
 * is an item's event, else the application's.
 * @example stateLabel({ processing: { hukou: 'review' } }, 'hukou', titles) // { 'zh-CN': '审核', … }
 */
export function stateLabel(value: StateValue | null, item: string | undefined, stateTitles: Record<string, Text> | undefined): Text | undefined {
  if (value === null) return undefined;
  if (item !== undefined) {
    const path = itemStates(value)[item];
    if (path) return itemStateTitle(stateTitles, item, path);
  }
  return applicationStateTitle(value);
}

/**
 * The path of the state a timeline entry reached: the item's (`processing.<item>.<path>`) for an
 * item's event, else the application's (`reception.preReview`).
 * @example reachedPath({ processing: { hukou: 'verification' } }, 'hukou') // 'processing.hukou.verification'
 */
export function reachedPath(value: StateValue, item: string | undefined): string | undefined {
  if (item !== undefined) {
    const path = itemStates(value)[item];
    return path ? `processing.${item}.${path}` : undefined;
  }
  return leafPath(value);
}

/**
 * The title of an item's state: from the titles the server sent (state path → title, keyed
 * `processing.<item>.<path>`), else the path itself.
 * @example itemStateTitle(titles, 'hukou', 'review') // { 'zh-CN': '审核', en: 'Review' }
 */
export function itemStateTitle(stateTitles: Record<string, Text> | undefined, item: string, path: string): Text {
  return stateTitles?.[`processing.${item}.${path}`] ?? { 'zh-CN': path, en: path };
}

/** The top-level states a queue can be filtered by, in the order an application passes them. */
export const QUEUE_STATES = ['reception', 'supplement', 'processing'] as const;
