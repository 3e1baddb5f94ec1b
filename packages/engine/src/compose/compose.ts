import type { Json } from '../json.js';
import type { Loaded, Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition, Text } from '../definitions/types.generated.js';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import { pointer, report } from '../diagnostics/define.js';
import { duplicateBundleItem, invalidDefinition, itemVersionUnmatched, unknownItem } from '../diagnostics/codes/definition.js';
import { validateDefinition } from '../definitions/meta-validate.js';
import { hashDefinition } from '../definitions/hash.js';
import { text } from '../text.js';
import { activeItems } from '../runtime/activation.js';
import { buildFieldTree } from './fields.js';
import { composeMaterials } from './materials.js';
import { namespaceTitle } from './namespaces.js';
import { composeSchema } from './output.js';
import type { ComposedBundle, ComposedItem } from './types.js';
import { composeRules } from './rules.js';
import { composeQuestionsUi, composeSections, composeWidgetHints } from './ui.js';

/** Options of `compose`. */
export interface ComposeOptions {
  /** The current date for date rules in `when` (see `EvaluateOptions.now`); the engine never reads the clock. */
  now?: string | Date;
}

function isLoaded(value: BundleDefinition | Loaded<BundleDefinition>): value is Loaded<BundleDefinition> {
  return typeof value === 'object' && value !== null && 'definition' in value && typeof value.definition === 'object' && value.definition !== null;
}

/** What an invalid bundle composes to: nothing to fill in (its diagnostics say why). */
const INVALID_BUNDLE: BundleDefinition = {
  kind: 'bundle',
  id: 'invalid',
  version: '0.0.0',
  title: text('无效的一件事', 'Invalid bundle'),
  region: '000000',
  lead: { id: 'unknown', title: text('未知', 'Unknown') },
  questions: { type: 'object', properties: {} },
  items: [] as unknown as BundleDefinition['items'], // the meta-schema wants one; composing none is fine
};

/**
 * Composes a bundle into one form (docs/composition.md): resolves each item's version range,
 * merges fields bound to the same concept, de-duplicates materials, moves item rules onto
 * bundle paths and, given the guidance answers, says which items are active. Never throws on
 * bad definitions: problems come back as diagnostics and the result is as complete as it can be.
 * @example
 * const { value: composed, diagnostics } = compose(registry.bundle('newborn-birth')!, registry, { settleInHubei: true });
 * composed.fields['mother.name'].items // ['birth-medical-certificate', 'household-registration', …]
 */
