import type { Json, JsonSchema } from '@onething/engine/runtime';
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { enumOptions, typeOf } from '../model/schema.js';
import type { WidgetDescriptor } from './types.js';

/** The enum options of an array's items (`{ type: array, items: { enum } }`), if it has them. */
function itemOptions(schema: JsonSchema) {
  return typeOf(schema) === 'array' && typeof schema.items === 'object' ? enumOptions(schema.items) : undefined;
}

/**
 * Several choices from a list (`type: array` of enum items, `uniqueItems`): one checkbox per option.
 * The value lists the chosen options in the order the definition lists them.
 */
export const checkboxesWidget: WidgetDescriptor = {
  type: 'checkboxes',
  title: { 'zh-CN': '多选', en: 'Checkboxes' },
  match: (schema) => (itemOptions(schema) ? 10 : 0),
  accepts: (schema) => itemOptions(schema) !== undefined,
  emptyValue: undefined,
  frame: 'fieldset',
  sanitize(raw, c, control) {
    const options = itemOptions(c.schema) ?? [];
    const chosen = new Set(Array.isArray(c.value) ? c.value : []);
    const option = options[Number((control as HTMLInputElement).value)];
    if (!option) return c.value;
    if (raw === true) chosen.add(option.value);
    else chosen.delete(option.value);
    const value: Json[] = options.filter((o) => chosen.has(o.value)).map((o) => o.value);
    return value.length ? value : undefined;
  },
  render(c) {
    const options = itemOptions(c.schema) ?? [];
    const chosen = Array.isArray(c.value) ? c.value : [];
    return html`<div class="checkboxes" part="checkboxes">${options.map((o, i) => {
      const id = i === 0 ? c.id : `${c.id}-${i}`;
      return html`<div class="checkbox"><input class="checkbox-input" part="control" type="checkbox" id=${id} name=${c.path} value=${i}
        .checked=${live(chosen.includes(o.value))} ?disabled=${c.readOnly} aria-invalid=${c.invalid ? 'true' : 'false'}
      /><label class="checkbox-label" for=${id}>${c.t(o.title)}</label></div>`;
    })}</div>`;
  },
};
