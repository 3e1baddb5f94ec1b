import { createFormState, type ComposedBundle, type Json, type JsonSchema, type Text } from '@onething/engine';
import { getAt, schemaAt, titleOf } from './schema.js';

/** One field as staff review it: its title, the schema to read its value with, and the value. */
export interface ReviewField {
  path: string;
  title: Text;
  schema: JsonSchema | undefined;
  value: Json | undefined;
  /** The title of the group it belongs to when its section mixes several groups (Mother, Father). */
  group?: Text;
  pii: 'none' | 'personal' | 'sensitive';
  /** A repeatable group: its rows, each a list of fields. */
  rows?: ReviewField[][];
  /** Computed by a rule (the applicant did not type it). */
  computed: boolean;
}

/** A section of the application's data, as the merged form shows it. */
export interface ReviewSection {
  id: string;
  title: Text;
  fields: ReviewField[];
}

/** A material the applicant was asked for, and what they provided. */
export interface ReviewMaterial {
  id: string;
  title: Text;
  required: boolean;
  /** An e-licence can replace the upload (免提交). */
  exempt: boolean;
  eLicenseType?: string;
  files: Array<{ sha256: string; name: string; size: number; type: string }>;
  /** The e-licence the applicant chose instead of an upload; without `number` the department retrieves it by type. */
  eLicense?: { type: string; number?: string };
  /** Items that ask for it. */
  items: string[];
}

/** What the application view shows of an application's content. */
export interface ReviewModel {
  answers: ReviewField[];
  sections: ReviewSection[];
  materials: ReviewMaterial[];
  active: ReadonlySet<string>;
}

/** A section entry's leaf fields: itself, or a group's fields (in schema order; lists count as one field). */
function leavesOf(composed: ComposedBundle, path: string): string[] {
  const field = composed.fields[path];
  if (!field || field.kind !== 'group') return [path];
  const prefix = `${path}.`;
  const inList = (p: string) => {
    for (let i = p.lastIndexOf('.'); i > 0; i = p.lastIndexOf('.', i - 1)) if (composed.fields[p.slice(0, i)]?.kind === 'list') return true;
    return false;
  };
  return Object.keys(composed.fields).filter((p) => p.startsWith(prefix) && composed.fields[p]!.kind !== 'group' && !inList(p));
}

function listRows(composed: ComposedBundle, path: string, value: Json | undefined): ReviewField[][] {
  if (!Array.isArray(value)) return [];
  const items = schemaAt(composed.schema, path)?.items;
  const itemSchema = typeof items === 'object' ? items : undefined;
  return value.map((row, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row) || !itemSchema?.properties) {
      return [{ path: `${path}.${index}`, title: titleOf(itemSchema, `${path}.${index}`), schema: itemSchema, value: row, pii: 'none', computed: false }];
    }
    return Object.entries(itemSchema.properties).map(([key, schema]) => ({
      path: `${path}.${index}.${key}`,
      title: titleOf(schema, key),
      schema,
      value: (row as Record<string, Json>)[key],
      pii: 'none' as const,
      computed: false,
    }));
  });
}

/**
 * The application's answers, data and materials arranged as its merged form shows them:
 * sections of the active items with the visible fields (the engine's form state decides what is
 * visible, as for the applicant), titles and values, and the materials asked for. With `focus`
 * (item ids), only what those items ask for — a department reviewer's view of their items.
 * @example reviewModel(composed, app.answers, app.data, app.materials).sections[0].fields[0].title // { 'zh-CN': '与新生儿关系', … }
 */
export function reviewModel(
  composed: ComposedBundle,
  answers: Record<string, Json>,
  data: Record<string, Json>,
  materials: Record<string, Json>,
  now?: string,
  focus?: readonly string[],
): ReviewModel {
  const state = createFormState(composed, { answers, data, ...(now ? { now } : {}) }).current;
  // a reviewer's view: only what their items ask for (the fields their projection maps, their materials)
  const scopes = focus?.map((item) => flaggable(composed, item));
  const inFocus = (path: string) => !scopes || scopes.some((s) => s.fields(path));
  const materialInFocus = (id: string) => !scopes || scopes.some((s) => s.materials(id));
  const questionProps = composed.questions.properties ?? {};
  const answerRows: ReviewField[] = Object.entries(questionProps)
    .filter(([key]) => state.questions.visible.has(key) || answers[key] !== undefined)
    .map(([key, schema]) => ({ path: key, title: titleOf(schema, key), schema, value: answers[key], pii: 'none', computed: false }));

  const sections: ReviewSection[] = [];
  for (const section of composed.ui.sections) {
    if (section.items.length && !section.items.some((i) => state.active.has(i))) continue;
    const paths = section.fields.flatMap((p) => leavesOf(composed, p)).filter((p) => state.visible.has(p) && inFocus(p));
    if (!paths.length) continue;
    const parents = new Set(paths.map((p) => p.split('.').slice(0, -1).join('.')));
    const fields = paths.map((path): ReviewField => {
      const schema = schemaAt(composed.schema, path);
      const field = composed.fields[path];
      const value = getAt(state.data, path);
      const parent = path.split('.').slice(0, -1).join('.');
      const row: ReviewField = { path, title: titleOf(schema, path), schema, value, pii: field?.pii ?? 'none', computed: path in state.values };
      if (parents.size > 1 && parent) row.group = titleOf(schemaAt(composed.schema, parent), parent);
      // repeatable groups (arrays of objects) as rows; arrays of options read as one value
      const items = schema?.items;
      if (field?.kind === 'list' && typeof items === 'object' && items.type === 'object') row.rows = listRows(composed, path, value);
      return row;
    });
    sections.push({ id: section.id, title: section.title, fields });
  }

  const reviewMaterials: ReviewMaterial[] = composed.materials
    .filter((m) => (state.materials.visible.has(m.id) || materials[m.id] !== undefined) && materialInFocus(m.id))
    .map((m) => {
      const value = materials[m.id] as { files?: ReviewMaterial['files']; eLicense?: ReviewMaterial['eLicense'] } | undefined;
      return {
        id: m.id,
        title: m.title,
        required: state.materials.required.has(m.id),
        exempt: state.materials.exempt.has(m.id),
        ...(m.eLicense ? { eLicenseType: m.eLicense } : {}),
        files: Array.isArray(value?.files) ? value.files : [],
        ...(value?.eLicense ? { eLicense: value.eLicense } : {}),
        items: m.items,
      };
    });
  return { answers: answerRows, sections, materials: reviewMaterials, active: state.active };
}

/**
 * The field paths and material ids a supplement request may flag in a scope: everything for the
 * window (`bundle`), or an item's own fields (those its projection maps) and materials — the same
 * rule the engine's `requestSupplement` checks.
 * @example flaggable(composed, 'birth-medical-certificate').fields('child.name') // true
 */
export function flaggable(composed: ComposedBundle, scope: string): { fields: (path: string) => boolean; materials: (id: string) => boolean } {
  const within = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}.`);
  if (scope === 'bundle') return { fields: (p) => p in composed.fields, materials: (m) => composed.materials.some((x) => x.id === m) };
  const projection = composed.projection[scope] ?? [];
  return {
    fields: (p) => p in composed.fields && projection.some((e) => within(e.from, p) || within(p, e.from)),
    materials: (m) => composed.materials.some((x) => x.id === m && x.items.includes(scope)),
  };
}
