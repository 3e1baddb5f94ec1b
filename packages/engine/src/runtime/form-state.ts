import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import { evaluate } from '../rules/evaluate.js';
import { truthy } from '../rules/coerce.js';
import type { EvaluateOptions } from '../rules/types.js';
import { isJsonObject, isWritablePath, jsonEqual, setPath, type JsonObject } from './paths.js';
import { planOf, type Plan } from './plan.js';

/** Options of `createFormState`. */
export interface FormStateOptions {
  /** Guidance answers to start from. */
  answers?: Record<string, Json>;
  /** Bundle data to start from. */
  data?: Record<string, Json>;
  /** The current date for date rules (`age`, `today`); the engine never reads the clock. */
  now?: string | Date;
  /** Offset used to take today's date from a `Date` given as `now`; default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
}

/** Changes to apply: dotted path → new value (`undefined` removes it). */
export interface FormChanges {
  answers?: Record<string, Json | undefined>;
  data?: Record<string, Json | undefined>;
}

/** What the form shows at one moment. Sets are replaced, never mutated, when they change. */
export interface FormSnapshot {
  answers: Record<string, Json>;
  /** The bundle data, computed values included. Hidden values are kept (the applicant may switch back). */
  data: Record<string, Json>;
  /** Active items. */
  active: ReadonlySet<string>;
  /** Visible fields: some active item asks for them, their `visible` rule holds and their group is visible. */
  visible: ReadonlySet<string>;
  /** Required fields (values and lists): visible, and required by an active item or by their `required` rule. */
  required: ReadonlySet<string>;
  /** Computed values (fields with a `value` rule), by path. */
  values: Readonly<Record<string, Json>>;
  materials: {
    /** Materials asked for: an active item asks for them and their `when` holds. */
    visible: ReadonlySet<string>;
    /** Asked-for materials the applicant must provide: required by an active item and not exempt. */
    required: ReadonlySet<string>;
    /** Asked-for materials an e-licence replaces (免提交). */
    exempt: ReadonlySet<string>;
  };
  questions: {
    visible: ReadonlySet<string>;
    required: ReadonlySet<string>;
  };
}

/** A snapshot after an update, with what changed. */
export interface FormUpdate extends FormSnapshot {
  /** Field paths whose visibility, requiredness or computed value changed. */
  changed: string[];
  /** Items that became active or inactive. */
  changedItems: string[];
  /** Materials whose visibility or requiredness changed. */
  changedMaterials: string[];
  /** Questions whose visibility or requiredness changed. */
  changedQuestions: string[];
}

/** The live state of one composed form. */
export interface FormState {
  /** The current snapshot. */
  readonly current: FormSnapshot;
  /** Applies changes and re-evaluates only the rules that read what changed. */
  update(changes: FormChanges): FormUpdate;
}

/** A set that is copied on its first change, so earlier snapshots keep their own. */
class Tracked {
  private copied = false;
  constructor(public set: ReadonlySet<string>) {}
  toggle(key: string, on: boolean): boolean {
    if (this.set.has(key) === on) return false;
    if (!this.copied) {
      this.set = new Set(this.set);
      this.copied = true;
    }
    if (on) (this.set as Set<string>).add(key);
    else (this.set as Set<string>).delete(key);
    return true;
  }
}

/**
 * Creates the live state of a composed form: which items are active, which fields and
 * materials are visible and required, and the computed values. `update` re-evaluates only the
 * rules that read the changed paths (dependencies from `reads`), plus whatever depends on an
 * item switching on or off, and reports what changed.
 * @example
 * const form = createFormState(composed, { now: '2024-05-01' });
 * const { changed, required } = form.update({ answers: { settleInHubei: true }, data: { 'delivery.method': 'mail' } });
 */
export function createFormState(composed: ComposedBundle, options: FormStateOptions = {}): FormState {
  const plan = planOf(composed);
  const empty = new Set<string>();
  let current: FormSnapshot = {
    answers: {},
    data: {},
    active: empty,
    visible: empty,
    required: empty,
    values: {},
    materials: { visible: empty, required: empty, exempt: empty },
    questions: { visible: empty, required: empty },
  };
  const first = run(plan, current, { answers: options.answers ?? {}, data: options.data ?? {} }, options, true);
  current = first;
  return {
    get current() {
      return current;
    },
    update(changes) {
      const next = run(plan, current, { ...(changes.answers ? { answers: changes.answers } : {}), ...(changes.data ? { data: changes.data } : {}) }, options, false);
      current = snapshotOf(next);
      return next;
    },
  };
}

function snapshotOf(update: FormUpdate): FormSnapshot {
  const { changed: _c, changedItems: _i, changedMaterials: _m, changedQuestions: _q, ...snapshot } = update;
  return snapshot;
}

/** Applies path changes to an object; returns it and the paths whose value changed. */
function apply(target: JsonObject, changes: Record<string, Json | undefined> | undefined, whole: boolean, changed: string[]): JsonObject {
  if (!changes || !isJsonObject(changes as Json)) return target;
  let out = target;
  if (whole) {
    // Initial values: every top-level key counts as changed.
    for (const key of Object.keys(changes)) if (isWritablePath(key) && changes[key] !== undefined) changed.push(key);
    return { ...(changes as JsonObject) };
  }
  for (const [path, value] of Object.entries(changes)) {
    if (!isWritablePath(path)) continue;
    const next = setPath(out, path, value);
    if (next !== out && !jsonEqual(readAt(out, path), value)) changed.push(path);
    out = next;
  }
  return out;
}

function readAt(data: JsonObject, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const segment of path.split('.')) {
    if (!isJsonObject(node) && !Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, Json>)[segment] : undefined;
  }
  return node;
}

