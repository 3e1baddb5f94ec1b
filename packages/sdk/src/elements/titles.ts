import { fieldTitle as titleAt, type ComposedBundle, type FieldTitleOptions, type Locale } from '@onething/engine/runtime';

/**
 * The title of a field by its bundle-data path, or the path when unknown; `withGroup` names it
 * out of its form, with its group in front, as the workbench and the notifications do.
 * @example pathTitle(composed, 'mother.ethnicity', 'zh-CN', { withGroup: true }) // '母亲 · 民族'
 */
export function pathTitle(composed: ComposedBundle, path: string, locale: Locale, options: FieldTitleOptions = {}): string {
  return titleAt(composed.schema, path, locale, options) ?? path;
}

/**
 * The title of what a submission error points at: a field (`/data/mother/name`), a guidance
 * question (`/answers/settleInHubei`) or a material (`/materials/household-register`).
 * @example fieldTitle(composed, '/data/child/name', 'en') // "Newborn's name"
 */
export function fieldTitle(composed: ComposedBundle, pointer: string, locale: Locale): string {
  const [root, ...rest] = pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (root === 'data') return pathTitle(composed, rest.join('.'), locale);
  if (root === 'answers' && rest[0]) return titleAt(composed.questions, rest[0], locale) ?? rest[0];
  if (root === 'materials' && rest[0]) return composed.materials.find((m) => m.id === rest[0])?.title[locale] ?? rest[0];
  return pointer;
}
