import { fieldTitle, text, type ComposedBundle, type Json, type Text } from '@onething/engine';

/** The engine's templates whose `fields` and `materials` params list bundle-data paths and material ids. */
const SUPPLEMENT_TEMPLATES = new Set(['onething.supplement-requested', 'onething.supplemented']);
const NONE = text('无', 'none');

/** A field's title from the composed form, with its group's in front unless it already says it (母亲 · 民族, but 母亲姓名). */
function fieldLabel(composed: ComposedBundle, path: string): Text {
  const zh = fieldTitle(composed.schema, path, 'zh-CN', { withGroup: true });
  const en = fieldTitle(composed.schema, path, 'en', { withGroup: true });
  return zh !== undefined && en !== undefined ? text(zh, en) : text(path, path);
}

/** Each entry's title with its own reason after it, as the reviewer wrote it: 新生儿姓名（与出生医学证明不一致）. */
function listed(ids: Json | undefined, reasons: Json | undefined, title: (id: string) => Text): Text[] | undefined {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return undefined;
  if (ids.length === 0) return [NONE];
  const own = reasons && typeof reasons === 'object' && !Array.isArray(reasons) ? reasons : {};
  return (ids as string[]).map((id) => {
    const t = title(id);
    const reason = Object.hasOwn(own, id) && typeof own[id] === 'string' ? (own[id] as string) : undefined;
    return reason ? text(`${t['zh-CN']}（${reason}）`, `${t.en} (${reason})`) : t;
  });
}

/**
 * The params of a supplement notification as people read them: the flagged fields and materials
 * by their titles in the composed form (bilingual), each followed by its own reason when the
 * reviewer gave one; "none" for an empty list. Other templates' params are left as they are.
 * @example supplementParams('onething.supplement-requested', { fields: ['child.name'], fieldReasons: { 'child.name': '有误' } }, composed).fields
 * // [{ 'zh-CN': '新生儿姓名（有误）', en: "Newborn's name (有误)" }]
 */
export function supplementParams(template: string, params: Readonly<Record<string, Json>>, composed: ComposedBundle): Record<string, Json | Text[]> {
  if (!SUPPLEMENT_TEMPLATES.has(template)) return params;
  const out: Record<string, Json | Text[]> = { ...params };
  const fields = listed(params['fields'], params['fieldReasons'], (path) => fieldLabel(composed, path));
  if (fields) out['fields'] = fields;
  const materials = listed(params['materials'], params['materialReasons'], (id) => composed.materials.find((m) => m.id === id)?.title ?? text(id, id));
  if (materials) out['materials'] = materials;
  return out;
}
