import type { Json } from '../../../json.js';
import { isObject } from '../../data.js';

/** The most a supplement request may flag, per list (fields, materials). */
export const MAX_SUPPLEMENT_ENTRIES = 200;
/** The longest reason of one flagged field or material. */
export const MAX_ENTRY_REASON = 500;
/** The longest overall reason (the round's note). */
export const MAX_ROUND_REASON = 2000;

/** One flagged field (`key` is its path) or material (`key` is its id), with its own reason if given. */
export interface FlaggedEntry {
  key: string;
  reason?: string;
}

/** A `REQUEST_SUPPLEMENT` payload read and checked for shape (what may be flagged is checked by the action). */
export interface SupplementPayload {
  fields: FlaggedEntry[];
  materials: FlaggedEntry[];
  /** The overall reason, trimmed; absent when none was given. */
  reason?: string;
}

type Parsed<T> = { value: T } | { problem: string };

/** A flagged list: `undefined` is none; each entry a key or `{ <name>: key, reason? }`. */
function entries(list: Json | undefined, name: 'fields' | 'materials', key: 'path' | 'id'): Parsed<FlaggedEntry[]> {
  if (list === undefined) return { value: [] };
  const shape = `${name} must be an array of ${key === 'path' ? 'field paths' : 'material ids'} or { ${key}, reason } objects`;
  if (!Array.isArray(list)) return { problem: shape };
  if (list.length > MAX_SUPPLEMENT_ENTRIES) return { problem: `${name} may name at most ${MAX_SUPPLEMENT_ENTRIES} entries` };
  const out: FlaggedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    let found: FlaggedEntry;
    if (typeof entry === 'string') found = { key: entry };
    else if (isObject(entry) && typeof entry[key] === 'string' && Object.keys(entry).every((k) => k === key || k === 'reason')) {
      const reason = entry['reason'];
      if (reason === undefined) found = { key: entry[key] as string };
      else if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_ENTRY_REASON) {
        return { problem: `the reason of ${entry[key] as string} must be a non-empty string of at most ${MAX_ENTRY_REASON} characters` };
      } else found = { key: entry[key] as string, reason: reason.trim() };
    } else return { problem: shape };
    if (seen.has(found.key)) return { problem: `${name} names ${found.key} twice` };
    seen.add(found.key);
    out.push(found);
  }
  return { value: out };
}

/**
 * Reads a `REQUEST_SUPPLEMENT` payload: `fields` (paths, or `{ path, reason }`), `materials`
 * (ids, or `{ id, reason }`) and the overall `reason`. Something must be flagged, with no entry
 * twice, and every flagged entry must have a reason — its own or the overall one.
 * @example
 * supplementPayload({ fields: [{ path: 'child.name', reason: '与出生医学证明不一致' }], materials: ['id-card'], reason: '请补正' })
 * // { value: { fields: [{ key: 'child.name', reason: '与出生医学证明不一致' }], materials: [{ key: 'id-card' }], reason: '请补正' } }
 */
export function supplementPayload(event: { [key: string]: Json | undefined }): Parsed<SupplementPayload> {
  const fields = entries(event['fields'], 'fields', 'path');
  if ('problem' in fields) return fields;
  const materials = entries(event['materials'], 'materials', 'id');
  if ('problem' in materials) return materials;
  if (fields.value.length + materials.value.length === 0) return { problem: 'name at least one field or material' };
  const reason = event['reason'];
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_ROUND_REASON)) {
    return { problem: `reason must be a string of at most ${MAX_ROUND_REASON} characters` };
  }
  const overall = typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined;
  if (overall === undefined) {
    const without = [...fields.value, ...materials.value].filter((e) => e.reason === undefined).map((e) => e.key);
    if (without.length) return { problem: `give a reason: an overall one, or one for each of ${without.join(', ')}` };
  }
  return { value: { fields: fields.value, materials: materials.value, ...(overall !== undefined ? { reason: overall } : {}) } };
}
