import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { format, strings } from '../i18n/strings.js';
import type { MaterialView, RenderHost } from './host.js';

import { MATERIAL } from '../model/paths.js';

export { MATERIAL };
export const materialId = (id: string) => `m-${id}`;

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/ofd': 'OFD',
};

/** Human names of accepted MIME types: `PDF, JPG`. */
export const typeNames = (accept: readonly string[]) => accept.map((t) => TYPE_NAMES[t] ?? t).join(', ');

/** Bytes as people read them: `5 MB`, `800 KB`. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The materials the current answers and data ask for, each with upload or "use my e-licence". */
export function renderMaterials(h: RenderHost, ids: readonly string[]): TemplateResult | typeof nothing {
  if (!ids.some((id) => h.material(id).visible)) return nothing;
  return html`<section class="section" part="section materials" aria-labelledby="s-materials">
    <h3 class="section-title" id="s-materials" part="section-title">${h.t(strings.materials)}</h3>
    <p class="section-description">${h.t(strings.materialsHint)}</p>
    ${ids.map((id) =>
      // one guard per material, at a fixed position: a guard compares its dependencies only, so a
      // list that shifts as materials come and go would keep showing the old material's content
      guard([h.epoch, h.version(MATERIAL + id)], () => {
        const view = h.material(id);
        return view.visible ? renderMaterial(h, view) : nothing;
      }),
    )}
  </section>`;
}

function renderMaterial(h: RenderHost, view: MaterialView): TemplateResult {
  const { material: m, required, mode } = view;
  const id = materialId(m.id);
  const path = MATERIAL + m.id;
  const locked = h.locked(path);
  const found = h.error(path);
  const error = view.problem ? { message: view.problem } : found;
  const note = h.note(path);
  const limits = format(strings.limits, h.locale, { types: typeNames(m.accept), size: byteSize(m.maxBytes), files: m.maxFiles });
  const describedBy = [`${id}-hint`, note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field material ${error ? 'field--error' : ''} ${note ? 'field--flagged' : ''}" part="field material">
    <fieldset class="fieldset" aria-describedby=${describedBy}>
      <legend class="label" part="label">
        ${h.t(m.title)}${required ? nothing : html`<span class="optional">${h.t(strings.optional)}</span>`}
      </legend>
      <div class="hint" id="${id}-hint" part="hint">
        ${m.description ? html`${h.t(m.description)}<br />` : nothing}${limits}
      </div>
      ${note
        ? html`<div class="note" id="${id}-note" part="note"><strong>${h.t(strings.reviewerNote)}</strong> ${h.t(note)}</div>`
        : nothing}
      ${error
        ? html`<p class="error-message" id="${id}-error" part="error">
            <span class="visually-hidden">${h.t(strings.errorPrefix)}</span> ${h.t(error.message)}
          </p>`
        : nothing}
      ${m.exempt && m.eLicense && !locked ? renderModeChoice(h, view, id) : nothing}
      ${mode === 'e-licence' ? renderLicence(h, view, id, locked) : renderUploads(h, view, id, locked, !!error)}
      <p class="visually-hidden" id="${id}-news" role="status">${view.news ? h.t(view.news) : ''}</p>
    </fieldset>
  </div>`;
}

/** "Use my e-licence (no upload)" or "Upload the document", for materials an e-licence can replace. */
function renderModeChoice(h: RenderHost, view: MaterialView, id: string): TemplateResult {
  const name = `material-mode/${view.material.id}`;
  const option = (value: 'e-licence' | 'upload', label: string, inputId: string) =>
    html`<div class="radio">
      <input class="radio-input" type="radio" id=${inputId} name=${name} value=${value} .checked=${live(view.mode === value)} />
      <label class="radio-label" for=${inputId}>${label}</label>
    </div>`;
  return html`<div class="radios" role="radiogroup" aria-label=${h.t(strings.howToProvide)}>
    ${option('e-licence', h.t(strings.useELicence), `${id}-mode`)} ${option('upload', h.t(strings.uploadChoice), `${id}-mode-upload`)}
  </div>`;
}

function renderLicence(h: RenderHost, view: MaterialView, id: string, locked: boolean): TemplateResult {
  const chosen = view.value && 'eLicense' in view.value ? view.value.eLicense : undefined;
  const value = chosen?.number ?? '';
  const number = view.licence?.number ?? value;
  if (locked && !number) {
    // read-only (a supplement that does not name it): the e-licence chosen without a number, or nothing
    return html`<p class="licence" id="${id}-licence">${h.t(chosen ? strings.eLicenceChosen : strings.notProvided)}</p>`;
  }
  if (view.licence || locked) {
    return html`<p class="licence" id="${id}-licence">${h.t(strings.eLicenceNumber)}${h.t(strings.colon)}<span class="mono">${number}</span></p>`;
  }
  return html`<div class="field field--nested">
    <p class="hint">${h.t(strings.eLicenceHint)}</p>
    <label class="label label--small" for="${id}-licence">${h.t(strings.eLicenceNumber)}<span class="optional">${h.t(strings.optional)}</span></label>
    <input class="input w-20 mono" id="${id}-licence" name="material-licence/${view.material.id}" type="text"
      autocomplete="off" spellcheck="false" .value=${live(value)} />
  </div>`;
}

function renderUploads(h: RenderHost, view: MaterialView, id: string, locked: boolean, invalid: boolean): TemplateResult {
  const m = view.material;
  const full = view.uploads.length >= m.maxFiles;
  // busy while a file is on its way: assistive technology waits for the list to settle
  const busy = view.uploads.some((u) => u.status === 'uploading');
  return html`${view.uploads.length
      ? html`<ul class="files" part="files" aria-busy=${busy ? 'true' : 'false'}>
          ${view.uploads.map(
            (u) => html`<li class="file file--${u.status}">
              <span class="file-name">${u.name}</span>
              <span class="file-size">${byteSize(u.size)}</span>
              ${u.status === 'uploading'
                ? html`<progress class="file-progress" max="100" .value=${Math.round(u.progress * 100)} aria-label="${h.t(strings.uploading)} ${u.name}"></progress>`
                : nothing}
              ${u.status === 'done' ? html`<span class="file-status">${h.t(strings.uploaded)}</span>` : nothing}
              ${u.error ? html`<span class="file-error">${h.t(u.error)}</span>` : nothing}
              ${locked
                ? nothing
                : html`<button type="button" class="button button--link" data-action="remove-file" data-material=${m.id}
                    data-key=${u.key}>${format(strings.removeFile, h.locale, { name: u.name })}</button>`}
            </li>`,
          )}
        </ul>`
      : nothing}
    ${locked || full
      ? nothing
      : html`<div class="upload">
          <label class="button button--secondary upload-button" for="${id}-file">${h.t(strings.upload)}</label>
          <input class="file-input" type="file" id="${id}-file" name=${MATERIAL + m.id} accept=${m.accept.join(',')}
            ?multiple=${m.maxFiles > 1} aria-label="${h.t(strings.upload)}: ${h.t(m.title)}"
            aria-describedby=${invalid ? `${id}-hint ${id}-error` : `${id}-hint`} aria-invalid=${invalid ? 'true' : 'false'} />
        </div>`}`;
}
