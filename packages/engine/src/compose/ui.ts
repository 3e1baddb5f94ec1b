import type { Loaded } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition, Text, Ui, UiField } from '../definitions/types.generated.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { pointer, report } from '../diagnostics/define.js';
import { uiUnknownField } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';
import type { FieldTree } from './fields.js';
import { pathMapper } from './item-paths.js';
import type { ComposedSection, ComposedUi } from './types.js';

/** Every value and list under `path` (itself included), in form order. */
function leaves(tree: FieldTree, path: string): string[] {
  const node = tree.nodes.get(path);
  if (!node) return [];
  return node.kind === 'group' ? node.children.flatMap((child) => leaves(tree, child)) : [path];
}

function sectionItems(tree: FieldTree, fields: string[], order: string[]): string[] {
  const items = new Set<string>();
  for (const path of fields) for (const item of tree.nodes.get(path)?.items ?? []) items.add(item);
  return order.filter((id) => items.has(id));
}

function joined(a: Text, b: Text): Text {
  return { 'zh-CN': `${a['zh-CN']}：${b['zh-CN']}`, en: `${a.en}: ${b.en}` };
}

/**
 * The sections of the composed form. With the bundle's `ui.sections`, those (fields are bundle
 * paths); otherwise shared concept fields first, one section per concept namespace, then each
 * item's own sections holding its fields bound to no concept. Fields no section shows are
 * appended in default sections, so every field is reachable.
 */
export function composeSections(
  bundle: Loaded<BundleDefinition>,
  items: ReadonlyArray<Loaded<ItemDefinition>>,
  tree: FieldTree,
  namespaceTitles: Map<string, Text>,
  diagnostics: Diagnostic[],
): ComposedSection[] {
  const order = items.map((i) => i.definition.id);
  const sections: ComposedSection[] = [];
  const covered = new Set<string>();
  const add = (section: Omit<ComposedSection, 'items'>) => {
    const fields = section.fields.filter((path) => leaves(tree, path).some((leaf) => !covered.has(leaf)));
    if (fields.length === 0) return;
    for (const path of fields) for (const leaf of leaves(tree, path)) covered.add(leaf);
    sections.push({ ...section, fields, items: sectionItems(tree, fields, order) });
  };

  (bundle.definition.ui?.sections ?? []).forEach((section, s) => {
    const known = section.fields.filter((path, f) => {
      if (tree.nodes.has(path)) return true;
      diagnostics.push(report(uiUnknownField, { file: bundle.file, pointer: pointer('ui', 'sections', s, 'fields', f) }, { field: path }));
      return false;
    });
    add({ id: section.id, title: section.title, ...(section.description ? { description: section.description } : {}), fields: known });
  });

  const itemIds = new Set(order);
  for (const root of tree.roots) {
    if (itemIds.has(root)) continue;
    const node = tree.nodes.get(root)!;
    add({ id: root, title: namespaceTitles.get(root) ?? node.title ?? text(root, root), fields: node.kind === 'group' ? node.children : [root] });
  }
  for (const loaded of items) {
    const item = loaded.definition;
    if (!tree.nodes.has(item.id)) continue;
    const map = pathMapper(tree, item.id);
    const own = (path: string) => path === item.id || path.startsWith(`${item.id}.`);
    for (const section of item.ui?.sections ?? []) {
      const fields = section.fields.map(map).filter((path) => own(path) && tree.nodes.has(path));
      add({ id: `${item.id}/${section.id}`, title: joined(item.title, section.title), ...(section.description ? { description: section.description } : {}), fields });
    }
    add({ id: item.id, title: item.title, fields: leaves(tree, item.id).filter((leaf) => !covered.has(leaf)) });
  }
  return sections;
}

/**
 * Widget hints on bundle paths: each item's hints moved to bundle paths (for a shared field the
 * first item's hint wins, key by key), then the bundle's own `ui.fields` on top.
 */
export function composeWidgetHints(bundle: BundleDefinition, items: ReadonlyArray<Loaded<ItemDefinition>>, tree: FieldTree): Record<string, UiField> {
  const hints: Record<string, UiField> = {};
  const merge = (path: string, hint: UiField | undefined, override: boolean) => {
    if (!hint || !tree.nodes.has(path)) return;
    hints[path] = override ? { ...hints[path], ...hint } : { ...hint, ...hints[path] };
  };
  for (const loaded of items) {
    const map = pathMapper(tree, loaded.definition.id);
    for (const [path, hint] of Object.entries(loaded.definition.ui?.fields ?? {})) merge(map(path), hint, false);
  }
  for (const [path, hint] of Object.entries(bundle.ui?.fields ?? {})) merge(path, hint, true);
  return hints;
}

/** The guidance questions' presentation: the bundle's `questionsUi`, or one section with every question. */
export function composeQuestionsUi(bundle: BundleDefinition): ComposedUi {
  const ui: Ui = bundle.questionsUi ?? {};
  const properties = Object.keys((bundle.questions?.properties as Record<string, unknown> | undefined) ?? {});
  const sections: ComposedSection[] = ui.sections?.length
    ? ui.sections.map((s) => ({ id: s.id, title: s.title, ...(s.description ? { description: s.description } : {}), fields: [...s.fields], items: [] }))
    : properties.length
      ? [{ id: 'questions', title: text('您的情况', 'Your situation'), fields: properties, items: [] }]
      : [];
  return { layout: ui.layout ?? 'sections', sections, fields: { ...(ui.fields as Record<string, UiField> | undefined) } };
}
