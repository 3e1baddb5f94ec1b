import type { Registry } from '../definitions/registry-types.js';
import type { Text } from '../definitions/types.generated.js';
import { text } from '../text.js';
import type { FieldTree } from './fields.js';

function textOf(value: unknown): Text | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = value as Record<string, unknown>;
  return typeof t['zh-CN'] === 'string' && typeof t.en === 'string' ? (value as Text) : undefined;
}

/**
 * The title of a concept namespace group (`mother`, `enterprise`, `mother.address`), first found of:
 * 1. a concept dictionary's `namespaces[<namespace>].title` (dictionaries in id order);
 * 2. the `x-title` of an item's group at the same path (an item's `mother` object);
 * 3. a concept whose id is the namespace itself;
 * 4. the title of the first concept met under the namespace;
 * 5. the namespace id.
 * @example namespaceTitle('mother', registry, tree) // { 'zh-CN': '母亲信息', en: 'Mother' }
 */
export function namespaceTitle(namespace: string, registry: Registry, tree: FieldTree): Text {
  for (const id of [...registry.dictionaries.keys()].sort()) {
    const table = registry.dictionaries.get(id)!.definition.namespaces;
    const title = table && Object.prototype.hasOwnProperty.call(table, namespace) ? textOf(table[namespace]?.title) : undefined;
    if (title) return title;
  }
  const fromItem = tree.groupTitles.get(namespace);
  if (fromItem) return fromItem;
  const own = registry.concepts.get(namespace);
  if (own) return own.concept.title;
  const stack = [namespace];
  while (stack.length) {
    const node = tree.nodes.get(stack.shift()!);
    if (!node) continue;
    if (node.concept && node.title) return node.title;
    stack.push(...node.children);
  }
  return text(namespace, namespace);
}