export function compose(
  bundle: BundleDefinition | Loaded<BundleDefinition>,
  registry: Registry,
  answers?: Record<string, Json> | null,
  options: ComposeOptions = {},
): Result<ComposedBundle> {
  const given: Loaded<BundleDefinition> = isLoaded(bundle) ? bundle : asLoaded(bundle, registry);
  const diagnostics: Diagnostic[] = [];
  // A bundle that did not come through `load` is checked against its meta-schema first.
  const { id, version } = (given.definition ?? {}) as Partial<BundleDefinition>;
  const fromRegistry = given.definition != null && registry.bundle(String(id), String(version))?.definition === given.definition;
  for (const problem of fromRegistry ? [] : validateDefinition('bundle', given.definition)) {
    diagnostics.push(report(invalidDefinition, { file: given.file, pointer: problem.pointer }, { problem: problem.problem }));
  }
  const loaded: Loaded<BundleDefinition> = diagnostics.length ? { definition: INVALID_BUNDLE, file: given.file, hash: '' } : given;
  const definition = loaded.definition;

  // 1. Resolve the items.
  const resolved: Array<{ loaded: Loaded<ItemDefinition>; when?: Json }> = [];
  const entries = Array.isArray(definition.items) ? definition.items : [];
  const listed = new Map<string, number>();
  entries.forEach((entry, index) => {
    const first = listed.get(entry.item);
    if (first !== undefined) {
      diagnostics.push(report(duplicateBundleItem, { file: loaded.file, pointer: pointer('items', index, 'item') }, { item: entry.item, first }));
      return;
    }
    listed.set(entry.item, index);
    const at = { file: loaded.file, pointer: pointer('items', index, 'version') };
    const found = registry.resolveItem(entry.item, entry.version);
    if (!found) {
      const versions = registry.items.get(entry.item);
      if (!versions) diagnostics.push(report(unknownItem, { ...at, pointer: pointer('items', index, 'item') }, { item: entry.item }));
      else diagnostics.push(report(itemVersionUnmatched, at, { item: entry.item, range: entry.version, versions: [...versions.keys()].join(', ') }));
      return;
    }
    resolved.push({ loaded: found, ...(entry.when !== undefined ? { when: entry.when } : {}) });
  });
  const items = resolved.map((r) => r.loaded);

  // 2. Fields, schema, UI, rules, materials.
  const tree = buildFieldTree(items, registry);
  diagnostics.push(...tree.diagnostics);
  const titles = new Map<string, Text>();
  const groupTitle = (path: string) => {
    let title = titles.get(path);
    if (!title) titles.set(path, (title = namespaceTitle(path, registry, tree)));
    return title;
  };
  for (const root of tree.roots) if (tree.nodes.get(root)?.namespace) groupTitle(root);
  const { schema, fields } = composeSchema(tree, groupTitle);
  const sections = composeSections(loaded, items, tree, titles, diagnostics);
  const materials = composeMaterials(items, registry, tree, diagnostics);

  const composedItems: ComposedItem[] = resolved.map(({ loaded: item, when }) => {
    const d = item.definition;
    return {
      id: d.id,
      version: d.version,
      hash: item.hash,
      title: d.title,
      ...(d.description ? { description: d.description } : {}),
      department: d.department,
      region: d.region,
      limits: d.limits,
      steps: d.steps,
      ...(when !== undefined ? { when } : {}),
    };
  });
  const limits = definition.limits ?? {};

  const composed: ComposedBundle = {
    format: 'onething.composed/1',
    bundle: {
      id: definition.id,
      version: definition.version,
      hash: loaded.hash,
      title: definition.title,
      ...(definition.description ? { description: definition.description } : {}),
      region: definition.region,
      lead: definition.lead,
      limits: {
        visits: limits.visits ?? 0,
        acceptDays: limits.acceptDays ?? 1,
        days: limits.days ?? 'working',
      },
    },
    questions: definition.questions,
    questionsUi: composeQuestionsUi(definition),
    ...(definition.questionsUi?.rules ? { questionRules: pruneRules(definition.questionsUi.rules) } : {}),
    items: composedItems,
    schema,
    fields,
    ui: { layout: definition.ui?.layout ?? 'sections', sections, fields: composeWidgetHints(definition, items, tree) },
    rules: composeRules(definition, items, tree, diagnostics),
    materials,
    projection: tree.projection,
    active: null,
  };

  // 3. Activation over the answers, as the form decides it (a hidden question's answer switches nothing).
  if (answers !== undefined && answers !== null) composed.active = activeItems(composed, answers, options.now === undefined ? {} : { now: options.now });
  const counted = composed.active === null ? composedItems : composedItems.filter((i) => composed.active!.includes(i.id));
  if (limits.visits === undefined) composed.bundle.limits.visits = Math.max(0, ...counted.map((i) => i.limits.visits));
  return { value: composed, diagnostics };
}

/** A bare bundle definition: the registry's entry when it is the same object, else hashed here. */
function asLoaded(bundle: BundleDefinition, registry: Registry): Loaded<BundleDefinition> {
  if (typeof bundle !== 'object' || bundle === null) return { definition: bundle, file: 'bundles/bundle.json', hash: '' };
  const known = typeof bundle.id === 'string' ? registry.bundle(bundle.id, bundle.version) : undefined;
  if (known && known.definition === bundle) return known;
  let hash = '';
  try {
    hash = hashDefinition(bundle);
  } catch {
    // Not JSON (a cycle, NaN): it composes all the same, with no content hash.
  }
  return { definition: bundle, file: known?.file ?? `bundles/${String(bundle.id)}.json`, hash };
}

function pruneRules<T>(rules: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [path, rule] of Object.entries(rules)) if (rule !== undefined) out[path] = rule;
  return out;
}
