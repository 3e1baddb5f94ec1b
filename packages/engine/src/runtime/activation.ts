import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import { evaluate } from '../rules/evaluate.js';
import { truthy } from '../rules/coerce.js';
import type { EvaluateOptions } from '../rules/types.js';

/**
 * The items active for these guidance answers, in bundle order: those without `when`, and
 * those whose `when` holds.
 * @example activeItems(composed, { settleInHubei: false }) // ['birth-medical-certificate', 'vaccination-certificate']
 */
export function activeItems(composed: ComposedBundle, answers: Record<string, Json>, options: Pick<EvaluateOptions, 'now' | 'utcOffsetMinutes'> = {}): string[] {
  return composed.items.filter((item) => item.when === undefined || truthy(evaluate(item.when, answers, options))).map((item) => item.id);
}
