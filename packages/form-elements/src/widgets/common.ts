import type { Json, JsonSchema, Locale } from '@onething/engine/runtime';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { WidgetContext } from './types.js';
import type { EnumOption } from '../model/schema.js';
import { typeOf } from '../model/schema.js';

const labelCache = new WeakMap<readonly EnumOption[], Partial<Record<Locale, readonly string[]>>>();

/** The option titles in a locale, as one array per option list and locale (stable identity for caching). */
export function labelsOf(options: readonly EnumOption[], locale: Locale): readonly string[] {
  let byLocale = labelCache.get(options);
  if (!byLocale) labelCache.set(options, (byLocale = {}));
  return (byLocale[locale] ??= options.map((o) => o.title[locale]));
}

/** The index of a value among the options, −1 when absent (compares JSON scalars). */
export function indexOfValue(options: readonly EnumOption[], value: Json | undefined): number {
  return value === undefined ? -1 : options.findIndex((o) => o.value === value);
}

/** The option value behind an `<option>`/radio value attribute (`"3"` → the 4th option's value). */
export function optionAt(options: readonly EnumOption[] | undefined, raw: string): Json | undefined {
  if (raw === '' || !options) return undefined;
  return options[Number(raw)]?.value;
}

/** Trims text; an empty string becomes `undefined` (an empty field). */
export function trimmed(raw: string | boolean): string | undefined {
  const s = String(raw).trim();
  return s === '' ? undefined : s;
}

/** True when a schema is a plain string without enum or format. */
export function isPlainString(schema: JsonSchema): boolean {
  return typeOf(schema) === 'string' && !schema.enum && !schema.format && !schema.oneOf;
}

/** The schema's `maxLength`, if it sets one. */
export function maxLengthOf(schema: JsonSchema): number | undefined {
  return typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
}

/** `aria-invalid` value. */
export const ariaInvalid = (invalid: boolean) => (invalid ? 'true' : 'false');

/** The text a text control shows: the draft being typed, else the value. */
export function textOf(c: { draft: string | undefined; value: Json | undefined }): string {
  if (c.draft !== undefined) return c.draft;
  return c.value === undefined || c.value === null ? '' : typeof c.value === 'object' ? '' : String(c.value);
}

/**
 * A code as people type it, normalised: no spaces, capitals (the resident ID's check character `X`).
 * @example normaliseCode(' 11010519491231002x ') // '11010519491231002X'
 */
export function normaliseCode(raw: string | boolean): string | undefined {
  const s = String(raw).replace(/\s+/g, '').toUpperCase();
  return s === '' ? undefined : s;
}

/**
 * The input of an 18-character code typed in capitals and checked as you type (the resident ID
 * number, the unified social credit code): no autocomplete or spell-checking, a capitals keyboard.
 * @example render: (c) => codeInput(c)
 */
export function codeInput(c: WidgetContext): TemplateResult {
  return html`<input
    class="input w-20 mono"
    part="control"
    id=${c.id}
    name=${c.path}
    type="text"
    maxlength="18"
    autocomplete="off"
    autocapitalize="characters"
    spellcheck="false"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`;
}
