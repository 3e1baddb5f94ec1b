import type { ComposedBundle, Json, Locale, MaterialValue, Submission } from '@onething/engine/runtime';
import type { Text } from '../model/types.js';
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ShapeValidator, ValidationError } from '../model/errors.js';
import { errorPath } from '../model/error-paths.js';
import { FormModel } from '../model/form-model.js';
import { getAt } from '../model/paths.js';
import { schemaAt } from '../model/schema.js';
import { renderForm } from '../render/form.js';
import { fieldId, type FieldInfo, type MaterialView, type RenderHost } from '../render/host.js';
import { MATERIAL, materialId } from '../render/materials.js';
import { ANSWERS } from '../render/questions.js';
import { theme } from '../styles/theme.js';
import { MaterialUploads } from '../upload/material-uploads.js';
import type { Uploader, UploadRequestDetail } from '../upload/uploads.js';
import { createWidgetRegistry, type WidgetRegistry } from '../widgets/registry.js';
import type { WidgetContext } from '../widgets/types.js';
import { ErrorStore, type Found } from './error-store.js';
import { FieldContext } from './field-context.js';
import { resolveInfo } from './field-info.js';
import { rowEdit, RowKeys, rowFocusTarget, rowsOf, type RowAction } from './rows.js';
import { isOpen, flaggedPaths } from './supplement.js';
import { Versions } from './versions.js';
import { onStep, wizardSteps, type WizardStep } from './wizard.js';
import type { OtChangeDetail, OtStepDetail, OtSubmitDetail, OtInvalidDetail, SupplementRequest } from './events.js';

const defaultWidgets = createWidgetRegistry();
const TEXT_INPUT = /^(text|email|tel|search|url|number|date)$/;

/**
 * Renders a composed bundle as one form: guidance questions first (their answers switch items on
 * and off live), then the sections of the active items (or wizard steps), then the materials.
 * Validates on blur and on submit with a GOV.UK error summary, in zh-CN or en.
 *
 * @fires ot-change - a value changed: `{ path, value, data, answers }`
 * @fires ot-step - the wizard moved to another step: `{ index, id, count }`
 * @fires ot-submit - the form was submitted and is valid: `{ submission }` (hidden data pruned)
 * @fires ot-invalid - submitting (or continuing) found problems: `{ errors }`
 * @fires ot-upload-request - a file needs uploading and no `.uploader` is set (see UploadRequestDetail)
 * @csspart form - the whole form
 * @csspart header - title and description
 * @csspart section - a section; the questions' and materials' sections are also `questions`, `materials`
 * @csspart section-title - a section heading
 * @csspart field - one field; also `locked` (shown as text in supplement mode) or `material`
 * @csspart label - a field's label or legend
 * @csspart legend - a group's or repeatable group's legend
 * @csspart radios - a radio group; `checkboxes` a checkbox list; `division` the division picker
 * @csspart hint - help text
 * @csspart error - a field's error message
 * @csspart note - the reviewer's note in supplement mode
 * @csspart control - an input, select, textarea, radio or checkbox
 * @csspart group - a nested object's fieldset
 * @csspart list - a repeatable group; `row` each of its rows
 * @csspart error-summary - the error summary
 * @csspart steps - the wizard's step list; `step` each step; `progress` the "Step n of m" text
 * @csspart items - the list of services the answers switched on
 * @csspart files - uploaded files of a material
 * @csspart button - secondary buttons; `submit` the primary button
 * @csspart supplement - the supplement request's introduction
 */
@customElement('ot-form')
export class OtForm extends LitElement implements RenderHost {
  static override styles = theme;

