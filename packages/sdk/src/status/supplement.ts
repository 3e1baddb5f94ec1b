import type { Json } from '@onething/engine/runtime';
import type { SupplementRoundView } from '../api/types.js';

function getAt(data: Record<string, Json>, path: string): Json | undefined {
  let node: Json | undefined = data;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

/**
 * The payload of a `SUPPLEMENT` event: a JSON Merge Patch (RFC 7396) of the bundle data that
 * sets each flagged field to its corrected value (`null` removes one the person emptied), and
 * the flagged materials' new values. Nothing that was not flagged is sent.
 * @example
 * supplementPatch({ fields: ['child.name'], materials: [] , …}, { child: { name: '李沐阳' } }, {})
 * // { data: { child: { name: '李沐阳' } } }
 */
export function supplementPatch(
  round: Pick<SupplementRoundView, 'fields' | 'materials'>,
  data: Record<string, Json>,
  materials: Record<string, Json>,
): Record<string, Json> {
  const patch: Record<string, Json> = {};
  for (const path of round.fields) {
    const keys = path.split('.');
    let node = patch;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      node = (node[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Record<string, Json>;
    }
    node[keys.at(-1)!] = getAt(data, path) ?? null;
  }
  const payload: Record<string, Json> = {};
  if (round.fields.length) payload['data'] = patch;
  const flagged = round.materials.filter((id) => materials[id] !== undefined);
  if (flagged.length) payload['materials'] = Object.fromEntries(flagged.map((id) => [id, materials[id]!]));
  return payload;
}
