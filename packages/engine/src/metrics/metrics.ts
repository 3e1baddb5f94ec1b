import type { ComposedBundle } from '../compose/types.js';
import type { Metrics, Reduction } from './types.js';

/**
 * A reduction with its percentage rounded to 0.1.
 * @example reduction(20, 5) // { before: 20, after: 5, percent: 75 }
 */
export function reduction(before: number, after: number): Reduction {
  const percent = before === 0 ? 0 : Math.round(((before - after) / before) * 1000) / 10;
  return { before, after, percent: percent + 0 };
}

/**
 * The report's reductions for a composed bundle (docs/architecture.md, "Composition"):
 * - trips: Σ item `limits.visits` → the bundle's `limits.visits`;
 * - timeLimit: Σ item `promisedDays` → `acceptDays` + the slowest item (handled in parallel);
 * - materials: Σ required materials of each item → required materials after de-duplication,
 *   without those an e-licence replaces (exempt);
 * - steps: Σ item steps → 1 joint acceptance + the most non-acceptance steps of one item;
 * - fields: Σ item fields → fields of the merged form.
 * Counts the active items when the bundle was composed with answers, otherwise all of them.
 * @example metrics(composed).timeLimit // { before: 11, after: 6, percent: 45.5 }
 */
export function metrics(composed: ComposedBundle): Metrics {
  const included = composed.active === null ? composed.items : composed.items.filter((item) => composed.active!.includes(item.id));
  const ids = new Set(included.map((item) => item.id));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const max = (values: number[]) => (values.length ? Math.max(...values) : 0);

  const requiredBy = (m: ComposedBundle['materials'][number]) => m.requiredBy ?? (m.required ? m.items : []);
  const materialsBefore = sum(composed.materials.map((m) => m.merged.filter((e) => ids.has(e.item) && requiredBy(m).includes(e.item)).length));
  const materialsAfter = composed.materials.filter((m) => !m.exempt && requiredBy(m).some((item) => ids.has(item))).length;

  const ownFields = (item: string) => (composed.projection[item] ?? []).filter((entry) => entry.kind !== 'group').length;
  const mergedFields = Object.values(composed.fields).filter((f) => f.kind !== 'group' && f.items.some((item) => ids.has(item))).length;

  return {
    trips: reduction(sum(included.map((i) => i.limits.visits)), included.length ? composed.bundle.limits.visits : 0),
    timeLimit: reduction(
      sum(included.map((i) => i.limits.promisedDays)),
      included.length ? composed.bundle.limits.acceptDays + max(included.map((i) => i.limits.promisedDays)) : 0,
    ),
    materials: reduction(materialsBefore, materialsAfter),
    steps: reduction(
      sum(included.map((i) => i.steps.length)),
      included.length ? 1 + max(included.map((i) => i.steps.filter((s) => s.kind !== 'accept').length)) : 0,
    ),
    fields: reduction(sum(included.map((i) => ownFields(i.id))), mergedFields),
    items: included.map((i) => i.id),
  };
}
