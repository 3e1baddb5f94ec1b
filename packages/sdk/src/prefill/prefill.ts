import { getPath, setPath, type ComposedBundle, type Json } from '@onething/engine/runtime';
import type { PrefillValue } from '../api/types.js';
import { strings, type Text } from '../i18n/strings.js';

const isEmpty = (v: Json | undefined) => v === undefined || v === null || v === '';

/**
 * Fills the proposed values into the fields that are empty and that the bundle has as value
 * fields; never overwrites what is there. Token claims win over earlier applications. Values
 * from earlier applications are not used for `sensitive` fields (ID numbers, ethnic group, a
 * child's data): an earlier application may be about another child or another case, and
 * sensitive personal information is only filled from what the identity provider vouches for.
 * @example
 * applyPrefill(composed, {}, [{ path: 'contact.mobile', value: '13971234567', concept: 'contact.mobile', source: 'token' }])
 * // { data: { contact: { mobile: '13971234567' } }, prefilled: { 'contact.mobile': 'token' } }
 */
export function applyPrefill(
  composed: ComposedBundle,
  data: Record<string, Json>,
  values: readonly PrefillValue[],
): { data: Record<string, Json>; prefilled: Record<string, 'token' | 'history'> } {
  const prefilled: Record<string, 'token' | 'history'> = {};
  let next = data;
  const ordered = [...values].sort((a, b) => (a.source === b.source ? 0 : a.source === 'token' ? -1 : 1));
  for (const v of ordered) {
    const field = composed.fields[v.path];
    if (field?.kind !== 'value' || prefilled[v.path] || isEmpty(v.value)) continue;
    if (v.source === 'history' && field.pii === 'sensitive') continue;
    if (!isEmpty(getPath(next, v.path))) continue;
    next = setPath(next, v.path, v.value);
    prefilled[v.path] = v.source;
  }
  return { data: next, prefilled };
}

const join = (a: Text | undefined, b: Text): Text => (a ? { 'zh-CN': `${a['zh-CN']} ${b['zh-CN']}`, en: `${a.en} ${b.en}` } : b);

/**
 * The composed bundle with a note in the help text of each prefilled field ("Filled in from your
 * account. Check it; you can change it."), so the mark is read out with the field
 * (`aria-describedby`) and stays beside it. The original bundle is not changed.
 * @example markPrefilled(composed, { 'contact.mobile': 'token' }).ui.fields['contact.mobile'].help
 */
export function markPrefilled(composed: ComposedBundle, prefilled: Readonly<Record<string, 'token' | 'history'>>): ComposedBundle {
  const paths = Object.keys(prefilled);
  if (!paths.length) return composed;
  const fields = { ...composed.ui.fields };
  for (const path of paths) {
    const note = prefilled[path] === 'token' ? strings.prefilledFromToken : strings.prefilledFromHistory;
    const ui = fields[path] ?? {};
    const help = ui.help ?? (schemaAt(composed, path)?.['x-description'] as Text | undefined);
    fields[path] = { ...ui, help: join(help, note) };
  }
  return { ...composed, ui: { ...composed.ui, fields } };
}

function schemaAt(composed: ComposedBundle, path: string) {
  let node = composed.schema;
  for (const key of path.split('.')) {
    const next = node?.properties?.[key];
    if (!next || typeof next !== 'object') return undefined;
    node = next;
  }
  return node;
}
