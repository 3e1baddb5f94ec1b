import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { typeOf } from '../model/schema.js';
import { ariaInvalid, textOf, trimmed } from './common.js';
import type { WidgetDescriptor } from './types.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number in a text input with a numeric keyboard (GOV.UK's advice over `type=number`, which
 * changes on scroll and swallows what it can't parse). What doesn't parse is kept as typed, so the
 * validator reports "must be a number" instead of the value vanishing.
 */
export const numberWidget: WidgetDescriptor = {
  type: 'number',
  title: { 'zh-CN': '数字', en: 'Number' },
  match: (schema) => (typeOf(schema) === 'integer' || typeOf(schema) === 'number' ? 5 : 0),
  emptyValue: undefined,
  sanitize(raw) {
    const s = trimmed(raw)?.replace(/[,，\s]/g, '');
    if (s === undefined || s === '') return undefined;
    return NUMBER.test(s) ? Number(s) : s;
  },
  render: (c) => html`<input
    class="input w-12"
    part="control"
    id=${c.id}
    name=${c.path}
    type="text"
    inputmode=${typeOf(c.schema) === 'integer' ? 'numeric' : 'decimal'}
    spellcheck="false"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    placeholder=${ifDefined(c.ui.placeholder && c.t(c.ui.placeholder))}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};
