import type { Json } from '../json.js';
import type { ComposedBundle } from '../compose/types.js';
import { getPath, isJsonObject, putPath, type JsonObject } from './paths.js';

/**
 * Splits bundle data into each item's own data (`composed.projection`): a shared concept value
 * goes to every item that asks for it, at that item's own path; groups an item requires are
 * created even when empty. Values are shared with `data`, not copied.
 * @example project(composed, { mother: { name: '李梅' } })['household-registration'] // { mother: { name: '李梅' } }
 */
export function project(composed: ComposedBundle, data: Record<string, Json>): Record<string, Record<string, Json>> {
  const out: Record<string, Record<string, Json>> = {};
  for (const [item, entries] of Object.entries(composed.projection)) {
    const own: JsonObject = {};
    for (const entry of entries) {
      if (entry.kind === 'group') continue;
      const value = getPath(data, entry.from);
      if (value !== undefined) putPath(own, entry.to, value);
    }
    for (const entry of entries) {
      if (entry.kind !== 'group') continue;
      const dot = entry.to.lastIndexOf('.');
      const parent = dot === -1 ? own : getPath(own, entry.to.slice(0, dot));
      if (isJsonObject(parent) && getPath(own, entry.to) === undefined) putPath(own, entry.to, {});
    }
    out[item] = own;
  }
  return out;
}

/**
 * Merges items' own data back into bundle data: the inverse of `project`. Where items disagree
 * on a shared value, the first item in bundle order wins.
 * @example unproject(composed, project(composed, data)) // the values of data
 */
export function unproject(composed: ComposedBundle, itemData: Record<string, Record<string, Json>>): Record<string, Json> {
  const data: JsonObject = {};
  for (const item of composed.items) {
    const own = itemData[item.id];
    if (!isJsonObject(own)) continue;
    for (const entry of composed.projection[item.id] ?? []) {
      if (entry.kind === 'group') continue;
      const value = getPath(own, entry.to);
      if (value !== undefined && getPath(data, entry.from) === undefined) putPath(data, entry.from, value);
    }
  }
  return data;
}
