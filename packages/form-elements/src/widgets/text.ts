import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { typeOf } from '../model/schema.js';
import { ariaInvalid, maxLengthOf, textOf, trimmed } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** A one-line text input: any string without a more specific widget. */
export const textWidget: WidgetDescriptor = {
  type: 'text',
  title: { 'zh-CN': '单行文本', en: 'Text' },
  match: (schema) => (typeOf(schema) === 'string' ? 1 : 0),
  emptyValue: undefined,
  sanitize: (raw) => trimmed(raw),
  render: (c) => html`<input
    class="input ${widthClass(maxLengthOf(c.schema))}"
    part="control"
    id=${c.id}
    name=${c.path}
    type="text"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    maxlength=${ifDefined(maxLengthOf(c.schema))}
    placeholder=${ifDefined(c.ui.placeholder && c.t(c.ui.placeholder))}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};

/** A width class that fits the expected length, so short answers get short boxes (GOV.UK's advice). */
export function widthClass(maxLength: number | undefined): string {
  if (maxLength === undefined) return '';
  if (maxLength <= 6) return 'w-6';
  if (maxLength <= 12) return 'w-12';
  if (maxLength <= 20) return 'w-20';
  return '';
}
