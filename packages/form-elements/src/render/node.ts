import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { format, strings } from '../i18n/strings.js';
import { titleOf, descriptionOf } from '../model/schema.js';
import { renderField } from './field.js';
import type { FieldInfo, RenderHost } from './host.js';

/**
 * A field, group or repeatable group, re-rendered only when its version (or the epoch) changes:
 * a keystroke re-renders the fields it affects, not the form.
 */
export function renderPath(h: RenderHost, path: string): unknown {
  return guard([h.epoch, h.version(path)], () => renderNode(h, path));
}

function renderNode(h: RenderHost, path: string): unknown {
  const info = h.info(path);
  if (!info || !h.visible(path)) return nothing;
  if (info.kind === 'group') return renderGroup(h, info);
  if (info.kind === 'list') return renderList(h, info);
  return renderField(h, info);
}

function errorMessage(h: RenderHost, info: FieldInfo) {
  const error = h.error(info.path);
  return error
    ? html`<p class="error-message" id="${info.id}-error" part="error">
        <span class="visually-hidden">${h.t(strings.errorPrefix)}</span> ${h.t(error.message)}
      </p>`
    : nothing;
}

/** A nested object: a fieldset with a legend around its fields. */
function renderGroup(h: RenderHost, info: FieldInfo): TemplateResult {
  const help = info.ui.help ?? descriptionOf(info.schema);
  return html`<div class="group" part="group" id=${info.id} tabindex="-1">
    <fieldset class="fieldset fieldset--group">
      <legend class="legend" part="legend">${h.t(titleOf(info.schema, info.path))}</legend>
      ${help ? html`<div class="hint" part="hint">${h.t(help)}</div>` : nothing} ${errorMessage(h, info)}
      ${info.children.map((child) => renderPath(h, child))}
    </fieldset>
  </div>`;
}

/**
 * A repeatable group (array of objects): one fieldset per row with remove / move buttons, and
 * "Add another". Buttons carry `data-action`; the form handles them and moves focus after the
 * change to where the person is (the moved row's button, the new row's first field).
 */
function renderList(h: RenderHost, info: FieldInfo): TemplateResult {
  const rows = h.value(info.path);
  const min = typeof info.schema.minItems === 'number' ? info.schema.minItems : 0;
  // at least minItems rows from the start (GOV.UK's "add another" starts with one), filled in as typed
  const count = Math.max(Array.isArray(rows) ? rows.length : 0, min);
  const keys = h.rowKeys(info.path, count);
  const max = typeof info.schema.maxItems === 'number' ? info.schema.maxItems : Infinity;
  const locked = h.locked(info.path);
  const title = h.t(titleOf(info.schema, info.path));
  const help = info.ui.help ?? descriptionOf(info.schema);
  return html`<div class="group list" part="list" id=${info.id} tabindex="-1">
    <fieldset class="fieldset fieldset--group">
      <legend class="legend" part="legend">${title}</legend>
      ${help ? html`<div class="hint" part="hint">${h.t(help)}</div>` : nothing} ${errorMessage(h, info)}
      ${keys.map((key, i) => {
          const n = { n: i + 1 };
          const rowPath = `${info.path}.${i}`;
          const rowInfo = h.info(rowPath);
          return html`<fieldset class="row" part="row" data-key=${key}>
            <legend class="row-title">${format(strings.row, h.locale, n)}</legend>
            ${rowInfo?.children.map((child) => renderPath(h, child))}
            ${locked
              ? nothing
              : html`<div class="row-actions">
                  ${i > 0
                    ? html`<button type="button" class="button button--secondary button--small" part="button"
                        data-action="up" data-path=${info.path} data-index=${i}>${format(strings.moveUp, h.locale, n)}</button>`
                    : nothing}
                  ${i < count - 1
                    ? html`<button type="button" class="button button--secondary button--small" part="button"
                        data-action="down" data-path=${info.path} data-index=${i}>${format(strings.moveDown, h.locale, n)}</button>`
                    : nothing}
                  ${count > min
                    ? html`<button type="button" class="button button--warning button--small" part="button"
                        data-action="remove" data-path=${info.path} data-index=${i}>${format(strings.remove, h.locale, n)}</button>`
                    : nothing}
                </div>`}
          </fieldset>`;
      })}
      ${!locked && count < max
        ? html`<button type="button" class="button button--secondary" part="button" data-action="add" data-path=${info.path}>
            ${h.t(strings.add)}
          </button>`
        : nothing}
    </fieldset>
  </div>`;
}