  /** The composed bundle to render (what `compose` returns; the server serves it). */
  @property({ attribute: false }) accessor composed: ComposedBundle | undefined;
  /** The language of every label and message: `zh-CN` (default) or `en`. Switching re-renders everything. */
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';
  /** `sections` (one page) or `wizard` (one section per step); default: the bundle's `ui.layout`. */
  @property() accessor layout: 'sections' | 'wizard' | undefined;
  /** The precompiled standalone shape validator of this bundle; without it only requiredness is checked here. */
  @property({ attribute: false }) accessor validator: ShapeValidator | undefined;
  /** A supplement request: only the fields and materials it names are editable, each with the reviewer's reason. */
  @property({ attribute: false }) accessor supplement: SupplementRequest | undefined;
  /** Uploads a material's file; without one the form fires `ot-upload-request`. */
  @property({ attribute: false }) accessor uploader: Uploader | undefined;
  /** The applicant's electronic licences the host knows of: offered as "use my e-licence". */
  @property({ attribute: false }) accessor eLicenses: ReadonlyArray<{ type: string; number: string }> = [];
  /** The widget registry (type → widget descriptor). */
  @property({ attribute: false }) accessor widgets: WidgetRegistry = defaultWidgets;
  /** "Today" for date rules (ISO date); default: the real today. */
  @property() accessor now: string | undefined;

  @state() private accessor stepIndex = 0;

  /** Bumped when everything must re-render. */
  epoch = 0;
  private model: FormModel | undefined;
  private initial: { data?: Record<string, Json>; answers?: Record<string, Json>; materials?: Record<string, MaterialValue> } = {};
  private versions: Versions | undefined;
  private infos = new Map<string, FieldInfo | undefined>();
  private drafts = new Map<string, string>();
  private dirty = new Set<string>();
  private errors = new ErrorStore(this);
  private flagged = new Map<string, Text | undefined>();
  private rows = new RowKeys();
  private uploads = new MaterialUploads(this);

  /** The bundle data (live; includes computed values). Setting it replaces the data. */
  get data(): Record<string, Json> {
    return this.model?.data ?? this.initial.data ?? {};
  }
  set data(value: Record<string, Json>) {
    this.replace({ data: value });
  }
  /** The guidance answers. Setting them re-evaluates which items apply. */
  get answers(): Record<string, Json> {
    return this.model?.answers ?? this.initial.answers ?? {};
  }
  set answers(value: Record<string, Json>) {
    this.replace({ answers: value });
  }
  /** What the applicant provided for each material (uploaded file references or an e-licence). */
  get materials(): Record<string, MaterialValue> {
    return this.model?.materials ?? this.initial.materials ?? {};
  }
  set materials(value: Record<string, MaterialValue>) {
    this.replace({ materials: value });
    this.uploads.reset(value);
    // a material shown with "use my e-licence" selected has that as its value (after the bundle is set: willUpdate)
    if (this.model) this.uploads.applyDefaults(this.model.materials);
  }

  /**
   * The submission as it stands (for autosave); `validate()` and `ot-submit` give the pruned one.
   * @example localStorage.setItem('draft', JSON.stringify(form.submission))
   */
  get submission(): Submission {
    return this.model?.submission() ?? { answers: this.answers, data: this.data, materials: this.materials };
  }

  private replace(next: typeof this.initial): void {
    if (this.model) {
      this.model.reset(next);
      this.drafts.clear();
      this.epoch++;
    } else {
      this.initial = { ...this.initial, ...next };
    }
    this.requestUpdate();
  }

