import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import { evaluateForm } from './form-evaluation.js';
import { EMPTY_FORM, type Clock } from './form-support.js';
import { planOf } from './plan.js';

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
  /**
   * The bundle data, computed values included. Hidden values are kept (the applicant may switch
   * back), but rules never read them: they see the data without hidden fields and empty values.
   */
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

/**
 * Creates the live state of a composed form: which items are active, which fields and
 * materials are visible and required, and the computed values. Rules read the answers of
 * visible questions and the data without hidden fields and empty values, so a hidden value
 * never decides what else is shown. `update` re-evaluates only the rules that read the changed
 * paths (dependencies from `reads`), plus whatever depends on an item switching on or off or a
 * value being hidden or shown, and reports what changed.
 * @example
 * const form = createFormState(composed, { now: '2024-05-01' });
 * const { changed, required } = form.update({ answers: { settleInHubei: true }, data: { 'delivery.method': 'mail' } });
 */
export function createFormState(composed: ComposedBundle, options: FormStateOptions = {}): FormState {
  const plan = planOf(composed);
  const clock: Clock = {
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: options.utcOffsetMinutes } : {}),
  };
  let internals = evaluateForm(plan, EMPTY_FORM, { answers: options.answers ?? {}, data: options.data ?? {} }, clock, true).internals;
  return {
    get current() {
      return internals.snapshot;
    },
    update(changes) {
      const next = evaluateForm(plan, internals, changes, clock, false);
      internals = next.internals;
      return next.update;
    },
  };
}
