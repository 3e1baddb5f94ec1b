import type { Json } from '../json.js';
import { copyObject } from './data.js';
import type { ApplicationContext, ItemState } from './types.js';

type JsonObject = { [key: string]: Json };

/**
 * The application context with one item's state changed by `patch`; the rest is shared.
 * Not written with spreads on purpose: in Node 20, copying a parsed object with a spread and
 * adding a key it lacks (`{ ...item, outcome }`) takes V8's slow path — about 1 µs, as much as
 * the rest of the action — and this runs in every step that decides an item (see data.ts).
 * @example withItem(context, 'hukou', { outcome: 'approved' }).items.hukou.outcome // 'approved'
 */
export function withItem(context: ApplicationContext, id: string, patch: Partial<ItemState>): ApplicationContext {
  const items = copyObject(context.items as unknown as JsonObject) as unknown as ApplicationContext['items'];
  items[id] = Object.assign({ context: {} }, context.items[id], patch);
  return Object.assign({}, context, { items });
}