  // ---- lifecycle -------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener('input', this.onInput);
    this.renderRoot.addEventListener('change', this.onChange);
    this.renderRoot.addEventListener('focusout', this.onFocusOut as EventListener);
    this.renderRoot.addEventListener('click', this.onClick);
    this.renderRoot.addEventListener('keydown', this.onKeyDown as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener('input', this.onInput);
    this.renderRoot.removeEventListener('change', this.onChange);
    this.renderRoot.removeEventListener('focusout', this.onFocusOut as EventListener);
    this.renderRoot.removeEventListener('click', this.onClick);
    this.renderRoot.removeEventListener('keydown', this.onKeyDown as EventListener);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('composed') && this.composed) {
      const previous = this.model;
      this.model = new FormModel(this.composed, {
        data: previous?.data ?? this.initial.data,
        answers: previous?.answers ?? this.initial.answers,
        materials: previous?.materials ?? this.initial.materials,
        now: this.now,
      });
      this.infos.clear();
      this.versions = new Versions(this.composed);
      this.errors = new ErrorStore(this);
      this.stepIndex = 0;
    }
    if (changed.has('widgets')) this.infos.clear();
    if (changed.has('supplement')) {
      this.flagged = flaggedPaths(this.supplement);
    }
    if ((changed.has('composed') || changed.has('eLicenses') || changed.has('supplement')) && this.model) this.uploads.applyDefaults(this.model.materials);
    if (changed.has('locale') || changed.has('composed') || changed.has('supplement') || changed.has('widgets') || changed.has('eLicenses')) {
      this.epoch++;
    }
  }

  // ---- RenderHost ------------------------------------------------------------------------

  get composedBundle(): ComposedBundle {
    return this.composed!;
  }

  t(text: Text): string {
    return text[this.locale] ?? text['zh-CN'];
  }

  version(key: string): number {
    return this.versions?.get(key) ?? 0;
  }

  info(path: string): FieldInfo | undefined {
    if (!this.infos.has(path)) this.infos.set(path, this.composed && resolveInfo(this.composed, this.widgets, path));
    return this.infos.get(path);
  }

  value(path: string): Json | undefined {
    if (path.startsWith(ANSWERS)) return this.answers[path.slice(ANSWERS.length)];
    return getAt(this.data, path);
  }

  draft(path: string): string | undefined {
    return this.drafts.get(path);
  }

  visible(path: string): boolean {
    if (path.startsWith(ANSWERS)) return this.model?.questionVisible(path.slice(ANSWERS.length)) ?? false;
    if (path.startsWith(MATERIAL)) return this.material(path.slice(MATERIAL.length)).visible;
    const list = this.versions?.listOf(path);
    if (list) return this.visible(list);
    return this.model?.isVisible(path) ?? false;
  }

  required(path: string): boolean {
    if (path.startsWith(ANSWERS)) return this.model?.questionRequired(path.slice(ANSWERS.length)) ?? false;
    const row = this.versions?.listOf(path) ? /^(.*)\.\d+\.([^.]+)$/.exec(path) : null;
    if (row) {
      const items = schemaAt(this.composed!.schema, row[1]!)?.items;
      return typeof items === 'object' && (items.required?.includes(row[2]!) ?? false);
    }
    return this.model?.isRequired(path) ?? false;
  }

  locked(path: string): boolean {
    return this.supplement !== undefined && !isOpen(this.flagged, path);
  }

  computed(path: string): boolean {
    return this.model?.isComputed(path) ?? false;
  }

  error(path: string): ValidationError | undefined {
    return this.errors.get(path);
  }

  note(path: string): Text | undefined {
    return this.flagged.get(path);
  }

  active(): ReadonlySet<string> {
    return this.model?.active ?? new Set();
  }

  rowKeys(path: string, count: number): readonly number[] {
    return this.rows.of(path, count);
  }

  material(id: string): MaterialView {
    const material = this.composed!.materials.find((m) => m.id === id)!;
    const state = this.model?.material(id) ?? { visible: false, required: false, exempt: false };
    const licence = material.eLicense ? this.eLicenses.find((l) => l.type === material.eLicense) : undefined;
    return {
      material,
      visible: state.visible,
      required: state.required,
      value: this.materials[id],
      uploads: this.uploads.of(id),
      problem: this.uploads.problem(id),
      news: this.uploads.news(id),
      mode: this.uploads.mode(id, material),
      ...(licence && { licence }),
    };
  }

  widgetContext(info: FieldInfo): WidgetContext {
    return new FieldContext(this, info);
  }

  /** Stores a material's value (from the uploads controller) and tells listeners, unless the form chose it itself (`quiet`). */
  commitMaterial(id: string, value: MaterialValue | undefined, quiet = false): void {
    const model = this.model;
    if (!model) return;
    model.setMaterial(id, value);
    const path = MATERIAL + id;
    if (this.errors.has(path)) this.validatePaths([path]);
    if (quiet) return;
    this.dispatchEvent(
      new CustomEvent<OtChangeDetail>('ot-change', {
        detail: { path, value: value as Json | undefined, data: model.data, answers: model.answers },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // ---- invalidation ----------------------------------------------------------------------

  /** Marks a path (and what contains it: groups, its section) as needing a re-render. */
  bump(path: string): void {
    this.versions?.bump(path);
  }

  // ---- editing ---------------------------------------------------------------------------

  /** Writes a value (and what its widget derives from it), re-evaluates the rules that depend on it. */
  private commit(path: string, value: Json | undefined, derived: Record<string, Json> = {}): void {
    const model = this.model;
    if (!model) return;
    const change = path.startsWith(ANSWERS) ? model.setAnswer(path.slice(ANSWERS.length), value) : model.set({ [path]: value, ...derived });
    if (change.items.length) this.epoch++; // items switched on or off: sections, steps and the items list change
    for (const p of change.paths) if (p !== path || this.needsOwnRender(path)) this.bump(p);
    for (const id of change.materials) this.bump(MATERIAL + id);
    for (const name of change.questions) this.bump(ANSWERS + name);
    if (path.startsWith(ANSWERS)) this.bump(path);
    this.dirty.add(path);
    if (this.errors.has(path)) this.validatePaths([path]);
    this.requestUpdate();
    this.dispatchEvent(
      new CustomEvent<OtChangeDetail>('ot-change', {
        detail: { path, value, data: model.data, answers: model.answers },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** A field re-renders on its own input only when it shows something derived from it (a checksum status). */
  private needsOwnRender(path: string): boolean {
    const info = this.info(path);
    return !this.drafts.has(path) || info?.widget.status !== undefined || this.errors.has(path);
  }

  private readonly onInput = (event: Event) => {
    const control = event.target as HTMLInputElement;
    const name = control.name;
    if (!name || control.type === 'file') return;
    if (name.startsWith('material-licence/')) {
      this.uploads.setLicenceNumber(name.slice('material-licence/'.length), control.value);
      return;
    }
    if (name.startsWith('material-mode/')) return;
    const info = this.info(name);
    if (!info) return;
    const raw = control.type === 'checkbox' ? control.checked : control.value;
    const text = control.type !== 'radio' && control.type !== 'checkbox' && control.tagName !== 'SELECT';
    if (text && !info.widget.normalizeAsYouType) this.drafts.set(name, control.value);
    const ctx = this.widgetContext(info);
    const value = info.widget.sanitize(raw, ctx, control);
    this.commit(name, value, info.widget.derive?.(value, ctx));
  };

  private readonly onChange = (event: Event) => {
    const control = event.target as HTMLInputElement;
    const name = control.name;
    if (!name) return;
    if (name.startsWith(MATERIAL) && control.type === 'file') {
      this.uploads.add(name.slice(MATERIAL.length), [...(control.files ?? [])]);
      control.value = '';
      return;
    }
    if (name.startsWith('material-mode/')) {
      this.uploads.setMode(name.slice('material-mode/'.length), control.value as 'upload' | 'e-licence');
      return;
    }
    if (this.drafts.delete(name)) {
      this.bump(name); // show the committed value (trimmed, upper-cased…)
      this.requestUpdate();
    }
  };

  private readonly onFocusOut = (event: FocusEvent) => {
    const control = event.target as HTMLInputElement;
    const name = control.name;
    if (!name || name.startsWith('material')) return;
    if (this.drafts.delete(name)) this.bump(name);
    if (this.dirty.has(name) || this.errors.has(name)) this.validatePaths([name]);
    this.requestUpdate();
  };

  private readonly onClick = (event: Event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action], [data-focus]');
    if (!target) return;
    if (target.dataset.focus) {
      event.preventDefault();
      void this.focusField(target.dataset.focus);
      return;
    }
    const { action, path = '', index = '0' } = target.dataset;
    const i = Number(index);
    if (action === 'add' || action === 'remove' || action === 'up' || action === 'down') this.editRows(path, action, i);
    else if (action === 'remove-file') this.removeFile(target.dataset.material!, Number(target.dataset.key));
    else if (action === 'next') void this.goToStep(this.currentStep() + 1, true);
    else if (action === 'back') void this.goToStep(this.currentStep() - 1, false);
    else if (action === 'step') void this.goToStep(i, false);
    else if (action === 'submit') this.submit();
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const control = event.target as HTMLInputElement;
    if (event.key !== 'Enter' || control.tagName !== 'INPUT' || !TEXT_INPUT.test(control.type) || event.isComposing) return;
    // Enter in a one-line field does what it does in a native form: continue, or submit on the last step.
    event.preventDefault();
    control.dispatchEvent(new Event('change', { bubbles: true }));
    if (this.isWizard && this.currentStep() < this.steps().length - 1) void this.goToStep(this.currentStep() + 1, true);
    else this.submit();
  };

  /** Removes a material's file; focus goes to the upload control (or the next file), not to the page's start. */
  private removeFile(material: string, key: number): void {
    this.uploads.remove(material, key);
    void this.updateComplete.then(() => {
      const block = this.renderRoot.querySelector<HTMLElement>(`[id="${materialId(material)}-hint"]`)?.closest('fieldset');
      (block?.querySelector<HTMLElement>('input[type=file], [data-action="remove-file"]') ?? block)?.focus();
    });
  }

  /** Adds, removes or moves rows of a repeatable group, keeping row keys (and so focus) with their rows. */
  private editRows(path: string, action: RowAction, index: number): void {
    const shown = this.renderRoot.querySelectorAll(`[id="${fieldId(path)}"] > fieldset > .row`).length;
    const before = [...rowsOf(this.value(path))];
    while (before.length < shown) before.push({}); // rows shown for minItems but not yet typed in
    const { rows, focus } = rowEdit<Json>(action, index, before, {});
    this.rows.edit(path, action, index, before.length);
    this.commit(path, rows);
    this.versions?.bumpRows(path);
    void this.updateComplete.then(() => rowFocusTarget(this.renderRoot.querySelector<HTMLElement>(`[id="${fieldId(path)}"]`), focus)?.focus());
  }

  // ---- validation ------------------------------------------------------------------------

  /**
   * Validates the whole form as on submit: shows every error beside its field and in the summary.
   * Returns whether it is valid; fires `ot-invalid` when not.
   * @example if (form.validate()) await save(form.submission)
   */
  validate(): boolean {
    return this.runValidation(undefined) !== undefined;
  }

  /**
   * Validates and, when valid, fires `ot-submit` with the submission (hidden data pruned).
   * @example form.addEventListener('ot-submit', (e) => send(e.detail.submission)); form.submit();
   */
  submit(): boolean {
    const submission = this.runValidation(undefined);
    if (!submission) return false;
    this.dispatchEvent(
      new CustomEvent<OtSubmitDetail>('ot-submit', { detail: { submission }, bubbles: true, composed: true }),
    );
    return true;
  }

  /** Runs the engine's check; `scope` limits shown errors to some paths (a wizard step). Undefined when invalid. */
  private runValidation(scope: ((path: string) => boolean) | undefined): Submission | undefined {
    const model = this.model;
    if (!model) return undefined;
    const result = model.check(this.validator);
    const found = this.found(result.errors).filter((e) => !scope || scope(e.path));
    this.errors.showAll(found, scope);
    this.requestUpdate();
    if (found.length === 0) return result.submission;
    this.dispatchEvent(
      new CustomEvent<OtInvalidDetail>('ot-invalid', {
        detail: { errors: found.map((e) => e.error) },
        bubbles: true,
        composed: true,
      }),
    );
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus());
    return undefined;
  }

  /** Re-validates some fields (on blur, or while fixing an error) without touching the others' errors. */
  private validatePaths(paths: string[]): void {
    const model = this.model;
    if (!model) return;
    const wanted = new Set(paths);
    this.errors.showSome(paths, this.found(model.check(this.validator).errors).filter((e) => wanted.has(e.path)));
  }

  /** The engine's errors and the uploads' own problems, each with its form path. */
  private found(errors: readonly ValidationError[]): Found[] {
    return [...errors.map((error) => ({ path: errorPath(error), error })), ...this.uploads.errors()];
  }

  /** Moves focus to a field (from the error summary), switching wizard step first if needed. */
  private async focusField(id: string): Promise<void> {
    const path = this.errors.paths().find((p) => this.errors.targetId(p) === id);
    if (path && this.isWizard) {
      const step = this.stepOfPath(path);
      if (step >= 0 && step !== this.currentStep()) await this.goToStep(step, false);
    }
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HTMLElement>(`[id="${id}"]`);
    if (!element) return;
    // the control itself, else the first control of the field (a material's link points at its
    // hint: the file input, or the choice between the e-licence and an upload, comes first after it)
    const controls = 'input, select, textarea, button';
    const target = element.matches(`${controls}, [tabindex]`)
      ? element
      : (element.querySelector<HTMLElement>(controls) ?? element.closest('.field, .group')?.querySelector<HTMLElement>(controls));
    (target ?? element).focus();
    element.closest('.field, .group')?.scrollIntoView({ block: 'start' });
  }

  // ---- wizard ----------------------------------------------------------------------------

  private get isWizard(): boolean {
    return (this.layout ?? this.composed?.ui.layout) === 'wizard';
  }

  private steps(): WizardStep[] {
    return this.composed ? wizardSteps(this) : [];
  }

  /**
   * The step shown: the one moved to, or the last one when answers have since taken steps away
   * (the step list shrinks when items switch off).
   */
  private currentStep(steps: readonly WizardStep[] = this.steps()): number {
    return Math.min(this.stepIndex, Math.max(0, steps.length - 1));
  }

  private stepOfPath(path: string): number {
    return this.steps().findIndex((step) => onStep(step, path));
  }

  /** Goes to a step; going forward first validates the current one. */
  private async goToStep(index: number, check: boolean): Promise<void> {
    const steps = this.steps();
    if (index < 0 || index >= steps.length) return;
    if (check) {
      const current = steps[this.currentStep(steps)];
      if (!this.runValidation((path) => onStep(current, path))) return;
    }
    this.errors.clear();
    this.stepIndex = index;
    this.epoch++;
    this.dispatchEvent(
      new CustomEvent<OtStepDetail>('ot-step', {
        detail: { index, id: steps[index]!.id, count: steps.length },
        bubbles: true,
        composed: true,
      }),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    if (!this.composed || !this.model) return nothing;
    const steps = this.isWizard ? this.steps() : undefined;
    return renderForm(this, { steps, index: this.currentStep(steps), supplement: this.supplement, summary: this.errors.summary });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-form': OtForm;
  }
  interface HTMLElementEventMap {
    'ot-change': CustomEvent<OtChangeDetail>;
    'ot-step': CustomEvent<OtStepDetail>;
    'ot-submit': CustomEvent<OtSubmitDetail>;
    'ot-invalid': CustomEvent<OtInvalidDetail>;
    'ot-upload-request': CustomEvent<UploadRequestDetail>;
  }
}
