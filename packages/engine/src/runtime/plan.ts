import type { Rule } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import type { Text } from '../definitions/types.generated.js';
import { isOperation, operationOf } from '../rules/evaluate.js';
import { dependencies } from '../rules/reads.js';
import { DEFAULT_LIMITS } from '../rules/types.js';
import { DependencyIndex } from './dependency-index.js';

/** One rule of a composed bundle the form state evaluates. */
export interface Slot {
  kind: 'when' | 'visible' | 'required' | 'value' | 'material' | 'question-visible' | 'question-required';
  /** The item id, field path, material id or question name the rule belongs to. */
  key: string;
  rule: Rule;
}

/**
 * What the form state needs to know about a composed bundle, computed once per bundle and
 * shared by every form state and submission check of it.
 */
export interface Plan {
  composed: ComposedBundle;
  slots: Slot[];
  /** Rules over the answers (item `when`, question rules) and over the data (the rest). */
  answersIndex: DependencyIndex;
  dataIndex: DependencyIndex;
  /**
   * Rules over the data that ask whether an item is active (`item_active`), by item id; `*`
   * lists those whose item is computed. They are re-evaluated when the item switches.
   */
  itemReaders: Map<string, number[]>;
  /** Field paths in form order: a group before its children. */
  paths: string[];
  order: Map<string, number>;
  parent: Map<string, string>;
  children: Map<string, string[]>;
  /** The id of each rule, by kind and then by the item, field, material or question it belongs to. */
  slotOf: Record<Slot['kind'], Map<string, number>>;
  /** Value rules in dependency order (a computed field before the ones computed from it). */
  valueOrder: number[];
  fieldsOfItem: Map<string, string[]>;
  materialsOfItem: Map<string, string[]>;
  questions: string[];
  /** Questions the bundle's `questions` schema requires (while visible). */
  requiredQuestions: Set<string>;
  titles: Map<string, Text>;
}

const plans = new WeakMap<ComposedBundle, Plan>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The items a rule asks about with `item_active` (`*` for a computed item id). */
function itemsAskedAbout(rule: Rule | undefined, out: Set<string>, depth = 0): Set<string> {
  if (typeof rule !== 'object' || rule === null || depth > DEFAULT_LIMITS.maxDepth) return out;
  if (Array.isArray(rule)) {
    for (const element of rule) itemsAskedAbout(element, out, depth + 1);
    return out;
  }
  if (!isOperation(rule)) return out;
  const [name, args] = operationOf(rule);
  if (name === 'item_active') out.add(typeof args[0] === 'string' ? args[0] : '*');
  for (const arg of args) itemsAskedAbout(arg, out, depth + 1);
  return out;
}

/** The plan of a composed bundle (cached per bundle object). */
export function planOf(composed: ComposedBundle): Plan {
  let plan = plans.get(composed);
  if (!plan) plans.set(composed, (plan = buildPlan(composed)));
  return plan;
}

