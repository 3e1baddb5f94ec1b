import type { Json } from '../json.js';
import { applyMergePatch, isObject } from './merge-patch.js';
import { valueAt, within } from './pointer.js';
import { jsonEqual } from '../runtime/paths.js';

/** One place where both the patch and the base changed. */
export interface Conflict {
  /** JSON pointer into the base (and the patch). */
  pointer: string;
}

/**
 * The three-way check of an overlay re-applied to a newer base: `original` is the base the
 * patch was written against, `current` the base now. A conflict is a place the patch writes
 * whose value differs between the two, or an object the patch merges into that is no longer an
 * object in `current` (the patch would resurrect part of something the base removed).
 * Changes the patch does not touch are taken from the new base without comment.
 * @example
 * findConflicts({ limits: { promisedDays: 3 } }, { limits: { promisedDays: 2 } }, { limits: { promisedDays: 1 } })
 * // [{ pointer: '/limits/promisedDays' }]
 */
export function findConflicts(original: Json, current: Json, patch: Json): Conflict[] {
  const { written, merged } = applyMergePatch(original, patch);
  const conflicts: Conflict[] = [];
  for (const at of merged) {
    if (!isObject(valueAt(current, at)) && !conflicts.some((c) => within(at, c.pointer))) conflicts.push({ pointer: at });
  }
  for (const at of written) {
    if (conflicts.some((c) => within(at, c.pointer))) continue;
    if (!jsonEqual(valueAt(original, at), valueAt(current, at))) conflicts.push({ pointer: at });
  }
  return conflicts.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}
