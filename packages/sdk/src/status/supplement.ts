import { getPath, setPath, type Json } from '@onething/engine/runtime';
import type { SupplementRequest } from '@onething/form-elements';
import type { SupplementRoundView } from '../api/types.js';

type Data = Record<string, Json>;

/**
 * The payload of a `SUPPLEMENT` event: a JSON Merge Patch (RFC 7396) of the bundle data that
 * sets each flagged field to its corrected value (`null` removes one the person emptied), and
 * the flagged materials' new values. Nothing that was not flagged is sent.
 * @example
 * supplementPatch({ fields: ['child.name'], materials: [] , …}, { child: { name: '李沐阳' } }, {})
 * // { data: { child: { name: '李沐阳' } } }
 */
export function supplementPatch(round: Pick<SupplementRoundView, 'fields' | 'materials'>, data: Data, materials: Data): Data {
  const patch: Data = {};
  for (const path of round.fields) {
    const keys = path.split('.');
    let node = patch;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = (node[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Data;
    }
    node[keys.at(-1)!] = getPath(data, path) ?? null;
  }
  const payload: Data = {};
  if (round.fields.length) payload['data'] = patch;
  const flagged = round.materials.filter((id) => materials[id] !== undefined);
  if (flagged.length) payload['materials'] = Object.fromEntries(flagged.map((id) => [id, materials[id]!]));
  return payload;
}

/**
 * The application's content with corrections made earlier put back (a `supplementPatch` payload):
 * the flagged fields take the corrected values (`null` empties one), the flagged materials given
 * replace theirs. What a reload or a newer revision of the application would otherwise discard.
 * @example applyCorrections(round, app.data, app.materials, kept).data.child.name // '李沐扬'
 */
export function applyCorrections(
  round: Pick<SupplementRoundView, 'fields' | 'materials'>,
  data: Data,
  materials: Data,
  payload: Data,
): { data: Data; materials: Data } {
  let nextData = data;
  const corrected = (payload['data'] ?? {}) as Data;
  for (const path of round.fields) {
    const value = getPath(corrected, path);
    if (value !== undefined) nextData = setPath(nextData, path, value === null ? undefined : value);
  }
  const given = (payload['materials'] ?? {}) as Data;
  const nextMaterials = { ...materials };
  for (const id of round.materials) if (given[id] !== undefined) nextMaterials[id] = given[id]!;
  return { data: nextData, materials: nextMaterials };
}

/**
 * The form's supplement mode for a round: the overall reason at the top, and each flagged field
 * and material with the reason shown beside it — its own, else the overall one (all that rounds
 * recorded before per-entry reasons have). Reasons are shown as the reviewer wrote them.
 * @example supplementRequest({ fields: ['child.name'], materials: [], fieldReasons: { 'child.name': '姓名有误' }, … }).fields
 * // [{ path: 'child.name', reason: { 'zh-CN': '姓名有误', en: '姓名有误' } }]
 */
export function supplementRequest(round: Pick<SupplementRoundView, 'fields' | 'materials' | 'reason' | 'fieldReasons' | 'materialReasons'>): SupplementRequest {
  const as = (s: string) => ({ 'zh-CN': s, en: s });
  const beside = (own: Record<string, string> | undefined, key: string) => {
    const reason = own && Object.hasOwn(own, key) ? own[key] : round.reason;
    return reason ? { reason: as(reason) } : {};
  };
  return {
    ...(round.reason ? { reason: as(round.reason) } : {}),
    fields: round.fields.map((path) => ({ path, ...beside(round.fieldReasons, path) })),
    materials: round.materials.map((id) => ({ id, ...beside(round.materialReasons, id) })),
  };
}
