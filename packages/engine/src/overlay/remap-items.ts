import type { Diagnostic } from '../diagnostics/types.js';
import type { Json } from '../json.js';
import type { OverlayDefinition } from '../definitions/types.generated.js';
import { pointer, report } from '../diagnostics/define.js';
import { overlayUnusedMapping } from '../diagnostics/codes/exchange.js';
import { text } from '../text.js';
import { isObject } from './merge-patch.js';
import { within } from './pointer.js';

type ItemMap = NonNullable<NonNullable<OverlayDefinition['remap']>['items']>;

/**
 * Points a bundle's item entries at the region's adapted items (`remap.items`: base item id →
 * `{ item, version }`), in the (already copied) definition. Entries the patch wrote are left
 * alone; a mapping no base entry uses is a warning — also every mapping of an item overlay.
 * @example remapItems(copy, { 'household-registration': { item: 'xinyang-household-registration', version: '^1.0.0' } }, [], 'overlays/nb.json')
 */
export function remapItems(definition: Record<string, Json>, items: ItemMap, written: string[], overlayFile: string): Diagnostic[] {
  const used = new Set<string>();
  const entries = definition.kind === 'bundle' && Array.isArray(definition.items) ? definition.items : [];
  entries.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.item !== 'string' || written.some((w) => within(`/items/${i}`, w))) return;
    const to = Object.hasOwn(items, entry.item) ? items[entry.item] : undefined;
    if (!to) return;
    used.add(entry.item);
    entry.item = to.item;
    entry.version = to.version;
  });
  return Object.keys(items)
    .filter((id) => !used.has(id))
    .map((id) => report(overlayUnusedMapping, { file: overlayFile, pointer: pointer('remap', 'items', id) }, { what: text('事项引用', 'bundle item'), key: id }));
}
