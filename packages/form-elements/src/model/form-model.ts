import {
  checkSubmission,
  createFormState,
  type ComposedBundle,
  type FormState,
  type FormUpdate,
  type Json,
  type MaterialValue,
  type Submission,
} from '@onething/engine/runtime';
import type { ShapeValidator, ValidationError } from './errors.js';

/** A material as the current answers and data ask for it. */
export interface MaterialState {
  visible: boolean;
  required: boolean;
  exempt: boolean;
}

/** What one change made different, from the engine's `FormUpdate`. */
export interface ModelChange {
  /** Data paths whose value, visibility, requiredness or computed value changed. */
  paths: string[];
  items: string[];
  materials: string[];
  questions: string[];
}

type Data = Record<string, Json>;

/**
 * The form's state, held by the engine: `createFormState(composed)` owns answers and data,
 * and each `update` re-evaluates only the rules that read what changed and says what changed.
 * The model adds the materials' values and the submission check; it never decides visibility
 * or requiredness itself (one source of truth, in the engine).
 */
export class FormModel {
  readonly composed: ComposedBundle;
  private state: FormState;
  private provided: Record<string, MaterialValue>;
  private readonly now: string | undefined;

  constructor(composed: ComposedBundle, init: { data?: Data; answers?: Data; materials?: Record<string, MaterialValue>; now?: string } = {}) {
    this.composed = composed;
    this.now = init.now;
    this.state = createFormState(composed, { data: init.data ?? {}, answers: init.answers ?? {}, ...(init.now ? { now: init.now } : {}) });
    this.provided = init.materials ?? {};
  }

  /** The bundle data, computed values included. */
  get data(): Data {
    return this.state.current.data;
  }
  get answers(): Data {
    return this.state.current.answers;
  }
  get materials(): Record<string, MaterialValue> {
    return this.provided;
  }
  get active(): ReadonlySet<string> {
    return this.state.current.active;
  }

  isVisible(path: string): boolean {
    return this.state.current.visible.has(path);
  }
  isRequired(path: string): boolean {
    return this.state.current.required.has(path);
  }
  isComputed(path: string): boolean {
    return this.composed.rules[path]?.value !== undefined;
  }
  questionVisible(name: string): boolean {
    return this.state.current.questions.visible.has(name);
  }
  questionRequired(name: string): boolean {
    return this.state.current.questions.required.has(name);
  }
  material(id: string): MaterialState {
    const m = this.state.current.materials;
    return { visible: m.visible.has(id), required: m.required.has(id), exempt: m.exempt.has(id) };
  }

  /** Sets data values (path → value; `undefined` clears). */
  set(changes: Record<string, Json | undefined>): ModelChange {
    return changeOf(this.state.update({ data: changes }), Object.keys(changes));
  }

  /** Sets a guidance answer; items may switch on or off. */
  setAnswer(name: string, value: Json | undefined): ModelChange {
    return changeOf(this.state.update({ answers: { [name]: value } }), []);
  }

  setMaterial(id: string, value: MaterialValue | undefined): void {
    const next = { ...this.provided };
    if (value === undefined) delete next[id];
    else next[id] = value;
    this.provided = next;
  }

  /** Starts over from other data or answers (the host set `.data` or `.answers`). */
  reset(init: { data?: Data; answers?: Data; materials?: Record<string, MaterialValue> }): void {
    this.state = createFormState(this.composed, {
      data: init.data ?? this.data,
      answers: init.answers ?? this.answers,
      ...(this.now ? { now: this.now } : {}),
    });
    if (init.materials) this.provided = init.materials;
  }

  /** The submission as it stands (hidden data still in it: `check` prunes). */
  submission(): Submission {
    return { answers: this.answers, data: this.data, materials: this.provided };
  }

  /**
   * Checks everything as the server will: the engine prunes hidden data, applies computed
   * values, checks requiredness (fields, questions, materials) and runs the shape validator.
   */
  check(validator: ShapeValidator | undefined): { ok: boolean; errors: ValidationError[]; submission: Submission } {
    const result = checkSubmission(this.composed, this.submission(), validator, this.now ? { now: this.now } : {});
    return {
      ok: result.ok,
      errors: result.errors,
      submission: { answers: result.answers, data: result.data, materials: result.materials },
    };
  }
}

function changeOf(update: FormUpdate, written: string[]): ModelChange {
  return {
    paths: written.length ? [...written, ...update.changed] : update.changed,
    items: update.changedItems,
    materials: update.changedMaterials,
    questions: update.changedQuestions,
  };
}
