import type { Json, JsonSchema, Rule } from '../json.js';
import type { Registry, Loaded, LoadedConcept } from '../definitions/registry-types.js';
import type { ItemDefinition, Text } from '../definitions/types.generated.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { escapePointer, report } from '../diagnostics/define.js';
import { composeKeywordDropped, composeRecursiveRef } from '../diagnostics/codes/compose.js';
import { conceptNamespaceCollision } from '../diagnostics/codes/definition.js';
import { text } from '../text.js';
import type { ComposedField, ProjectionEntry } from './types.js';
import { combine, conceptLabel, emptyMerge, itemLabel, type Conflict, type MergedSchema, type Origin } from './schema-merge.js';
import { conflictDiagnostic } from './conflicts.js';
import { inlineRefs } from './refs.js';

/** One field of the merged form while it is being built. */
export interface FieldNode {
  path: string;
  kind: ComposedField['kind'];
  concept?: string;
  items: string[];
  requiredBy: string[];
  sources: Array<{ item: string; pointer: string }>;
  pii: ComposedField['pii'];
  eLicenses?: string[];
  title?: Text;
  /** For values and lists: the combined schema. For groups: their annotations. */
  merged: MergedSchema;
  /** Child paths, in the order fields were first met. */
  children: string[];
  /** A group created only because concept ids share this prefix (`mother` of `mother.name`). */
  namespace: boolean;
  /** Whether the concept's own fragment has been combined in (once per field, not per item). */
  conceptCombined?: boolean;
  /** The first item property that made this field, for messages about later disagreements. */
  origin?: Origin;
}

/** The merged fields of a bundle and how each item's paths map onto them. */
export interface FieldTree {
  nodes: Map<string, FieldNode>;
  /** Top-level paths: concept namespaces first (in the order met), then item groups in bundle order. */
  roots: string[];
  projection: Record<string, ProjectionEntry[]>;
  /** Per item: item path → bundle path, for every field and group of the item. */
  paths: Map<string, Map<string, string>>;
  /**
   * Per item: fields the item requires inside a group it does not require, with the rule
   * "required while any other field of that group has a value" (bundle paths).
   */
  requiredWhenGroupFilled: Map<string, Map<string, Rule>>;
  /** Titles of item groups sitting at a namespace's own path (`mother` in an item), by namespace. */
  groupTitles: Map<string, Text>;
  diagnostics: Diagnostic[];
}

