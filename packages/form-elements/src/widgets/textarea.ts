import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { typeOf } from '../model/schema.js';
import { ariaInvalid, isPlainString, maxLengthOf, textOf, trimmed } from './common.js';
import type { WidgetDescriptor } from './types.js';

/** A multi-line text box: strings longer than 200 characters, or any string hinted `textarea`. */
export const textareaWidget: WidgetDescriptor = {
  type: 'textarea',
  title: { 'zh-CN': '多行文本', en: 'Text area' },
  match: (schema) => (typeOf(schema) === 'string' && isPlainString(schema) && (maxLengthOf(schema) ?? 0) > 200 ? 2 : 0),
  emptyValue: undefined,
  sanitize: (raw) => trimmed(raw),
  render: (c) => html`<textarea
    class="textarea"
    part="control"
    id=${c.id}
    name=${c.path}
    rows=${c.ui.rows ?? 4}
    .value=${live(textOf(c))}
    ?required=${c.required}
    ?readonly=${c.readOnly}
    maxlength=${ifDefined(maxLengthOf(c.schema))}
    placeholder=${ifDefined(c.ui.placeholder && c.t(c.ui.placeholder))}
    aria-invalid=${ariaInvalid(c.invalid)}
    aria-describedby=${ifDefined(c.describedBy)}
  ></textarea>`,
};
