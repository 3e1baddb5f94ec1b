import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import type { EvaluateOptions } from '../rules/types.js';
import { evaluateAnswers } from './form-answers.js';
import { EMPTY_FORM } from './form-support.js';
import { planOf } from './plan.js';

/**
 * The items active for these guidance answers, in bundle order: those without `when`, and
 * those whose `when` holds over the answers of the visible questions (as the form decides).
 * @example activeItems(composed, { settleInHubei: false }) // ['birth-medical-certificate', 'vaccination-certificate']
 */
export function activeItems(composed: ComposedBundle, answers: Record<string, Json>, options: Pick<EvaluateOptions, 'now' | 'utcOffsetMinutes'> = {}): string[] {
  const { active } = evaluateAnswers(planOf(composed), EMPTY_FORM, answers, [], options, true);
  return composed.items.filter((item) => active.has(item.id)).map((item) => item.id);
}