/** Keywords a group keeps; other object-level assertions cannot be expressed once its fields move. */
const GROUP_STRUCTURE = new Set(['type', 'properties', 'required', 'additionalProperties', '$defs', 'definitions', 'x-concept', '$schema', '$id', '$comment']);
const GROUP_ANNOTATION = /^(x-.*|title|description|examples|deprecated|readOnly|writeOnly)$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasRef(node: unknown, depth = 0): boolean {
  if (depth > 64 || typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some((n) => hasRef(n, depth + 1));
  if (typeof (node as Record<string, unknown>).$ref === 'string') return true;
  for (const value of Object.values(node)) if (hasRef(value, depth + 1)) return true;
  return false;
}

function typeList(schema: JsonSchema): string[] {
  const t = schema.type;
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function kindOf(schemas: JsonSchema[]): FieldNode['kind'] {
  const types = schemas.flatMap(typeList);
  if (types.includes('array') || schemas.some((s) => s.items !== undefined || s.prefixItems !== undefined)) return 'list';
  const objectish = types.length === 0 || types.includes('object');
  if (objectish && schemas.some((s) => isObject(s.properties))) return 'group';
  return 'value';
}

function textOf(value: unknown): Text | undefined {
  if (isObject(value) && typeof value['zh-CN'] === 'string' && typeof value.en === 'string') return value as unknown as Text;
  return undefined;
}

/**
 * Walks every item's schema and merges their fields into one tree of bundle-data paths:
 * a field bound to a concept lands at the concept path (shared, constraints combined), any
 * other under the item's id. Arrays (repeatable groups) are taken whole.
 */
export function buildFieldTree(items: ReadonlyArray<Loaded<ItemDefinition>>, registry: Registry): FieldTree {
  const tree: FieldTree = { nodes: new Map(), roots: [], projection: {}, paths: new Map(), requiredWhenGroupFilled: new Map(), groupTitles: new Map(), diagnostics: [] };
  const itemIds = new Set(items.map((item) => item.definition.id));
  const collided = new Set<string>();

  const node = (path: string, kind: FieldNode['kind'], namespace: boolean): FieldNode => {
    let found = tree.nodes.get(path);
    if (!found) {
      found = { path, kind, items: [], requiredBy: [], sources: [], pii: 'none', merged: emptyMerge(), children: [], namespace };
      tree.nodes.set(path, found);
      const dot = path.lastIndexOf('.');
      if (dot === -1) tree.roots.push(path);
      else tree.nodes.get(path.slice(0, dot))?.children.push(path);
    }
    return found;
  };
  const addItem = (n: FieldNode, item: string) => {
    if (!n.items.includes(item)) n.items.push(item);
  };

  for (const loaded of items) {
    const item = loaded.definition;
    const itemId = item.id;
    const projection: ProjectionEntry[] = [];
    const paths = new Map<string, string>();
    tree.projection[itemId] = projection;
    tree.paths.set(itemId, paths);
    const root = item.schema;
    const schema = hasRef(root)
      ? inlineRefs(root, root, (ref) => tree.diagnostics.push(report(composeRecursiveRef, { file: loaded.file, pointer: '/schema' }, { ref })))
      : root;
    const itemOrigin = (pointer: string): Origin => ({ label: itemLabel(itemId), file: loaded.file, pointer });
    /** Group metadata met on the way down in this item, by bundle path. */
    const groupInfo = new Map<string, { title?: Text; schema: JsonSchema; pointer: string }>();
    groupInfo.set(itemId, { title: item.title, schema: {}, pointer: '/schema' });

    /** Makes sure every ancestor group of `path` exists and lists `itemId`; false when one is a value. */
    const ensureAncestors = (path: string, origin: Origin): boolean => {
      const segments = path.split('.');
      for (let i = 1; i < segments.length; i++) {
        const prefix = segments.slice(0, i).join('.');
        let group = tree.nodes.get(prefix);
        if (group && group.kind !== 'group') {
          tree.diagnostics.push(conflictDiagnostic(prefix, kindConflict(group, origin, 'group')));
          return false;
        }
        if (!group) {
          const info = groupInfo.get(prefix);
          group = node(prefix, 'group', info === undefined);
          if (info) {
            group.title = info.title;
            group.merged.schema = groupAnnotations(info.schema);
          }
        }
        addItem(group, itemId);
      }
      return true;
    };

    /** Fields required inside an optional group: required while any other field of that group has a value. */
    const conditional: Array<{ bundlePath: string; anchor: string; itemPath: string }> = [];

    /**
     * `anchor` is the item path of the nearest optional group above (`null`: every group up to
     * the root is required, so a field required in its parent is required by the item).
     */
    const walk = (layers: Array<{ schema: JsonSchema; origin: Origin; concept?: boolean }>, itemPrefix: string, bundlePrefix: string, anchor: string | null) => {
      const requiredHere = new Set(layers.flatMap((l) => (Array.isArray(l.schema.required) ? l.schema.required : [])));
      const names: string[] = [];
      for (const layer of layers) if (isObject(layer.schema.properties)) for (const name of Object.keys(layer.schema.properties)) if (!names.includes(name)) names.push(name);
      for (const name of names) {
        const own = layers.flatMap((l) => {
          const sub = isObject(l.schema.properties) ? (l.schema.properties as Record<string, unknown>)[name] : undefined;
          // A boolean schema: `true` accepts any value; `false` none (the property cannot be filled in).
          const schema = sub === true ? {} : sub;
          return isObject(schema) ? [{ schema: schema as JsonSchema, origin: { ...l.origin, pointer: `${l.origin.pointer}/properties/${escapePointer(name)}` }, concept: l.concept }] : [];
        });
        if (own.length === 0) continue;
        const itemPath = itemPrefix ? `${itemPrefix}.${name}` : name;
        const bound = own.map((l) => l.schema['x-concept']).find((c): c is string => typeof c === 'string');
        const bundlePath = bound ?? `${bundlePrefix}.${name}`;
        const concept = bound === undefined ? undefined : registry.concepts.get(bound);
        const requiredInParent = requiredHere.has(name);
        const itemLayer = own.find((l) => !l.concept) ?? own[0]!;

        const namespace = bound?.split('.')[0];
        if (namespace !== undefined && itemIds.has(namespace) && !collided.has(namespace)) {
          collided.add(namespace);
          tree.diagnostics.push(report(conceptNamespaceCollision, { file: loaded.file, pointer: itemLayer.origin.pointer }, { namespace }));
        }
        const contributions = concept ? [conceptLayer(concept), ...own] : own;
        const kind = kindOf(contributions.map((c) => c.schema));
        paths.set(itemPath, bundlePath);

        if (kind === 'group') {
          const title = concept?.concept.title ?? textOf(itemLayer.schema['x-title']);
          groupInfo.set(bundlePath, { ...(title ? { title } : {}), schema: itemLayer.schema, pointer: itemLayer.origin.pointer });
          const groupTitle = textOf(itemLayer.schema['x-title']);
          if (bound === undefined && groupTitle && !tree.groupTitles.has(itemPath)) tree.groupTitles.set(itemPath, groupTitle);
          for (const keyword of Object.keys(itemLayer.schema)) {
            if (!GROUP_STRUCTURE.has(keyword) && !GROUP_ANNOTATION.test(keyword)) {
              tree.diagnostics.push(report(composeKeywordDropped, { file: loaded.file, pointer: `${itemLayer.origin.pointer}/${escapePointer(keyword)}` }, { keyword, path: bundlePath }));
            }
          }
          if (requiredInParent) projection.push({ from: bundlePath, to: itemPath, kind: 'group' });
          walk(contributions, itemPath, bundlePath, requiredInParent ? anchor : itemPath);
          continue;
        }

        if (!ensureAncestors(bundlePath, itemLayer.origin)) continue;
        const field = node(bundlePath, kind, false);
        if (field.kind !== kind) {
          tree.diagnostics.push(conflictDiagnostic(bundlePath, kindConflict(field, itemLayer.origin, kind)));
          continue;
        }
        field.origin ??= itemLayer.origin;
        if (concept) {
          field.concept = bound;
          field.pii = concept.concept.pii;
          field.title = concept.concept.title;
          if (concept.concept.eLicenses?.length) field.eLicenses = [...concept.concept.eLicenses];
        } else if (bound !== undefined) {
          field.concept = bound;
        }
        for (const c of contributions) {
          if (c.concept) {
            if (field.conceptCombined) continue;
            field.conceptCombined = true;
          }
          const { 'x-concept': _c, ...constraints } = c.schema;
          for (const conflict of combine(field.merged, constraints, c.origin)) tree.diagnostics.push(conflictDiagnostic(bundlePath, conflict));
        }
        if (!field.title) field.title = textOf(itemLayer.schema['x-title']) ?? (typeof itemLayer.schema.title === 'string' ? text(itemLayer.schema.title, itemLayer.schema.title) : text(name, name));
        if (!concept) {
          const pii = itemLayer.schema['x-pii'];
          if (pii === 'personal' || pii === 'sensitive') field.pii = pii;
        }
        addItem(field, itemId);
        if (requiredInParent && anchor === null && !field.requiredBy.includes(itemId)) field.requiredBy.push(itemId);
        if (requiredInParent && anchor !== null) conditional.push({ bundlePath, anchor, itemPath });
        field.sources.push({ item: itemId, pointer: itemLayer.origin.pointer });
        projection.push({ from: bundlePath, to: itemPath });
      }
    };

    walk([{ schema, origin: itemOrigin('/schema') }], '', itemId, null);

    const rules = new Map<string, Rule>();
    for (const { bundlePath, anchor, itemPath } of conditional) {
      const others = projection.filter((e) => e.kind !== 'group' && e.to.startsWith(`${anchor}.`) && e.to !== itemPath).map((e) => e.from);
      if (others.length) rules.set(bundlePath, { '!': { missing_some: [1, [...new Set(others)]] } });
    }
    if (rules.size) tree.requiredWhenGroupFilled.set(itemId, rules);
  }

  // Concept namespaces first (in the order met), then the items' own groups in bundle order.
  const byItem = (path: string) => items.findIndex((item) => item.definition.id === path);
  tree.roots = [...tree.roots.filter((p) => !itemIds.has(p)), ...tree.roots.filter((p) => itemIds.has(p)).sort((a, b) => byItem(a) - byItem(b))];
  return tree;
}

function kindConflict(existing: FieldNode, origin: Origin, kind: FieldNode['kind']): Conflict {
  const first = existing.origin ?? { label: existing.namespace ? conceptLabel(existing.path) : itemLabel(existing.items[0] ?? '?'), pointer: '' };
  return { kind: 'type', first, second: origin, firstType: existing.kind, secondType: kind };
}

function conceptLayer(concept: LoadedConcept): { schema: JsonSchema; origin: Origin; concept: true } {
  return {
    schema: concept.concept.schema,
    origin: { label: conceptLabel(concept.id), file: concept.file, pointer: `${concept.pointer}/schema` },
    concept: true,
  };
}

function groupAnnotations(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) if (GROUP_ANNOTATION.test(key) && key !== 'x-concept' && key !== 'x-title') out[key] = value as Json;
  return out;
}
