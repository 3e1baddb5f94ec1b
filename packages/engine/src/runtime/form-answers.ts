import type { Json } from '../json.js';
import { evaluate } from '../rules/evaluate.js';
import { truthy } from '../rules/coerce.js';
import { MAX_SWEEPS, Tracked, type Clock, type FormInternals } from './form-support.js';
import { getPath, jsonEqual, putPath, setPath, type JsonObject } from './paths.js';
import type { Plan } from './plan.js';

/** Questions and items after a change of the answers. */
export interface AnswersOutcome {
  shownAnswers: JsonObject;
  visible: ReadonlySet<string>;
  required: ReadonlySet<string>;
  active: ReadonlySet<string>;
  changedQuestions: string[];
  changedItems: string[];
}

/**
 * Re-evaluates the questions whose rules read a changed answer (every one when `initial`) over
 * the answers of visible questions, until hiding or showing an answer changes nothing more;
 * then the items whose `when` reads an answer that changed.
 */
export function evaluateAnswers(plan: Plan, prev: FormInternals, answers: Record<string, Json>, changedAnswers: string[], clock: Clock, initial: boolean): AnswersOutcome {
  const before = prev.snapshot;
  const { slotOf, slots } = plan;
  const holds = (id: number | undefined, over: unknown) => id === undefined || truthy(evaluate(slots[id]!.rule, over, clock));
  const visible = new Tracked(before.questions.visible);
  const required = new Tracked(before.questions.required);

  let shownAnswers = prev.shownAnswers;
  if (initial) {
    // Start as if every question were visible; the first sweep hides what is hidden.
    shownAnswers = {};
    for (const name of plan.questions) if (Object.hasOwn(answers, name)) putPath(shownAnswers, name, answers[name]!);
  }
  const readers = new Set<number>(); // every rule that read a changed answer
  let pending = new Set<number>();
  const show = (name: string) => {
    const value = visible.set.has(name) && Object.hasOwn(answers, name) ? answers[name] : undefined;
    if (jsonEqual(getPath(shownAnswers, name), value)) return;
    shownAnswers = setPath(shownAnswers, name, value);
    plan.answersIndex.affected(name, readers);
    plan.answersIndex.affected(name, pending);
  };
  for (const path of changedAnswers) {
    const name = path.split('.', 1)[0]!;
    if (plan.questions.includes(name)) show(name);
  }

  const changedQuestions = new Set<string>();
  for (let sweep = 0; sweep < MAX_SWEEPS && (pending.size > 0 || (initial && sweep === 0)); sweep++) {
    const now = pending;
    pending = new Set();
    for (const name of plan.questions) {
      const v = slotOf['question-visible'].get(name);
      const r = slotOf['question-required'].get(name);
      if (!(initial && sweep === 0) && !(v !== undefined && now.has(v)) && !(r !== undefined && now.has(r))) continue;
      const isVisible = holds(v, shownAnswers);
      const isRequired = isVisible && (plan.requiredQuestions.has(name) || (r !== undefined && holds(r, shownAnswers)));
      const shownChanged = visible.toggle(name, isVisible);
      if (required.toggle(name, isRequired) || shownChanged) changedQuestions.add(name);
      show(name);
    }
  }

  const active = new Tracked(before.active);
  const changedItems: string[] = [];
  for (const item of plan.composed.items) {
    const id = slotOf.when.get(item.id);
    if (!initial && (id === undefined || !readers.has(id))) continue;
    if (active.toggle(item.id, holds(id, shownAnswers))) changedItems.push(item.id);
  }
  return {
    shownAnswers,
    visible: visible.set,
    required: required.set,
    active: active.set,
    changedQuestions: plan.questions.filter((q) => changedQuestions.has(q) && (before.questions.visible.has(q) !== visible.set.has(q) || before.questions.required.has(q) !== required.set.has(q))),
    changedItems,
  };
}
