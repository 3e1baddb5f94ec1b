import type { ComposedBundle } from '@onething/engine/runtime';
import { enumOptions, schemaAt, typeOf } from '../model/schema.js';
import { fieldId, type FieldInfo } from '../render/host.js';
import { ANSWERS } from '../render/questions.js';
import type { WidgetRegistry } from '../widgets/registry.js';

/**
 * Resolves what the renderers need to know about a path — schema, widget hints, widget, kind,
 * children — once; `<ot-form>` caches the result per path. Paths under `answers/` are guidance
 * questions; paths with numeric segments are rows of repeatable groups (`children.0.name`).
 * @example resolveInfo(composed, widgets, 'mother.idNumber')?.widget.type // 'resident-id'
 */
export function resolveInfo(composed: ComposedBundle, widgets: WidgetRegistry, path: string): FieldInfo | undefined {
  if (path.startsWith(ANSWERS)) {
    const key = path.slice(ANSWERS.length);
    const schema = composed.questions.properties?.[key];
    if (!schema) return undefined;
    const ui = composed.questionsUi?.fields?.[key] ?? {};
    // A question must be answered: a boolean one gets Yes/No radios rather than a checkbox.
    const hint = ui.widget ?? (typeOf(schema) === 'boolean' ? 'radio' : undefined);
    return {
      path,
      id: `q-${key}`,
      kind: 'value',
      schema,
      ui,
      widget: widgets.pick(schema, hint),
      children: [],
      options: enumOptions(schema),
    };
  }
  const schema = schemaAt(composed.schema, path);
  if (!schema) return undefined;
  const ui = composed.ui.fields[path] ?? (/\.\d/.test(path) ? composed.ui.fields[path.replace(/\.\d+(?=\.|$)/g, '')] : undefined) ?? {};
  const type = typeOf(schema);
  // A boolean the person must answer gets Yes/No radios: an unticked checkbox can't say "no, I answered".
  const hint = ui.widget ?? (type === 'boolean' && mustAnswer(composed, path) ? 'radio' : undefined);
  // A list of objects is a repeatable group; a list of choices (enum items) is one field with checkboxes.
  const rows = type === 'array' && typeof schema.items === 'object' && typeOf(schema.items) === 'object';
  const kind = type === 'object' ? 'group' : rows ? 'list' : type === 'array' ? 'value' : (composed.fields[path]?.kind ?? 'value');
  return {
    path,
    id: fieldId(path),
    kind,
    schema,
    ui,
    widget: widgets.pick(schema, hint),
    children: kind === 'group' ? Object.keys(schema.properties ?? {}).map((key) => `${path}.${key}`) : [],
    options: enumOptions(schema),
  };
}

/** True when some item requires the field or a rule can make it required. */
function mustAnswer(composed: ComposedBundle, path: string): boolean {
  return (composed.fields[path]?.requiredBy.length ?? 0) > 0 || composed.rules[path]?.required !== undefined;
}
