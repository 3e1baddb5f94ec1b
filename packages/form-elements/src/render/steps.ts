import type { Text } from '../model/types.js';
import { html, nothing, type TemplateResult } from 'lit';
import { format, strings } from '../i18n/strings.js';
import type { RenderHost } from './host.js';

/** One wizard step: the questions, a section, or the materials. */
export interface Step {
  id: string;
  title: Text;
}

/**
 * The wizard's step list and progress. Earlier steps are buttons (go back to change something);
 * the current one is marked `aria-current="step"`; later ones are text until reached.
 */
export function renderSteps(h: RenderHost, steps: readonly Step[], current: number): TemplateResult | typeof nothing {
  if (steps.length < 2) return nothing;
  const progress = format(strings.stepOf, h.locale, { n: current + 1, total: steps.length });
  return html`<nav class="steps" part="steps" aria-label=${h.t(strings.steps)}>
    <p class="steps-progress" part="progress">${progress}</p>
    <progress class="progress-bar" max=${steps.length} .value=${current + 1} aria-hidden="true"></progress>
    <ol class="steps-list">
      ${steps.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return html`<li class="step step--${state}" part="step" aria-current=${i === current ? 'step' : nothing}>
          <span class="step-number" aria-hidden="true">${i + 1}</span>
          ${i < current
            ? html`<button type="button" class="step-link" data-action="step" data-index=${i}>${h.t(step.title)}</button>`
            : html`<span class="step-title">${h.t(step.title)}</span>`}
        </li>`;
      })}
    </ol>
  </nav>`;
}
