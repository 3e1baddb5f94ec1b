import type { Json } from '../json.js';
import type { Text } from '../text.js';
import { isRefusal } from './refusals.js';
import { allows } from './roles.js';
import { step } from './step.js';
import type { Actor, ApplicationFlow, ApplicationSnapshot, StateValue } from './types.js';

/**
 * What an actor can do next: the events the application's current states take whose transitions
 * list the actor's role — read from the flow itself, so a client shows exactly the actions the
 * step function would accept from that role (conditions on data or on the event's payload are
 * checked when the event is sent).
 */
export interface AvailableEvent {
  type: string;
  /** The item whose chart takes it (send it with `item`); absent: the orchestration. */
  item?: string;
  /** The transition's title (`meta.title`); several branches' titles joined with " / ". */
  title: Text;
  /** Each transition the event may take (a guarded event has one per condition), in order. */
  branches: AvailableBranch[];
  /** What the event carries: a supplement request (`fields`, `materials`, `reason`) or a `reason`. */
  input?: 'supplement' | 'reason';
  /** True when the transition's condition needs `event.reason` (a refusal without one is certain). */
  reasonRequired?: boolean;
  /**
   * The branch the event takes now, when that does not depend on what the event carries (its
   * conditions read the data, not the payload): tried with the step function, nothing kept.
   */
  next?: number;
}

export interface AvailableBranch {
  title: Text;
  /** The state it leads to (absent: it stays where it is); `outcome` of an item's deciding state. */
  target?: { path: string; title: Text; final: boolean; outcome?: string };
}

type Ref = { type: string; params?: { [key: string]: Json } };
type TransitionConfig = { target?: string | string[]; guard?: Ref; actions?: Ref[]; meta?: { title?: Text } };
type NodeConfig = { type?: string; meta?: { title?: Text; outcome?: string }; on?: Record<string, TransitionConfig | TransitionConfig[]>; states?: Record<string, NodeConfig> };

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function nodeAt(root: NodeConfig, path: string): NodeConfig | undefined {
  let node: NodeConfig | undefined = root;
  if (!path) return node;
  for (const key of path.split('.')) node = node?.states?.[key];
  return node;
}

/** The state path a transition's target names, seen from the state that holds the transition. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith('#')) {
    const path = target.slice(1);
    return path === 'application' ? '' : path.startsWith('application.') ? path.slice('application.'.length) : path;
  }
  if (target.startsWith('.')) return join(source, target.slice(1));
  const parent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  return join(parent, target);
}

/** Is this state value's active leaf (inside `node`) a final state? */
function settled(node: NodeConfig, value: StateValue | undefined): boolean {
  if (value === undefined) return node.type === 'final';
  if (typeof value === 'string') return node.states?.[value]?.type === 'final';
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, v]) => settled(node.states?.[key] ?? {}, v));
}

/** The active state nodes of a state value with their paths, outermost first (settled item regions left out). */
function activeNodes(root: NodeConfig, value: StateValue): Array<{ node: NodeConfig; path: string }> {
  const out: Array<{ node: NodeConfig; path: string }> = [];
  const visit = (node: NodeConfig, v: StateValue | undefined, path: string) => {
    out.push({ node, path });
    if (typeof v === 'string') {
      const child = node.states?.[v];
      if (child) visit(child, undefined, join(path, v));
    } else if (v && typeof v === 'object') {
      for (const [key, sub] of Object.entries(v)) {
        const child = node.states?.[key];
        if (!child) continue;
        // a region of the parallel `processing` state whose item is decided takes no more events
        if (path === 'processing' && settled(child, sub)) continue;
        visit(child, sub, join(path, key));
      }
    }
  };
  visit(root, value, '');
  return out;
}

function readsEventReason(rule: Json | undefined): boolean {
  if (rule === null || typeof rule !== 'object') return false;
  if (Array.isArray(rule)) return rule.some(readsEventReason);
  const v = (rule as { var?: Json }).var;
  if (v === 'event.reason' || (Array.isArray(v) && v[0] === 'event.reason')) return true;
  return Object.values(rule).some(readsEventReason);
}

const rolesOf = (t: TransitionConfig): string[] => {
  const roles = (t.guard?.params?.['params'] as { roles?: Json } | undefined)?.roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
};

/** The path of the state a region is in after a step: the item's own, or the application's. */
function regionPath(value: StateValue, item: string | undefined): string | undefined {
  const leaf = (v: StateValue): string => (typeof v === 'string' ? v : Object.entries(v).map(([k, sub]) => `${k}.${leaf(sub)}`)[0] ?? '');
  if (item === undefined) return leaf(value);
  if (typeof value === 'string') return undefined;
  const processing = value['processing'];
  const own = processing && typeof processing === 'object' ? processing[item] : undefined;
  return own === undefined ? undefined : `processing.${item}.${leaf(own)}`;
}

/** Which of an event's branches a payload-free step takes now (a dry run), if it is taken at all. */
function takenBranch(flow: ApplicationFlow, snapshot: ApplicationSnapshot, event: AvailableEvent, actor: Actor): number | undefined {
  const result = step(flow, snapshot, event.item === undefined ? { type: event.type } : { type: event.type, item: event.item }, actor, snapshot.updatedAt);
  if (isRefusal(result)) return undefined;
  const reached = regionPath(result.snapshot.value, event.item);
  if (reached === undefined) return undefined;
  const index = event.branches.findIndex((b) => b.target && (reached === b.target.path || reached.startsWith(`${b.target.path}.`)));
  return index === -1 ? undefined : index;
}

