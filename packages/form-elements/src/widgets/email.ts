import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, textOf, trimmed } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** An e-mail address (`format: email`): email keyboard, autocomplete, no spell-checking. */
export const emailWidget: WidgetDescriptor = {
  type: 'email',
  title: { 'zh-CN': '电子邮箱', en: 'Email address' },
  match: (schema) => (schema.format === 'email' ? 10 : 0),
  emptyValue: undefined,
  sanitize: (raw) => trimmed(raw),
  render: (c) => html`<input
    class="input"
    part="control"
    id=${c.id}
    name=${c.path}
    type="email"
    autocomplete="email"
    spellcheck="false"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    placeholder=${ifDefined(c.ui.placeholder && c.t(c.ui.placeholder))}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};
