import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { strings } from '../i18n/strings.js';
import { enumOptions } from '../model/schema.js';
import { ariaInvalid, indexOfValue, labelsOf, optionAt } from './common.js';
import { selectOptions } from './options.js';
import type { WidgetDescriptor } from './types.js';

/** A drop-down list for enums with more than five options (fewer get radios). */
export const selectWidget: WidgetDescriptor = {
  type: 'select',
  title: { 'zh-CN': '下拉选择', en: 'Select' },
  match: (schema) => (enumOptions(schema) ? 6 : 0),
  accepts: (schema) => enumOptions(schema) !== undefined,
  emptyValue: undefined,
  sanitize: (raw, c) => optionAt(c.options, String(raw)),
  render: (c) => {
    const options = c.options ?? [];
    return html`<select
      class="select"
      part="control"
      id=${c.id}
      name=${c.path}
      ?required=${c.required}
      ?disabled=${c.readOnly}
      aria-invalid=${ariaInvalid(c.invalid)}
      aria-describedby=${ifDefined(c.describedBy)}
    >${selectOptions(labelsOf(options, c.locale), c.t(strings.select), indexOfValue(options, c.value))}</select>`;
  },
};
