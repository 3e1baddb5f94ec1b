import { text } from '../../text.js';
import type { EagerOperator } from '../types.js';

/**
 * `{"item_active": "household-registration"}`: whether an item of the bundle is active. Compose
 * writes it when several items put different rules on one shared field, so each item's rule
 * applies only while that item is active. The caller passes the active items
 * (`EvaluateOptions.activeItems`); without them every item counts as active.
 */
export const itemActive: EagerOperator = {
  name: 'item_active',
  title: text('事项适用', 'Item applies'),
  args: { min: 1, max: 1 },
  apply([item], ctx) {
    return typeof item === 'string' && ctx.isActive(item);
  },
};

export const itemOperators = [itemActive];
