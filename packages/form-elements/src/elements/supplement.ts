import { MATERIAL } from '../model/paths.js';
import type { Text } from '../model/types.js';
import type { SupplementRequest } from './events.js';

/**
 * The form paths a supplement request opens for editing, with the reviewer's reasons
 * (`material/<id>` for materials).
 * @example flaggedPaths({ fields: ['child.name'], materials: [{ id: 'id-card', reason }] }) // Map { 'child.name' → undefined, 'material/id-card' → reason }
 */
export function flaggedPaths(request: SupplementRequest | undefined): Map<string, Text | undefined> {
  const out = new Map<string, Text | undefined>();
  for (const f of request?.fields ?? []) {
    if (typeof f === 'string') out.set(f, undefined);
    else out.set(f.path, f.reason);
  }
  for (const m of request?.materials ?? []) {
    if (typeof m === 'string') out.set(MATERIAL + m, undefined);
    else out.set(MATERIAL + m.id, m.reason);
  }
  return out;
}

/**
 * True when a path may be changed under the request: it, one of its groups, or something inside it is flagged.
 * @example isOpen(flagged, 'child.name') // true when 'child' or 'child.name' is flagged
 */
export function isOpen(flagged: ReadonlyMap<string, unknown>, path: string): boolean {
  for (const f of flagged.keys()) if (path === f || path.startsWith(`${f}.`) || f.startsWith(`${path}.`)) return true;
  return false;
}
