import type { Json } from '../json.js';
import { evaluate } from '../rules/evaluate.js';
import { truthy } from '../rules/coerce.js';
import type { EvaluateOptions } from '../rules/types.js';
import { evaluateAnswers } from './form-answers.js';
import type { FormChanges, FormSnapshot, FormUpdate } from './form-state.js';
import { applyChanges, MAX_SWEEPS, Tracked, type Clock, type FormInternals } from './form-support.js';
import { getPath, isEmptyValue, jsonEqual, putPath, removePath, setPath, type JsonObject } from './paths.js';
import type { Plan } from './plan.js';

/** The value and list fields a change at `path` touches: the one holding it, or all below a group. */
function leavesAt(plan: Plan, path: string): string[] {
  for (let at = path; ; at = at.slice(0, at.lastIndexOf('.'))) {
    const field = plan.order.has(at) ? plan.composed.fields[at]! : undefined;
    if (field) return field.kind !== 'group' ? [at] : at === path ? leavesUnder(plan, at) : [];
    if (!at.includes('.')) return [];
  }
}

function leavesUnder(plan: Plan, group: string): string[] {
  return (plan.children.get(group) ?? []).flatMap((child) => (plan.composed.fields[child]!.kind === 'group' ? leavesUnder(plan, child) : [child]));
}

/**
 * Applies changes and re-evaluates what they can affect (everything when `initial`): questions
 * and items over the shown answers; computed values, visibility and requiredness over the shown
 * data, sweeping again while hiding or showing a value changes what else is shown; materials.
 * Reports what changed against `prev`.
 */
