import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ariaInvalid, textOf, trimmed } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** A calendar date (`format: date`, `YYYY-MM-DD`) in the browser's date input: keyboard-operable, localised. */
export const dateWidget: WidgetDescriptor = {
  type: 'date',
  title: { 'zh-CN': '日期', en: 'Date' },
  match: (schema) => (schema.format === 'date' ? 10 : 0),
  emptyValue: undefined,
  sanitize: (raw) => trimmed(raw),
  render: (c) => html`<input
    class="input w-12"
    part="control"
    id=${c.id}
    name=${c.path}
    type="date"
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    min=${ifDefined(c.schema.formatMinimum as string | undefined)}
    max=${ifDefined(c.schema.formatMaximum as string | undefined)}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  />`,
};
