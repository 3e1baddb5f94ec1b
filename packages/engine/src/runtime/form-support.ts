import type { Json } from '../json.js';
import type { EvaluateOptions } from '../rules/types.js';
import type { FormSnapshot } from './form-state.js';
import { getPath, isJsonObject, isWritablePath, jsonEqual, setPath, type JsonObject } from './paths.js';

/**
 * The form state between two updates: what it shows, and what its rules read — the answers of
 * visible questions and the data without hidden fields and empty values (computed values stay).
 * A hidden value never decides what else is shown, so the form shows exactly what
 * `checkSubmission` keeps.
 */
export interface FormInternals {
  snapshot: FormSnapshot;
  shownAnswers: JsonObject;
  shownData: JsonObject;
  /** The evaluation options of the last update (kept while the active items stay the same). */
  options: EvaluateOptions;
}

/** The current date for date rules (`EvaluateOptions.now`). */
export type Clock = Pick<EvaluateOptions, 'now' | 'utcOffsetMinutes'>;

/**
 * Sweeps at most this many times while hiding a value changes what else is shown. Rules that
 * do not depend on each other in a circle settle in a few sweeps; a circle stops here.
 */
export const MAX_SWEEPS = 32;

/** A set that is copied on its first change, so earlier snapshots keep their own. */
export class Tracked {
  private copied = false;
  constructor(public set: ReadonlySet<string>) {}
  /** Puts `key` in or out; true when that changed the set. */
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

const NOTHING: ReadonlySet<string> = new Set();

/** The state before anything is evaluated. */
export const EMPTY_FORM: FormInternals = {
  snapshot: {
    answers: {},
    data: {},
    active: NOTHING,
    visible: NOTHING,
    required: NOTHING,
    values: {},
    materials: { visible: NOTHING, required: NOTHING, exempt: NOTHING },
    questions: { visible: NOTHING, required: NOTHING },
  },
  shownAnswers: {},
  shownData: {},
  options: {},
};

/**
 * Applies path changes to an object (`whole`: the changes are the new object); returns it and
 * pushes the paths whose value changed.
 */
export function applyChanges(target: JsonObject, changes: Record<string, Json | undefined> | undefined, whole: boolean, changed: string[]): JsonObject {
  if (!changes || !isJsonObject(changes as Json)) return target;
  if (whole) return { ...(changes as JsonObject) };
  let out = target;
  for (const [path, value] of Object.entries(changes)) {
    if (!isWritablePath(path)) continue;
    const next = setPath(out, path, value);
    if (next !== out && !jsonEqual(getPath(out, path), value)) changed.push(path);
    out = next;
  }
  return out;
}
