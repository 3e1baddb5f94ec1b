import type { ComposedBundle, JsonSchema, Locale } from '@onething/engine/runtime';
import type { Text } from '../i18n/strings.js';

/** The title of a field by its bundle-data path (`mother.name` → 母亲姓名), or the path when unknown. */
export function pathTitle(composed: ComposedBundle, path: string, locale: Locale): string {
  let node: JsonSchema | undefined = composed.schema;
  for (const key of path.split('.')) {
    if (/^\d+$/.test(key) && node?.items && typeof node.items === 'object') node = node.items;
    else node = node?.properties?.[key] as JsonSchema | undefined;
  }
  const title = node?.['x-title'] as Text | undefined;
  return title?.[locale] ?? path;
}

/**
 * The title of what a submission error points at: a field (`/data/mother/name`), a guidance
 * question (`/answers/settleInHubei`) or a material (`/materials/household-register`).
 * @example fieldTitle(composed, '/data/child/name', 'en') // "Newborn's name"
 */
export function fieldTitle(composed: ComposedBundle, pointer: string, locale: Locale): string {
  const [root, ...rest] = pointer.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (root === 'data') return pathTitle(composed, rest.join('.'), locale);
  if (root === 'answers' && rest[0]) {
    const title = composed.questions.properties?.[rest[0]]?.['x-title'] as Text | undefined;
    return title?.[locale] ?? rest[0];
  }
  if (root === 'materials' && rest[0]) return composed.materials.find((m) => m.id === rest[0])?.title[locale] ?? rest[0];
  return pointer;
}
