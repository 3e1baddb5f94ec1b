import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { SupplementRequest } from '../elements/events.js';
import type { WizardStep } from '../elements/wizard.js';
import { format, strings } from '../i18n/strings.js';
import type { RenderHost } from './host.js';
import { renderMaterials } from './materials.js';
import { questionPaths, renderActiveItems, renderQuestions } from './questions.js';
import { renderSection } from './section.js';
import { renderSteps } from './steps.js';
import { renderSummary, type SummaryEntry } from './summary.js';

/** What the whole form shows besides the bundle: the wizard's position, the supplement request, the error summary. */
export interface FormView {
  /** The wizard's steps, or none for one page. */
  steps: readonly WizardStep[] | undefined;
  /** The current step (within `steps`). */
  index: number;
  supplement: SupplementRequest | undefined;
  summary: readonly SummaryEntry[];
}

/**
 * The whole form: title, the supplement request's introduction, the error summary, the step list,
 * the questions, sections and materials (all, or the current step's), and the actions.
 * @example render() { return renderForm(this, { steps, index, supplement, summary }) }
 */
export function renderForm(h: RenderHost, view: FormView): TemplateResult {
  const c = h.composedBundle;
  const { steps, index, supplement } = view;
  const last = !steps || index === steps.length - 1;
  return html`<div class="form" part="form" role="form" aria-labelledby="ot-title" lang=${h.locale}>
    <header part="header">
      <h2 class="title" id="ot-title">${h.t(c.bundle.title)}</h2>
      ${c.bundle.description ? html`<p class="lead">${h.t(c.bundle.description)}</p>` : nothing}
    </header>
    ${supplement ? renderSupplementIntro(h, supplement) : nothing} ${renderSummary(h, view.summary)}
    ${steps ? renderSteps(h, steps, index) : nothing} ${steps ? renderStep(h, steps, index) : renderAll(h)}
    <div class="actions">
      ${steps && index > 0
        ? html`<button type="button" class="button button--secondary" part="button" data-action="back">${h.t(strings.back)}</button>`
        : nothing}
      ${last
        ? html`<button type="button" class="button" part="submit" data-action="submit">${h.t(supplement ? strings.resubmit : strings.submit)}</button>`
        : html`<button type="button" class="button" part="submit" data-action="next">${h.t(strings.next)}</button>`}
    </div>
  </div>`;
}

/** One page: the questions (and the services they include), every section, the materials. */
function renderAll(h: RenderHost): unknown {
  const c = h.composedBundle;
  const questions = questionPaths(h);
  return [
    renderQuestions(h, questions),
    questions.length ? guard([h.epoch], () => renderActiveItems(h)) : nothing,
    c.ui.sections.map((section) => renderSection(h, section)),
    renderMaterials(h, c.materials.map((m) => m.id)),
  ];
}

/** One wizard step, under a (visually hidden) heading "Step n of m: title" that receives focus. */
function renderStep(h: RenderHost, steps: readonly WizardStep[], index: number): unknown {
  const step = steps[index];
  if (!step) return nothing;
  const body =
    step.id === 'questions'
      ? [renderQuestions(h, step.paths), guard([h.epoch], () => renderActiveItems(h))]
      : step.id === 'materials'
        ? renderMaterials(h, h.composedBundle.materials.map((m) => m.id))
        : step.sections.map((section) => renderSection(h, section));
  return html`<h3 class="visually-hidden step-heading" tabindex="-1">
      ${format(strings.stepOf, h.locale, { n: index + 1, total: steps.length })}: ${h.t(step.title)}
    </h3>
    ${body}`;
}

function renderSupplementIntro(h: RenderHost, supplement: SupplementRequest): TemplateResult {
  return html`<div class="supplement" part="supplement" role="note">
    <p><strong>${h.t(strings.supplementIntro)}</strong></p>
    ${supplement.reason ? html`<p>${h.t(supplement.reason)}</p>` : nothing}
  </div>`;
}