function buildPlan(composed: ComposedBundle): Plan {
  const slots: Slot[] = [];
  const slotOf: Plan['slotOf'] = {
    when: new Map(),
    visible: new Map(),
    required: new Map(),
    value: new Map(),
    material: new Map(),
    'question-visible': new Map(),
    'question-required': new Map(),
  };
  const answersIndex = new DependencyIndex();
  const dataIndex = new DependencyIndex();
  const itemReaders = new Map<string, number[]>();
  const addSlot = (slot: Slot, index: DependencyIndex) => {
    const id = slots.push(slot) - 1;
    slotOf[slot.kind].set(slot.key, id);
    index.add(id, dependencies(slot.rule));
    if (index === dataIndex) for (const item of itemsAskedAbout(slot.rule, new Set())) push(itemReaders, item, id);
  };

  for (const item of composed.items) if (item.when !== undefined) addSlot({ kind: 'when', key: item.id, rule: item.when }, answersIndex);
  const questions = Object.keys(composed.questions?.properties ?? {});
  for (const [name, rules] of Object.entries(composed.questionRules ?? {})) {
    if (rules.visible !== undefined) addSlot({ kind: 'question-visible', key: name, rule: rules.visible }, answersIndex);
    if (rules.required !== undefined) addSlot({ kind: 'question-required', key: name, rule: rules.required }, answersIndex);
  }

  const paths = Object.keys(composed.fields);
  const order = new Map(paths.map((p, i) => [p, i]));
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  const fieldsOfItem = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.lastIndexOf('.');
    if (dot > 0 && order.has(path.slice(0, dot))) {
      parent.set(path, path.slice(0, dot));
      push(children, path.slice(0, dot), path);
    }
    for (const item of composed.fields[path]!.items) push(fieldsOfItem, item, path);
    const rules = composed.rules[path];
    if (rules?.visible !== undefined) addSlot({ kind: 'visible', key: path, rule: rules.visible }, dataIndex);
    if (rules?.required !== undefined) addSlot({ kind: 'required', key: path, rule: rules.required }, dataIndex);
    if (rules?.value !== undefined) addSlot({ kind: 'value', key: path, rule: rules.value }, dataIndex);
  }
  const materialsOfItem = new Map<string, string[]>();
  for (const material of composed.materials) {
    for (const item of material.items) push(materialsOfItem, item, material.id);
    if (material.when !== undefined) addSlot({ kind: 'material', key: material.id, rule: material.when }, dataIndex);
  }

  return {
    composed,
    slots,
    answersIndex,
    dataIndex,
    itemReaders,
    paths,
    order,
    parent,
    children,
    slotOf,
    valueOrder: valueOrder(slots, dataIndex, order),
    fieldsOfItem,
    materialsOfItem,
    questions,
    requiredQuestions: new Set(Array.isArray(composed.questions?.required) ? composed.questions.required : []),
    titles: titlesOf(composed),
  };
}

/** Value rules sorted so that each comes after the computed fields it reads (Kahn; cycles keep form order). */
function valueOrder(slots: Slot[], index: DependencyIndex, order: Map<string, number>): number[] {
  const values = slots.map((s, id) => (s.kind === 'value' ? id : -1)).filter((id) => id >= 0);
  values.sort((a, b) => order.get(slots[a]!.key)! - order.get(slots[b]!.key)!);
  const dependents = new Map<number, number[]>();
  const waiting = new Map<number, number>(values.map((id) => [id, 0]));
  for (const id of values) {
    const affected = new Set<number>();
    index.affected(slots[id]!.key, affected);
    for (const other of affected) {
      if (other === id || !waiting.has(other)) continue;
      dependents.set(id, [...(dependents.get(id) ?? []), other]);
      waiting.set(other, waiting.get(other)! + 1);
    }
  }
  const sorted: number[] = [];
  const ready = values.filter((id) => waiting.get(id) === 0);
  while (ready.length) {
    const id = ready.shift()!;
    sorted.push(id);
    for (const next of dependents.get(id) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  for (const id of values) if (!sorted.includes(id)) sorted.push(id);
  return sorted;
}

function titlesOf(composed: ComposedBundle): Map<string, Text> {
  const titles = new Map<string, Text>();
  const walk = (schema: unknown, prefix: string) => {
    const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (!properties || typeof properties !== 'object') return;
    for (const [name, sub] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const title = (sub as { 'x-title'?: Text } | undefined)?.['x-title'];
      if (title) titles.set(path, title);
      if (path in composed.fields) walk(sub, path);
    }
  };
  walk(composed.schema, '');
  const questions = (composed.questions?.properties ?? {}) as Record<string, { 'x-title'?: Text }>;
  for (const [name, sub] of Object.entries(questions)) if (sub?.['x-title']) titles.set(`answers:${name}`, sub['x-title']);
  return titles;
}
