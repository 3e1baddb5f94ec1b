import { fieldTitle as titleAt, type ComposedBundle, type Locale } from '@onething/engine/runtime';

/** The title of a field by its bundle-data path (`mother.name` → 母亲姓名), or the path when unknown. */
export function pathTitle(composed: ComposedBundle, path: string, locale: Locale): string {
  return titleAt(composed.schema, path, locale) ?? path;
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
