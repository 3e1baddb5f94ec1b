import type { Locale } from '@onething/engine/runtime';
import type { Text } from './types.js';
import { errorLocation, LOCALES } from '@onething/engine/runtime';
import { format } from '../i18n/strings.js';
import type { ValidationError } from './errors.js';
import { ANSWERS, MATERIAL } from './paths.js';

/**
 * The field an error of `checkSubmission` belongs to, as a form path: the data path
 * (`mother.idNumber`; for a `required` error, the missing property under its parent),
 * `answers/<question>` for a guidance answer and `material/<id>` for a material.
 * @example errorPath({ keyword: 'required', instancePath: '/data/mother', params: { missingProperty: 'name' }, message }) // 'mother.name'
 */
export function errorPath(error: ValidationError): string {
  const { part, path } = errorLocation(error);
  if (part === 'answers') return ANSWERS + path;
  if (part === 'materials') return MATERIAL + path.split('.')[0];
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