export function evaluateForm(plan: Plan, prev: FormInternals, changes: FormChanges, clock: Clock, initial: boolean): { internals: FormInternals; update: FormUpdate } {
  const { composed, slots, slotOf } = plan;
  const before = prev.snapshot;
  const changedAnswers: string[] = [];
  const changedData: string[] = [];
  const answers = applyChanges(before.answers as JsonObject, changes.answers, initial, changedAnswers);
  let data = applyChanges(before.data as JsonObject, changes.data, initial, changedData);

  // 1. Questions and items.
  const unchanged = { shownAnswers: prev.shownAnswers, visible: before.questions.visible, required: before.questions.required, active: before.active, changedQuestions: [], changedItems: [] };
  const asked = initial || changedAnswers.length ? evaluateAnswers(plan, prev, answers, changedAnswers, clock, initial) : unchanged;
  const { active, changedItems } = asked;
  const options: EvaluateOptions = active === prev.options.activeItems ? prev.options : { ...clock, activeItems: active };
  const holds = (id: number | undefined, over: unknown) => id === undefined || truthy(evaluate(slots[id]!.rule, over, options));

  // 2. Computed values, visibility and requiredness over the shown data, in sweeps.
  const visible = new Tracked(before.visible);
  const required = new Tracked(before.required);
  const values: Record<string, Json> = { ...before.values };
  let shownData = prev.shownData;
  if (initial) {
    // Start as if every value were shown; the first sweep hides what is hidden.
    shownData = {};
    for (const path of plan.paths) {
      const value = composed.fields[path]!.kind === 'group' ? undefined : getPath(data, path);
      if (!isEmptyValue(value)) putPath(shownData, path, value!);
    }
  }
  const dataRules = new Set<number>(); // every data rule affected, for the materials
  const pendingValues = new Set<number>();
  let dirty = new Set<string>(initial ? plan.paths : []);
  let nextSweep = new Set<string>();
  const touched = new Set<string>();
  let position = -1; // form index of the field being evaluated in the current sweep

  const affect = (ids: Iterable<number>) => {
    for (const id of ids) {
      dataRules.add(id);
      const slot = slots[id]!;
      if (slot.kind === 'value') pendingValues.add(id);
      else if (slot.kind === 'visible' || slot.kind === 'required') (plan.order.get(slot.key)! > position ? dirty : nextSweep).add(slot.key);
    }
  };
  const readers = new Set<number>();
  const show = (path: string) => {
    const raw = visible.set.has(path) || slotOf.value.has(path) ? getPath(data, path) : undefined;
    const value = isEmptyValue(raw) ? undefined : raw;
    if (jsonEqual(getPath(shownData, path), value)) return;
    shownData = value === undefined ? removePath(shownData, path) : setPath(shownData, path, value);
    readers.clear();
    plan.dataIndex.affected(path, readers);
    affect(readers);
  };

  for (const path of changedData) {
    for (const leaf of leavesAt(plan, path)) {
      // A computed field keeps its computed value, whatever is written over it.
      if (Object.hasOwn(values, leaf) && !jsonEqual(getPath(data, leaf), values[leaf])) data = setPath(data, leaf, values[leaf]!);
      show(leaf);
    }
  }
  for (const item of changedItems) {
    for (const path of plan.fieldsOfItem.get(item) ?? []) {
      dirty.add(path);
      const id = slotOf.value.get(path);
      if (id !== undefined) pendingValues.add(id);
    }
  }
  // Rules that ask whether an item is active (`item_active`) follow it switching on or off.
  if (changedItems.length) for (const item of [...changedItems, '*']) affect(plan.itemReaders.get(item) ?? []);

  for (let sweep = 0; sweep < MAX_SWEEPS && (dirty.size > 0 || pendingValues.size > 0 || (initial && sweep === 0)); sweep++) {
    position = -1;
    for (const id of plan.valueOrder) {
      if (!(initial && sweep === 0) && !pendingValues.has(id)) continue;
      pendingValues.delete(id);
      const path = slots[id]!.key;
      const value = evaluate(slots[id]!.rule, shownData, options);
      if (Object.hasOwn(values, path) && jsonEqual(values[path], value)) continue;
      values[path] = value;
      data = setPath(data, path, value);
      touched.add(path);
      show(path);
    }
    let start = plan.paths.length;
    for (const path of dirty) start = Math.min(start, plan.order.get(path)!);
    for (let i = start; i < plan.paths.length; i++) {
      const path = plan.paths[i]!;
      if (!dirty.has(path)) continue;
      position = i;
      touched.add(path);
      const field = composed.fields[path]!;
      const parent = plan.parent.get(path);
      const isVisible = (parent === undefined || visible.set.has(parent)) && field.items.some((item) => active.has(item)) && holds(slotOf.visible.get(path), shownData);
      const r = slotOf.required.get(path);
      const isRequired = isVisible && field.kind !== 'group' && (field.requiredBy.some((item) => active.has(item)) || (r !== undefined && holds(r, shownData)));
      required.toggle(path, isRequired);
      const toggled = visible.toggle(path, isVisible);
      if (field.kind === 'group') {
        if (toggled) for (const child of plan.children.get(path) ?? []) dirty.add(child);
      } else if (toggled || (initial && sweep === 0)) show(path);
    }
    dirty = nextSweep;
    nextSweep = new Set();
  }

  // 3. Materials.
  const mVisible = new Tracked(before.materials.visible);
  const mRequired = new Tracked(before.materials.required);
  const mExempt = new Tracked(before.materials.exempt);
  const dirtyMaterials = new Set<string>(changedItems.flatMap((item) => plan.materialsOfItem.get(item) ?? []));
  for (const id of dataRules) if (slots[id]!.kind === 'material') dirtyMaterials.add(slots[id]!.key);
  const changedMaterials: string[] = [];
  for (const material of composed.materials) {
    if (!initial && !dirtyMaterials.has(material.id)) continue;
    const isAsked = material.items.some((item) => active.has(item)) && holds(slotOf.material.get(material.id), shownData);
    const requiredBy = material.requiredBy ?? (material.required ? material.items : []);
    const a = mVisible.toggle(material.id, isAsked);
    const b = mRequired.toggle(material.id, isAsked && !material.exempt && requiredBy.some((item) => active.has(item)));
    const c = mExempt.toggle(material.id, isAsked && material.exempt);
    if (a || b || c) changedMaterials.push(material.id);
  }

  const materials = { visible: mVisible.set, required: mRequired.set, exempt: mExempt.set };
  const questions = { visible: asked.visible, required: asked.required };
  const snapshot: FormSnapshot = { answers, data, active, visible: visible.set, required: required.set, values, materials, questions };
  // A field may switch back and forth between sweeps: compare with the state before.
  const changed = [...touched].filter(
    (p) =>
      before.visible.has(p) !== visible.set.has(p) ||
      before.required.has(p) !== required.set.has(p) ||
      (Object.hasOwn(values, p) && !(Object.hasOwn(before.values, p) && jsonEqual(before.values[p], values[p]))),
  );
  changed.sort((a, b) => plan.order.get(a)! - plan.order.get(b)!);
  // Object literals, not spreads: this runs on every keystroke.
  const update: FormUpdate = { answers, data, active, visible: visible.set, required: required.set, values, materials, questions, changed, changedItems, changedMaterials, changedQuestions: asked.changedQuestions };
  return { internals: { snapshot, shownAnswers: asked.shownAnswers, shownData, options }, update };
}
