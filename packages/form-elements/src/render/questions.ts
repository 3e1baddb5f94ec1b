import { html, nothing, type TemplateResult } from 'lit';
import { strings } from '../i18n/strings.js';
import { renderPath } from './node.js';
import type { RenderHost } from './host.js';

import { ANSWERS } from '../model/paths.js';

export { ANSWERS };

/** The question paths in display order: `questionsUi.sections` when given, else the schema's order. */
export function questionPaths(h: RenderHost): string[] {
  const listed = h.composedBundle.questionsUi?.sections?.flatMap((s) => s.fields) ?? [];
  const keys = listed.length > 0 ? listed : Object.keys(h.composedBundle.questions.properties ?? {});
  return keys.map((key) => ANSWERS + key);
}

/** The situational-guidance questions, asked first: their answers switch items on and off. */
export function renderQuestions(h: RenderHost, paths: string[]): TemplateResult | typeof nothing {
  if (paths.length === 0) return nothing;
  return html`<section class="section section--questions" part="section questions" aria-labelledby="s-questions">
    <h3 class="section-title" id="s-questions" part="section-title">${h.t(strings.questions)}</h3>
    <p class="section-description">${h.t(strings.questionsHint)}</p>
    ${paths.map((path) => renderPath(h, path))}
  </section>`;
}

/**
 * The items the answers switched on, announced politely as they change, so a screen-reader user
 * hears that the form below has changed.
 */
export function renderActiveItems(h: RenderHost): TemplateResult {
  const active = h.active();
  const items = h.composedBundle.items.filter((item) => active.has(item.id));
  return html`<div class="items" part="items" aria-live="polite">
    <h3 class="items-title">${h.t(strings.activeItems)}</h3>
    <ul class="items-list">
      ${items.map(
        (item) => html`<li class="item" data-item=${item.id}>
          <span class="item-title">${h.t(item.title)}</span>
          <span class="item-department">${h.t(item.department.title)}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}
