import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { typeOf } from '../model/schema.js';
import { ariaInvalid } from './common.js';
import type { WidgetDescriptor } from './types.js';

/**
 * One checkbox for a boolean, labelled by the field title beside it. Unticked is `false`:
 * a declaration that must be ticked is `const: true` in the schema, so the validator says so.
 */
export const checkboxWidget: WidgetDescriptor = {
  type: 'checkbox',
  title: { 'zh-CN': '勾选框', en: 'Checkbox' },
  match: (schema) => (typeOf(schema) === 'boolean' ? 5 : 0),
  accepts: (schema) => typeOf(schema) === 'boolean',
  emptyValue: false,
  frame: 'inline',
  sanitize: (raw) => raw === true,
  render: (c) => html`<div class="checkbox"><input
      class="checkbox-input"
      part="control"
      type="checkbox"
      id=${c.id}
      name=${c.path}
      .checked=${live(c.value === true)}
      ?disabled=${c.readOnly}
      aria-invalid=${ariaInvalid(c.invalid)}
      aria-describedby=${ifDefined(c.describedBy)}
    /><label class="checkbox-label" for=${c.id}>${c.label}</label></div>`,
};
