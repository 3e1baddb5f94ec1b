import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, textOf } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** Mainland mobile number: a phone keypad, autocomplete, and spaces or dashes people type removed. */
export const mobileWidget: WidgetDescriptor = {
  type: 'mobile',
  title: { 'zh-CN': '手机号码', en: 'Mobile number' },
  match: (schema) => (schema.format === 'mobile' ? 20 : 0),
  emptyValue: undefined,
  sanitize(raw) {
    const s = String(raw).replace(/[\s-]+/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
    return s === '' ? undefined : s;
  },
  render: (c) => html`<input
    class="input w-12"
    part="control"
    id=${c.id}
    name=${c.path}
    type="tel"
    inputmode="numeric"
    autocomplete="tel-national"
    maxlength="16"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};
