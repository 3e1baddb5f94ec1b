import type { ComposedSection } from '@onething/engine/runtime';
import { strings } from '../i18n/strings.js';
import { MATERIAL } from '../model/paths.js';
import type { RenderHost } from '../render/host.js';
import { questionPaths } from '../render/questions.js';
import { sectionShown } from '../render/section.js';
import type { Step } from '../render/steps.js';

/** A wizard step with what it shows: the questions, one section, or the materials. */
export interface WizardStep extends Step {
  sections: ComposedSection[];
  /** The form paths on this step (a path under one of them is on it too). */
  paths: string[];
}

/**
 * The wizard's steps as the answers stand: the questions, each section with something to show,
 * then the materials asked for.
 * @example wizardSteps(form).map((s) => s.id) // ['questions', 'child', 'mother', …, 'materials']
 */
export function wizardSteps(h: RenderHost): WizardStep[] {
  const c = h.composedBundle;
  const steps: WizardStep[] = [];
  const questions = questionPaths(h);
  if (questions.length) steps.push({ id: 'questions', title: strings.questions, sections: [], paths: questions });
  for (const s of c.ui.sections) if (sectionShown(h, s)) steps.push({ id: s.id, title: s.title, sections: [s], paths: s.fields });
  const materials = c.materials.filter((m) => h.material(m.id).visible).map((m) => MATERIAL + m.id);
  if (materials.length) steps.push({ id: 'materials', title: strings.materials, sections: [], paths: materials });
  return steps;
}

/** True when a form path is shown on a step. */
export function onStep(step: WizardStep | undefined, path: string): boolean {
  return step?.paths.some((p) => path === p || path.startsWith(`${p}.`)) ?? false;
}
