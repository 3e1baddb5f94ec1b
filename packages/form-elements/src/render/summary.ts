import type { Text } from '../model/types.js';
import { html, nothing, type TemplateResult } from 'lit';
import { strings } from '../i18n/strings.js';
import type { RenderHost } from './host.js';

/** One line of the error summary: what is wrong and where to go to fix it. */
export interface SummaryEntry {
  /** The id of the control (or group) the link moves focus to. */
  target: string;
  label: Text | undefined;
  message: Text;
}

/**
 * The GOV.UK error summary: a heading and one link per problem, in form order, at the top of
 * the form. It receives focus after a failed submit, so a screen reader reads it first; each link
 * moves focus to its field (the form handles the click: fragment links don't reach into shadow roots).
 */
export function renderSummary(h: RenderHost, entries: readonly SummaryEntry[]): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="ot-error-summary-title">
    <div role="alert">
      <h2 class="error-summary-title" id="ot-error-summary-title">${h.t(strings.errorSummary)}</h2>
      <ul class="error-summary-list">
        ${entries.map((e) => {
          const message = h.t(e.message);
          const label = e.label && h.t(e.label);
          // The engine's "required" messages already name the field: don't say it twice.
          const prefix = label && !message.includes(label) ? label + h.t(strings.colon) : '';
          return html`<li><a href="#${e.target}" data-focus=${e.target}>${prefix}${message}</a></li>`;
        })}
      </ul>
    </div>
  </div>`;
}