/**
 * The events an actor may send an application now, in the order of its states (the window's
 * first, then each item's): each with its title, the states it may lead to and what it carries.
 * Empty when the application is done.
 * @example
 * availableEvents(flow, snapshot, { id: 'c1', role: 'clerk', department: 'window' })
 * // [{ type: 'ACCEPT', title: { 'zh-CN': '受理', … }, branches: [{ target: { path: 'accepted', … } }] }, { type: 'REQUEST_SUPPLEMENT', input: 'supplement', … }, …]
 */
export function availableEvents(flow: ApplicationFlow, snapshot: ApplicationSnapshot, actor: Actor): AvailableEvent[] {
  if (snapshot.status === 'done') return [];
  const root = flow.machine as unknown as NodeConfig;
  const found = new Map<string, AvailableEvent>();
  // deepest states first: their transitions take precedence over their ancestors' (as in XState)
  const nodes = activeNodes(root, snapshot.value);
  const seen = new Set<string>();
  for (const { node, path } of [...nodes].reverse()) {
    for (const [key, config] of Object.entries(node.on ?? {})) {
      const slash = key.indexOf('/');
      const item = slash === -1 ? undefined : key.slice(0, slash);
      const type = slash === -1 ? key : key.slice(slash + 1);
      if (type === 'OVERDUE' || seen.has(key)) continue;
      const transitions = (Array.isArray(config) ? config : [config]).filter((t) => allows(rolesOf(t), actor, snapshot.context));
      if (!transitions.length) continue;
      seen.add(key);
      const branches = transitions.map((t): AvailableBranch => {
        const title = t.meta?.title ?? { 'zh-CN': type, en: type };
        const raw = Array.isArray(t.target) ? t.target[0] : t.target;
        if (raw === undefined) return { title };
        const targetPath = resolveTarget(path, raw);
        const target = nodeAt(root, targetPath);
        const targetTitle = target?.meta?.title ?? { 'zh-CN': targetPath, en: targetPath };
        const outcome = target?.meta?.outcome;
        return { title, target: { path: targetPath, title: targetTitle, final: target?.type === 'final', ...(outcome ? { outcome } : {}) } };
      });
      const distinct = [...new Map(branches.map((b) => [b.title['zh-CN'], b.title])).values()];
      const title = distinct.length === 1 ? distinct[0]! : { 'zh-CN': distinct.map((x) => x['zh-CN']).join(' / '), en: distinct.map((x) => x.en).join(' / ') };
      const actions = transitions.flatMap((t) => t.actions ?? []);
      const event: AvailableEvent = { type, ...(item !== undefined ? { item } : {}), title, branches };
      if (actions.some((a) => a.type === 'requestSupplement')) event.input = 'supplement';
      else if (transitions.some((t) => readsEventReason((t.guard?.params?.['params'] as { guard?: Json } | undefined)?.guard))) {
        event.input = 'reason';
        event.reasonRequired = true;
      } else if (actions.some((a) => a.type === '@reason')) event.input = 'reason';
      if (branches.length > 1 && event.input === undefined) {
        const next = takenBranch(flow, snapshot, event, actor);
        if (next !== undefined) event.next = next;
      }
      found.set(key, event);
    }
  }
  // outermost first: the orchestration's events, then the items' in bundle order
  const order = (e: AvailableEvent) => (e.item === undefined ? -1 : flow.items.findIndex((i) => i.id === e.item));
  return [...found.values()].sort((a, b) => order(a) - order(b));
}

/**
 * The title of every event of a flow (its first transition's `meta.title`), keyed as the
 * timeline names them: `<TYPE>` for the orchestration's, `<item>/<TYPE>` for an item's. An event
 * whose branches have different titles also has one key per branch, `<key>@<target state path>`,
 * so a timeline entry is named by the branch it took.
 * @example eventTitles(flow)['hukou/APPROVE@processing.hukou.verification'] // { 'zh-CN': '转调查核实', … }
 */
export function eventTitles(flow: ApplicationFlow): Record<string, Text> {
  const titles: Record<string, Text> = {};
  const visit = (node: NodeConfig, path: string) => {
    for (const [key, config] of Object.entries(node.on ?? {})) {
      const transitions = Array.isArray(config) ? config : [config];
      const title = transitions.find((t) => t.meta?.title)?.meta?.title;
      if (title && !titles[key]) titles[key] = title;
      if (new Set(transitions.map((t) => t.meta?.title?.['zh-CN'])).size > 1) {
        for (const t of transitions) {
          const target = Array.isArray(t.target) ? t.target[0] : t.target;
          if (t.meta?.title && target !== undefined) titles[`${key}@${resolveTarget(path, target)}`] ??= t.meta.title;
        }
      }
    }
    for (const [name, child] of Object.entries(node.states ?? {})) visit(child, join(path, name));
  };
  visit(flow.machine as unknown as NodeConfig, '');
  return titles;
}

/**
 * The title of every state of a flow, by path (`reception.preReview`, `processing.<item>`,
 * `processing.<item>.review`) — to name where an application and each of its items stand, and
 * the states of its timeline. Internal states (`@check`, `@skipped`) are left out.
 * @example stateTitles(flow)['reception.preReview'] // { 'zh-CN': '预审', en: 'Pre-review' }
 */
export function stateTitles(flow: ApplicationFlow): Record<string, Text> {
  const titles: Record<string, Text> = {};
  const visit = (node: NodeConfig, path: string) => {
    for (const [key, child] of Object.entries(node.states ?? {})) {
      if (key.startsWith('@')) continue;
      const childPath = join(path, key);
      if (child.meta?.title) titles[childPath] = child.meta.title;
      visit(child, childPath);
    }
  };
  visit(flow.machine as unknown as NodeConfig, '');
  return titles;
}
