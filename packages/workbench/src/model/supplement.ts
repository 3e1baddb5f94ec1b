import type { Json, Locale } from '@onething/engine';

/** What the reviewer flagged: field paths and material ids, each with its reason (free text). */
export interface Flags {
  fields: Map<string, string>;
  materials: Map<string, string>;
  /** A general note put before the list (optional). */
  note: string;
}

/** What is wrong with the flags before they can be sent. */
export type FlagProblem = { code: 'nothing-flagged' } | { code: 'reasons-missing'; fields: string[]; materials: string[] } | { code: 'too-long'; length: number };

/** The most the engine keeps of a supplement reason. */
export const MAX_REASON = 2000;

/**
 * The `REQUEST_SUPPLEMENT` payload: the flagged paths and ids, and one reason that lists every
 * flagged field and material with its own reason — the text the applicant reads with the request
 * (the general note first). Titles are in the reviewer's language; the reasons as written.
 * @example
 * supplementPayload({ fields: new Map([['child.name', '与出生医学证明不一致']]), materials: new Map(), note: '' }, (p) => '新生儿姓名', 'zh-CN')
 * // { fields: ['child.name'], materials: [], reason: '1. 新生儿姓名：与出生医学证明不一致' }
 */
export function supplementPayload(flags: Flags, title: (kind: 'field' | 'material', id: string) => string, locale: Locale): { fields: string[]; materials: string[]; reason: string } {
  const colon = locale === 'en' ? ': ' : '：';
  const lines = [
    ...[...flags.fields].map(([path, reason]) => `${title('field', path)}${colon}${reason.trim()}`),
    ...[...flags.materials].map(([id, reason]) => `${title('material', id)}${colon}${reason.trim()}`),
  ].map((line, i) => `${i + 1}. ${line}`);
  const note = flags.note.trim();
  return {
    fields: [...flags.fields.keys()],
    materials: [...flags.materials.keys()],
    reason: (note ? [note, ...lines] : lines).join('\n'),
  };
}

/**
 * Checks the flags before sending: something flagged, every flag with a reason, the whole text
 * within what the engine keeps.
 * @example flagProblem({ fields: new Map([['child.name', ' ']]), materials: new Map(), note: '' }, '…') // { code: 'reasons-missing', fields: ['child.name'], materials: [] }
 */
export function flagProblem(flags: Flags, reason: string): FlagProblem | undefined {
  if (flags.fields.size + flags.materials.size === 0) return { code: 'nothing-flagged' };
  const fields = [...flags.fields].filter(([, r]) => !r.trim()).map(([p]) => p);
  const materials = [...flags.materials].filter(([, r]) => !r.trim()).map(([m]) => m);
  if (fields.length || materials.length) return { code: 'reasons-missing', fields, materials };
  if (reason.length > MAX_REASON) return { code: 'too-long', length: reason.length };
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
 * @example client.send(id, { type: 'REQUEST_SUPPLEMENT', revision, payload: asPayload(supplementPayload(flags, title, 'zh-CN')) })
 */
export function asPayload(payload: ReturnType<typeof supplementPayload>): Record<string, Json> {
  return { fields: payload.fields, materials: payload.materials, reason: payload.reason };
}
