import type { Json } from '@onething/engine/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { strings } from '../i18n/strings.js';
import { descriptionOf, enumOptions, titleOf } from '../model/schema.js';
import { radioOptions } from '../widgets/radio.js';
import type { FieldInfo, RenderHost } from './host.js';

/** The field's title with "(optional)" after it when it is not required (GOV.UK marks the exceptions). */
export function labelText(h: RenderHost, info: FieldInfo, required: boolean): TemplateResult {
  return html`${h.t(titleOf(info.schema, info.path))}${required
    ? nothing
    : html`<span class="optional">${h.t(strings.optional)}</span>`}`;
}

/** A value as text, for locked fields: option titles, Yes/No, or the value itself. */
export function displayValue(h: RenderHost, info: FieldInfo, value: Json | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  const items = info.schema.items;
  if (Array.isArray(value) && typeof items === 'object') {
    const titles = enumOptions(items) ?? [];
    return value.map((v) => (titles.find((o) => o.value === v) ? h.t(titles.find((o) => o.value === v)!.title) : String(v))).join(h.locale === 'en' ? ', ' : '、');
  }
  const options = enumOptions(info.schema) ?? radioOptions(info.schema, undefined);
  const option = options.find((o) => o.value === value);
  if (option) return h.t(option.title);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * One leaf field: label (or legend), hint, the reviewer's note, the error message, the widget and
 * its live status. The hint, note and error are tied to the control with `aria-describedby`.
 * Kept flat on purpose — one template instance plus the widget's per field, and the optional
 * pieces as one list — because a 2,000-field form instantiates this 2,000 times.
 */
export function renderField(h: RenderHost, info: FieldInfo): TemplateResult {
  const { id, path, widget } = info;
  if (h.locked(path)) return renderLocked(h, info, h.required(path));
  const ctx = h.widgetContext(info);
  const required = ctx.required;
  const help = info.ui.help ?? descriptionOf(info.schema);
  const note = h.note(path);
  const error = h.error(path);
  const status = widget.status?.(ctx.value, ctx);
  const frame = widget.frame ?? 'label';
  const before: TemplateResult[] = [];
  if (help) before.push(html`<div class="hint" id="${id}-hint" part="hint">${h.t(help)}</div>`);
  if (note) before.push(html`<div class="note" id="${id}-note" part="note"><strong>${h.t(strings.reviewerNote)}</strong> ${h.t(note)}</div>`);
  if (error) {
    before.push(html`<p class="error-message" id="${id}-error" part="error">
      <span class="visually-hidden">${h.t(strings.errorPrefix)}</span> ${h.t(error.message)}
    </p>`);
  }
  const after: TemplateResult[] = [];
  if (status) after.push(html`<p class="status ${status.ok ? 'status--ok' : ''}" id="${id}-status" role="status">${status.text}</p>`);
  if (h.computed(path)) after.push(html`<p class="hint">${h.t(strings.computed)}</p>`);
  const cls = error ? (note ? 'field field--error field--flagged' : 'field field--error') : note ? 'field field--flagged' : 'field';
  // "(optional)" is part of the label's text, as GOV.UK writes it (and one text node, not two)
  const label = required ? ctx.label : ctx.label + h.t(strings.optional);
  const control = widget.render(ctx);
  const pre = before.length ? before : nothing;
  const post = after.length ? after : nothing;
  // (no whitespace between tags: every text node is cloned 2,000 times in a big form)
  if (frame === 'fieldset') {
    return html`<div class=${cls} part="field"><fieldset class="fieldset" aria-describedby=${ifDefined(ctx.describedBy)}><legend class="label" part="label">${label}</legend>${pre}${control}${post}</fieldset></div>`;
  }
  if (frame === 'inline') return html`<div class=${cls} part="field">${pre}${control}${post}</div>`;
  return html`<div class=${cls} part="field"><label class="label" for=${id} part="label">${label}</label>${pre}${control}${post}</div>`;
}

/** A field the person may not change (supplement mode): its title and value as text. */
function renderLocked(h: RenderHost, info: FieldInfo, required: boolean): TemplateResult {
  return html`<div class="field field--locked" part="field locked">
    <div class="label" part="label">${labelText(h, info, required)}</div>
    <div class="locked-value" id=${info.id}>${displayValue(h, info, h.value(info.path))}</div>
  </div>`;
}
