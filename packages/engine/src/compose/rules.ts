import type { Json, Rule } from '../json.js';
import type { Loaded } from '../definitions/registry-types.js';
import type { BundleDefinition, FieldRules, ItemDefinition } from '../definitions/types.generated.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pointer } from '../diagnostics/define.js';
import type { FieldTree } from './fields.js';
import { pathMapper, rewriteItemRule } from './item-paths.js';
import { canonical } from './schema-merge.js';

const RULE_KINDS = ['visible', 'required', 'value'] as const;
type RuleKind = (typeof RULE_KINDS)[number];

/** One rule per field and kind from the items' rules, each item's rule applying while that item is active. */
function combineRules(kind: RuleKind, asking: string[], rules: Map<string, Rule>): Rule | undefined {
  if (rules.size === 0) return undefined;
  const distinct = new Set([...rules.values()].map(canonical));
  const first = rules.values().next().value as Rule;
  const everyItemHasOne = asking.every((item) => rules.has(item));
  if (asking.length <= 1 || (distinct.size === 1 && (everyItemHasOne || kind === 'value'))) return first;
  const gate = (item: string): Rule => ({ item_active: item });
  const any = (rules: Rule[]): Rule => (rules.length === 1 ? rules[0]! : { or: rules });
  const guarded = (item: string): Rule => ({ and: [gate(item), rules.get(item)!] });
  switch (kind) {
    case 'visible':
      // Visible while some active item shows it: an item without a visible rule always does.
      return any(asking.map((item) => (rules.has(item) ? guarded(item) : gate(item))));
    case 'required':
      return any(asking.filter((item) => rules.has(item)).map(guarded));
    case 'value': {
      // The first active item that computes it; the first item's formula otherwise.
      const chain: Json[] = [];
      for (const [item, rule] of rules) chain.push(gate(item), rule);
      return { if: [...chain, first] };
    }
  }
}

/** The bundle paths of an item's fields inside its group `itemPath`, except those under `except`. */
function itemLeaves(tree: FieldTree, itemId: string, itemPath: string, except: string | undefined): string[] {
  const outside = (from: string) => except === undefined || (from !== except && !from.startsWith(`${except}.`));
  return (tree.projection[itemId] ?? []).filter((e) => e.kind !== 'group' && e.to.startsWith(`${itemPath}.`) && outside(e.from)).map((e) => e.from);
}

/**
 * Field rules on bundle paths: each item's rules rewritten from its own paths (`rewrite`); where
 * several items rule one shared field differently, each item's rule is guarded by
 * `{"item_active": item}`. The bundle's `ui.rules` (bundle paths) replace them kind by kind.
 */
export function composeRules(
  bundle: BundleDefinition,
  items: ReadonlyArray<Loaded<ItemDefinition>>,
  tree: FieldTree,
  diagnostics: Diagnostic[],
): Record<string, FieldRules> {
  const perPath = new Map<string, Record<RuleKind, Map<string, Rule>>>();
  const entryOf = (path: string) => {
    let entry = perPath.get(path);
    if (!entry) perPath.set(path, (entry = { visible: new Map(), required: new Map(), value: new Map() }));
    return entry;
  };
  /** Adds an item's rule to a field; two rules of one item on one field both hold. */
  const add = (path: string, kind: RuleKind, item: string, rule: Rule) => {
    const rules = entryOf(path)[kind];
    const own = rules.get(item);
    rules.set(item, own === undefined ? rule : { and: [own, rule] });
  };
  for (const loaded of items) {
    const item = loaded.definition;
    const map = pathMapper(tree, item.id);
    for (const [path, rules] of Object.entries(item.ui?.rules ?? {})) {
      if (!rules) continue;
      const target = map(path);
      const moved = RULE_KINDS.map((kind) => {
        const rule = rules[kind];
        return rule === undefined ? undefined : rewriteItemRule(tree, item.id, rule, { file: loaded.file, pointer: pointer('ui', 'rules', path, kind) }, diagnostics);
      });
      // A group's visible rule holds for the item's fields in it. On a group only this item asks
      // for, it stays on the group; on one other items share, it goes to each of the item's
      // fields (the others' fields stay shown); fields that moved out (to concept paths) get it too.
      const node = tree.nodes.get(target);
      const shared = node?.kind === 'group' && node.items.some((other) => other !== item.id);
      if (moved[0] !== undefined) for (const leaf of itemLeaves(tree, item.id, path, shared ? undefined : target)) add(leaf, 'visible', item.id, moved[0]);
      if (!node) continue;
      RULE_KINDS.forEach((kind, i) => {
        if (moved[i] !== undefined && !(kind === 'visible' && shared)) add(target, kind, item.id, moved[i]);
      });
    }
    // A field the item requires inside a group it does not: required once the group is filled in.
    for (const [path, rule] of tree.requiredWhenGroupFilled.get(item.id) ?? []) {
      const required = entryOf(path).required;
      const own = required.get(item.id);
      required.set(item.id, own === undefined ? rule : { or: [own, rule] });
    }
  }
  const out: Record<string, FieldRules> = {};
  for (const path of tree.nodes.keys()) {
    const entry = perPath.get(path);
    const own = bundle.ui?.rules?.[path];
    if (!entry && !own) continue;
    const rules: FieldRules = {};
    for (const kind of RULE_KINDS) {
      const rule = own?.[kind] ?? (entry ? combineRules(kind, tree.nodes.get(path)!.items, entry[kind]) : undefined);
      if (rule !== undefined) rules[kind] = rule;
    }
    if (Object.keys(rules).length) out[path] = rules;
  }
  return out;
}