/** One evaluation pass: `initial` evaluates every rule, otherwise only those the changes affect. */
function run(plan: Plan, prev: FormSnapshot, changes: FormChanges, options: FormStateOptions, initial: boolean): FormUpdate {
  const { composed, slots } = plan;
  const changedAnswers: string[] = [];
  const changedData: string[] = [];
  const answers = apply(prev.answers as JsonObject, changes.answers, initial, changedAnswers);
  let data = apply(prev.data as JsonObject, changes.data, initial, changedData);

  const active = new Tracked(prev.active);
  const evalOptions = (): EvaluateOptions => ({
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: options.utcOffsetMinutes } : {}),
    activeItems: active.set,
  });
  const holds = (id: number, over: unknown) => truthy(evaluate(slots[id]!.rule, over, evalOptions()));
  const slotId = (kind: string, key: string) => plan.slotOf.get(`${kind}:${key}`);

  // 1. Items and questions, from the answers.
  const answerSlots = new Set<number>();
  for (const path of changedAnswers) plan.answersIndex.affected(path, answerSlots);
  const changedItems: string[] = [];
  for (const item of composed.items) {
    const id = slotId('when', item.id);
    if (!initial && (id === undefined || !answerSlots.has(id))) continue;
    if (active.toggle(item.id, id === undefined || holds(id, answers))) changedItems.push(item.id);
  }
  const qVisible = new Tracked(prev.questions.visible);
  const qRequired = new Tracked(prev.questions.required);
  const changedQuestions: string[] = [];
  const requiredQuestions = new Set(Array.isArray(composed.questions?.required) ? composed.questions.required : []);
  for (const name of plan.questions) {
    const v = slotId('question-visible', name);
    const r = slotId('question-required', name);
    if (!initial && !(v !== undefined && answerSlots.has(v)) && !(r !== undefined && answerSlots.has(r))) continue;
    const visible = v === undefined || holds(v, answers);
    const required = visible && (requiredQuestions.has(name) || (r !== undefined && holds(r, answers)));
    const visibilityChanged = qVisible.toggle(name, visible);
    const requirednessChanged = qRequired.toggle(name, required);
    if (visibilityChanged || requirednessChanged) changedQuestions.push(name);
  }

  // 2. Computed values, in dependency order; a changed value is a data change like any other.
  const values: Record<string, Json> = { ...prev.values };
  const changedFields = new Set<string>();
  const dataSlots = new Set<number>();
  for (const path of changedData) plan.dataIndex.affected(path, dataSlots);
  // Rules that ask whether an item is active (`item_active`) follow it switching on or off.
  if (changedItems.length) for (const item of [...changedItems, '*']) for (const id of plan.itemReaders.get(item) ?? []) dataSlots.add(id);
  const byItem = (item: string) => plan.fieldsOfItem.get(item) ?? [];
  const touchedByItems = new Set(changedItems.flatMap(byItem));
  for (const id of plan.valueOrder) {
    const path = slots[id]!.key;
    if (!initial && !dataSlots.has(id) && !touchedByItems.has(path)) continue;
    const value = evaluate(slots[id]!.rule, data, evalOptions());
    if (Object.hasOwn(values, path) && jsonEqual(values[path], value)) continue;
    values[path] = value;
    data = setPath(data, path, value);
    changedFields.add(path);
    changedData.push(path);
    plan.dataIndex.affected(path, dataSlots);
  }

  // 3. Visibility and requiredness, parents before children.
  const visible = new Tracked(prev.visible);
  const required = new Tracked(prev.required);
  const dirty = new Set<string>(initial ? plan.paths : touchedByItems);
  for (const id of dataSlots) {
    const slot = slots[id]!;
    if (slot.kind === 'visible' || slot.kind === 'required') dirty.add(slot.key);
  }
  if (dirty.size) {
    let start = plan.paths.length;
    for (const path of dirty) start = Math.min(start, plan.order.get(path) ?? start);
    for (let i = start; i < plan.paths.length; i++) {
      const path = plan.paths[i]!;
      if (!dirty.has(path)) continue;
      const field = composed.fields[path]!;
      const parent = plan.parent.get(path);
      const v = slotId('visible', path);
      const isVisible = (parent === undefined || visible.set.has(parent)) && field.items.some((item) => active.set.has(item)) && (v === undefined || holds(v, data));
      const r = slotId('required', path);
      const isRequired =
        isVisible && field.kind !== 'group' && (field.requiredBy.some((item) => active.set.has(item)) || (r !== undefined && holds(r, data)));
      if (visible.toggle(path, isVisible)) {
        changedFields.add(path);
        for (const child of plan.children.get(path) ?? []) dirty.add(child);
      }
      if (required.toggle(path, isRequired)) changedFields.add(path);
    }
  }

  // 4. Materials.
  const mVisible = new Tracked(prev.materials.visible);
  const mRequired = new Tracked(prev.materials.required);
  const mExempt = new Tracked(prev.materials.exempt);
  const dirtyMaterials = new Set<string>(changedItems.flatMap((item) => plan.materialsOfItem.get(item) ?? []));
  for (const id of dataSlots) if (slots[id]!.kind === 'material') dirtyMaterials.add(slots[id]!.key);
  const changedMaterials: string[] = [];
  for (const material of composed.materials) {
    if (!initial && !dirtyMaterials.has(material.id)) continue;
    const w = slotId('material', material.id);
    const asked = material.items.some((item) => active.set.has(item)) && (w === undefined || holds(w, data));
    const requiredBy = material.requiredBy ?? (material.required ? material.items : []);
    const mustProvide = asked && !material.exempt && requiredBy.some((item) => active.set.has(item));
    const a = mVisible.toggle(material.id, asked);
    const b = mRequired.toggle(material.id, mustProvide);
    const c = mExempt.toggle(material.id, asked && material.exempt);
    if (a || b || c) changedMaterials.push(material.id);
  }

  return {
    answers,
    data,
    active: active.set,
    visible: visible.set,
    required: required.set,
    values,
    materials: { visible: mVisible.set, required: mRequired.set, exempt: mExempt.set },
    questions: { visible: qVisible.set, required: qRequired.set },
    changed: plan.paths.filter((p) => changedFields.has(p)),
    changedItems,
    changedMaterials,
    changedQuestions,
  };
}
