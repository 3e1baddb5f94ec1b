import type { Json } from '@onething/engine';
import type { SupplementRoundView } from '../api/types.js';

/** What the reviewer flagged: field paths and material ids, each with its reason (free text). */
export interface Flags {
  fields: Map<string, string>;
  materials: Map<string, string>;
  /** A general note shown above the flagged entries (optional). */
  note: string;
}

/** What is wrong with the flags before they can be sent. */
export type FlagProblem = { code: 'nothing-flagged' } | { code: 'reasons-missing'; fields: string[]; materials: string[] } | { code: 'too-long'; length: number };

/** The most the engine keeps of one flagged entry's reason; the general note is held to it too. */
export const MAX_REASON = 500;

/** The `REQUEST_SUPPLEMENT` payload the workbench sends: every entry with its own reason, the note as the overall reason. */
export interface SupplementRequestPayload {
  fields: Array<{ path: string; reason: string }>;
  materials: Array<{ id: string; reason: string }>;
  reason?: string;
}

/** One flagged entry as the applicant reads it: its title and the reason shown beside it. */
export interface PreviewEntry {
  title: string;
  reason: string;
}

/**
 * The `REQUEST_SUPPLEMENT` payload: each flagged field and material with its own reason, as
 * written (trimmed), and the general note, when there is one, as the round's overall reason.
 * @example
 * supplementPayload({ fields: new Map([['child.name', '与出生医学证明不一致']]), materials: new Map(), note: '' })
 * // { fields: [{ path: 'child.name', reason: '与出生医学证明不一致' }], materials: [] }
 */
export function supplementPayload(flags: Flags): SupplementRequestPayload {
  const note = flags.note.trim();
  return {
    fields: [...flags.fields].map(([path, reason]) => ({ path, reason: reason.trim() })),
    materials: [...flags.materials].map(([id, reason]) => ({ id, reason: reason.trim() })),
    ...(note ? { reason: note } : {}),
  };
}

/**
 * Checks the flags before sending: something flagged, every flag with its own reason, each
 * reason (and the note) within what the engine keeps of one.
 * @example flagProblem({ fields: new Map([['child.name', ' ']]), materials: new Map(), note: '' }) // { code: 'reasons-missing', fields: ['child.name'], materials: [] }
 */
export function flagProblem(flags: Flags): FlagProblem | undefined {
  if (flags.fields.size + flags.materials.size === 0) return { code: 'nothing-flagged' };
  const fields = [...flags.fields].filter(([, r]) => !r.trim()).map(([p]) => p);
  const materials = [...flags.materials].filter(([, r]) => !r.trim()).map(([m]) => m);
  if (fields.length || materials.length) return { code: 'reasons-missing', fields, materials };
  const longest = Math.max(flags.note.trim().length, ...[...flags.fields.values(), ...flags.materials.values()].map((r) => r.trim().length));
  if (longest > MAX_REASON) return { code: 'too-long', length: longest };
  return undefined;
}

/**
 * Empty flags (a new supplement request).
 * @example const flags = noFlags(); flags.fields.set('child.name', '与出生医学证明不一致')
 */
export function noFlags(): Flags {
  return { fields: new Map(), materials: new Map(), note: '' };
}

/**
 * The payload as JSON for the event (a plain object).
 * @example client.send(id, { type: 'REQUEST_SUPPLEMENT', revision, payload: asPayload(supplementPayload(flags)) })
 */
export function asPayload(payload: SupplementRequestPayload): Record<string, Json> {
  return { ...payload } as unknown as Record<string, Json>;
}

/**
 * A round's flagged entries with their own reasons (absent for an entry given none, and in rounds
 * recorded before per-entry reasons), and its overall reason — what the timeline lists.
 * @example roundEntries(round).fields // [{ id: 'child.name', reason: '与出生医学证明不一致' }]
 */
export function roundEntries(round: Pick<SupplementRoundView, 'fields' | 'materials' | 'reason' | 'fieldReasons' | 'materialReasons'>): {
  reason?: string;
  fields: Array<{ id: string; reason?: string }>;
  materials: Array<{ id: string; reason?: string }>;
} {
  const own = (reasons: Record<string, string> | undefined, id: string) => (reasons && Object.hasOwn(reasons, id) ? { id, reason: reasons[id]! } : { id });
  return {
    ...(round.reason ? { reason: round.reason } : {}),
    fields: round.fields.map((p) => own(round.fieldReasons, p)),
    materials: round.materials.map((m) => own(round.materialReasons, m)),
  };
}

/**
 * What the applicant will read, entry by entry: each flagged field and material with the reason
 * shown beside it — its own, else the overall one — and the overall reason above them.
 * @example preview(supplementPayload(flags), (kind, id) => titles[id]).fields // [{ title: '新生儿姓名', reason: '与出生医学证明不一致' }]
 */
export function preview(payload: SupplementRequestPayload, title: (kind: 'field' | 'material', id: string) => string): { reason?: string; fields: PreviewEntry[]; materials: PreviewEntry[] } {
  const overall = payload.reason ?? '';
  return {
    ...(payload.reason ? { reason: payload.reason } : {}),
    fields: payload.fields.map((f) => ({ title: title('field', f.path), reason: f.reason || overall })),
    materials: payload.materials.map((m) => ({ title: title('material', m.id), reason: m.reason || overall })),
  };
}
