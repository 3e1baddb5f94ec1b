import type { Locale } from '@onething/engine/runtime';
import type { Text } from './types.js';
import { LOCALES } from '@onething/engine/runtime';
import { format } from '../i18n/strings.js';
import type { ValidationError } from './errors.js';
import { pointerToPath } from './paths.js';

/**
 * The field an error belongs to, as a form path: the data path (`mother.idNumber`; for a
 * `required` error, the missing property under its parent), `answers/<key>` for a guidance
 * answer and `material/<id>` for a material.
 * @example errorPath({ keyword: 'required', instancePath: '/mother', params: { missingProperty: 'name' }, message }) // 'mother.name'
 */
export function errorPath(error: ValidationError): string {
  let path = pointerToPath(error.instancePath);
  const missing = error.params.missingProperty;
  if (error.keyword === 'required' && typeof missing === 'string') path = path ? `${path}.${missing}` : missing;
  return path;
}

/**
 * A Text with `{name}` placeholders filled in, in every locale.
 * @example textWith({ 'zh-CN': '最多 {n} 个', en: 'At most {n}' }, { n: 3 })
 */
export function textWith(text: Text, params: Record<string, string | number>): Text {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = format(text, locale, params);
  return out;
}
