import type { JsonSchema } from '../json.js';
import type { Loaded, Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition, OverlayDefinition, Ui } from '../definitions/types.generated.js';
import { pointer } from '../diagnostics/define.js';
import { collectFields, type FieldInfo } from '../definitions/fields.js';
import { buildFieldTree } from '../compose/fields.js';
import { isBundlePath } from '../compose/item-paths.js';

/** Every loaded version of every item. */
export function allItems(registry: Registry): Array<Loaded<ItemDefinition>> {
  return [...registry.items.values()].flatMap((versions) => [...versions.values()]);
}

/** Every loaded version of every bundle. */
export function allBundles(registry: Registry): Array<Loaded<BundleDefinition>> {
  return [...registry.bundles.values()].flatMap((versions) => [...versions.values()]);
}

/** Every loaded version of every overlay. */
export function allOverlays(registry: Registry): Array<Loaded<OverlayDefinition>> {
  return [...registry.overlays.values()].flatMap((versions) => [...versions.values()]);
}

/** Every loaded definition, whatever its kind, with its file. */
export function allDefinitions(registry: Registry): Array<{ definition: unknown; file: string }> {
  return [...allItems(registry), ...allBundles(registry), ...allOverlays(registry), ...registry.dictionaries.values()];
}

/** A JSON Schema inside a definition that describes data: an item's schema, a bundle's questions, a concept's fragment. */
export interface DataSchemaAt {
  schema: JsonSchema;
  file: string;
  pointer: string;
  owner: 'item' | 'bundle' | 'concept';
}

/**
 * Every data schema of the loaded definitions, for the checks every schema gets.
 * @example dataSchemas(registry).map((s) => s.pointer) // ['/schema', '/questions', '/concepts/applicant.name/schema', …]
 */
export function dataSchemas(registry: Registry): DataSchemaAt[] {
  return [
    ...allItems(registry).map((l) => ({ schema: l.definition.schema, file: l.file, pointer: '/schema', owner: 'item' as const })),
    ...allBundles(registry).map((l) => ({ schema: l.definition.questions, file: l.file, pointer: '/questions', owner: 'bundle' as const })),
    ...[...registry.concepts.values()].map((c) => ({ schema: c.concept.schema, file: c.file, pointer: `${c.pointer}/schema`, owner: 'concept' as const })),
  ];
}

/** The fields of an item's data, concepts' sub-fields included. */
export function itemFields(registry: Registry, item: ItemDefinition): FieldInfo[] {
  return collectFields(item.schema, '/schema', (id) => registry.concepts.get(id)?.concept.schema);
}

/** Per registry (the items a bundle resolves to depend on it), per bundle. */
const bundleLookups = new WeakMap<Registry, WeakMap<BundleDefinition, { has(path: string): boolean }>>();

/**
 * The field paths of a bundle's composed data, exactly as `compose` lays them out
 * (docs/architecture.md, "Composition"): concept-bound fields at their concept path, other
 * fields under their item's id; anything inside a list (rows) or a value. Undefined when an
 * item does not resolve — then the bundle's paths cannot be checked.
 * @example bundleDataLookup(registry, bundle)?.has('mother.name') // true
 */
export function bundleDataLookup(registry: Registry, bundle: BundleDefinition): { has(path: string): boolean } | undefined {
  let cache = bundleLookups.get(registry);
  if (!cache) bundleLookups.set(registry, (cache = new WeakMap()));
  const known = cache.get(bundle);
  if (known) return known;
  const items = new Map<string, Loaded<ItemDefinition>>();
  for (const entry of bundle.items) {
    const loaded = registry.resolveItem(entry.item, entry.version);
    if (!loaded) return undefined;
    if (!items.has(entry.item)) items.set(entry.item, loaded);
  }
  const tree = buildFieldTree([...items.values()], registry);
  const lookup = { has: (path: string) => isBundlePath(tree, path) };
  cache.set(bundle, lookup);
  return lookup;
}

/** Where a JSON Logic rule of a definition is evaluated: over an item's data, the guidance answers or the bundle data. */
export type RuleScope = 'item' | 'questions' | 'bundle';

/** A JSON Logic rule found in a definition. */
export interface RuleAt {
  rule: unknown;
  file: string;
  pointer: string;
  scope: RuleScope;
  item?: ItemDefinition;
  bundle?: BundleDefinition;
}

/**
 * Every JSON Logic rule of the loaded items and bundles: `ui.rules` (visible, required,
 * value), materials' `when`, bundle items' `when` and `questionsUi.rules`.
 * @example rulesOf(registry).filter((r) => r.scope === 'questions')
 */
export function rulesOf(registry: Registry): RuleAt[] {
  const found: RuleAt[] = [];
  const fromUi = (ui: Ui | undefined, base: string, at: Omit<RuleAt, 'rule' | 'pointer'>) => {
    for (const [path, rules] of Object.entries(ui?.rules ?? {})) {
      for (const kind of ['visible', 'required', 'value'] as const) {
        if (rules && kind in rules) found.push({ ...at, rule: rules[kind], pointer: pointer(base, 'rules', path, kind) });
      }
    }
  };
  for (const { definition: item, file } of allItems(registry)) {
    fromUi(item.ui, 'ui', { file, scope: 'item', item });
    item.materials.forEach((material, i) => {
      if ('when' in material) found.push({ rule: material.when, file, pointer: pointer('materials', i, 'when'), scope: 'item', item });
    });
  }
  for (const { definition: bundle, file } of allBundles(registry)) {
    bundle.items.forEach((entry, i) => {
      if ('when' in entry) found.push({ rule: entry.when, file, pointer: pointer('items', i, 'when'), scope: 'questions', bundle });
    });
    fromUi(bundle.questionsUi, 'questionsUi', { file, scope: 'questions', bundle });
    fromUi(bundle.ui, 'ui', { file, scope: 'bundle', bundle });
  }
  return found;
}
