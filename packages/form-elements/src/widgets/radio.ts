import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { strings } from '../i18n/strings.js';
import { enumOptions, typeOf, type EnumOption } from '../model/schema.js';
import { indexOfValue, optionAt } from './common.js';
import type { WidgetDescriptor } from './types.js';

const YES_NO: EnumOption[] = [
  { value: true, title: strings.yes },
  { value: false, title: strings.no },
];

/** The options a radio group offers: the enum's, or Yes/No for a boolean. */
export function radioOptions(schema: Parameters<typeof enumOptions>[0], options: EnumOption[] | undefined): EnumOption[] {
  return options ?? (typeOf(schema) === 'boolean' ? YES_NO : []);
}

/**
 * Radios for enums of up to five options, and for booleans hinted `radio` (Yes/No — guidance
 * questions use it, because a question must be answered, which a checkbox can't show).
 * The first radio carries the field's id, so the error summary's link lands on it.
 */
export const radioWidget: WidgetDescriptor = {
  type: 'radio',
  title: { 'zh-CN': '单选', en: 'Radios' },
  match: (schema) => ((enumOptions(schema)?.length ?? 99) <= 5 ? 7 : 0),
  accepts: (schema) => enumOptions(schema) !== undefined || typeOf(schema) === 'boolean',
  emptyValue: undefined,
  frame: 'fieldset',
  sanitize: (raw, c) => optionAt(radioOptions(c.schema, c.options), String(raw)),
  render: (c) => {
    const options = radioOptions(c.schema, c.options);
    const selected = indexOfValue(options, c.value);
    const inline = options.length <= 2;
    return html`<div class="radios ${inline ? 'radios--inline' : ''}" part="radios">
      ${options.map(
        (o, i) => html`<div class="radio">
          <input
            class="radio-input"
            part="control"
            type="radio"
            id=${i === 0 ? c.id : `${c.id}-${i}`}
            name=${c.path}
            value=${i}
            .checked=${live(i === selected)}
            ?required=${c.required}
            ?disabled=${c.readOnly && i !== selected}
            aria-invalid=${c.invalid ? 'true' : nothing}
          /><label class="radio-label" for=${i === 0 ? c.id : `${c.id}-${i}`}>${c.t(o.title)}</label>
        </div>`,
      )}
    </div>`;
  },
};
