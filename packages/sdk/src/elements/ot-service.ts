import '@onething/form-elements';
import type { OtForm, OtSubmitDetail, FileRef, UploadContext } from '@onething/form-elements';
import type { Json, Locale, MaterialValue } from '@onething/engine/runtime';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createApiClient, type ApiClient, type TokenSource } from '../api/client.js';
import { ServiceError } from '../api/errors.js';
import type { ApplicationView } from '../api/types.js';
import { DraftSync, type SaveStatus } from '../drafts/draft-sync.js';
import { subjectOf } from '../drafts/keys.js';
import { keysFor, newLocalDraft, rememberReceipt, type DraftContent } from '../drafts/local-draft.js';
import { openStorage, type SafeStorage, type StorageChoice } from '../drafts/storage.js';
import { format, strings, type Text } from '../i18n/strings.js';
import { markPrefilled } from '../prefill/prefill.js';
import { openSession, type Session } from '../session.js';
import { sdkStyles } from './styles.js';
import { fieldTitle } from './titles.js';
import './ot-status.js';

const FORM_PARTS =
  'form, header, section, questions, materials, section-title, field, locked, material, label, legend, hint, error, note, control, radios, checkboxes, ' +
  'division, group, list, row, error-summary, steps, step, progress, items, files, button, submit, supplement';

/** `ot-ready`: the form is shown. */
export interface OtReadyDetail {
  /** `new`, `device` (restored from this device) or `server` (a draft saved earlier). */
  origin: Session['origin'];
  offline: boolean;
  /** Fields smart prefill filled in (path → `token` | `history`). */
  prefilled: Record<string, 'token' | 'history'>;
}

/** `ot-submitted`: the server accepted the submission. */
export interface OtSubmittedDetail {
  application: ApplicationView;
  submission: DraftContent;
  /** For a citizen who is not signed in: the token that reads this application later. */
  continuationToken?: string;
}

/** `ot-save`: autosave's state changed. */
export interface OtSaveDetail {
  status: SaveStatus;
}

/** `ot-error`: loading or submitting failed (the element also says so on the page). */
export interface OtErrorDetail {
  error: ServiceError;
  during: 'load' | 'submit';
}

/**
 * A whole service on a page: loads a bundle's composed form and precompiled validator from the
 * onething server, resumes or starts the applicant's draft (smart prefill for signed-in
 * applicants), autosaves it (to the device at once, to the server after a pause, offline-safe),
 * submits it idempotently, then shows the application's progress.
 *
 * @fires ot-ready - the form is shown: `{ origin, offline, prefilled }`
 * @fires ot-save - autosave state: `{ status }`
 * @fires ot-submitted - the server accepted it: `{ application, submission, continuationToken? }`
 * @fires ot-error - loading or submitting failed: `{ error, during }`
 * @csspart status - the autosave line; `notice` the messages above the form; `panel` the confirmation
 * @csspart form - the `<ot-form>` element (style its own parts with `ot-service::part(...)` via exportparts)
 */
@customElement('ot-service')
export class OtService extends LitElement {
  static override styles = sdkStyles;

  /** Base URL of the onething server (`https://zwfw.example.gov.cn`). */
  @property() accessor server = '';
  /** The bundle id (`newborn-birth`). */
  @property() accessor bundle = '';
  /** An exact published version; default: the newest. */
  @property() accessor version: string | undefined;
  /** The applicant's bearer token, or a function returning the current one. Absent: a citizen not signed in. */
  @property() accessor token: TokenSource | undefined;
  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';
  /** `sections` or `wizard`; default: the bundle's layout. */
  @property() accessor layout: 'sections' | 'wizard' | undefined;
  /** Where drafts are kept on the device: `local` (default), `session` or `none`. */
  @property() accessor storage: StorageChoice = 'local';
  /** Resume the draft of this continuation token (from a "continue later" link). */
  @property({ attribute: 'continuation-token' }) accessor continuationToken: string | undefined;
  /** Milliseconds of quiet before autosaving to the server. */
  @property({ attribute: 'autosave-delay', type: Number }) accessor autosaveDelay = 1500;
  /** Turns smart prefill off. */
  @property({ attribute: 'no-prefill', type: Boolean }) accessor noPrefill = false;
  /** Show `<ot-status>` after submission (default true). */
  @property({ attribute: 'no-status', type: Boolean }) accessor noStatus = false;
  /** The applicant's electronic licences the portal knows of (offered instead of uploads). */
  @property({ attribute: false }) accessor eLicenses: ReadonlyArray<{ type: string; number: string }> = [];
  /** Theme: CSS custom properties (`{ '--ot-color-primary': '#b3261e' }`), set on this element. */
  @property({ attribute: false }) accessor theme: Record<string, string> | undefined;

  @state() private accessor phase: 'idle' | 'loading' | 'failed' | 'form' | 'submitted' = 'idle';
  @state() private accessor save: SaveStatus = { state: 'idle' };
  /** When the server last had every change (the status line's "Draft saved at …"). */
  @state() private accessor savedAt: string | undefined;
  @state() private accessor loadError: ServiceError | undefined;
  @state() private accessor submitError: ServiceError | undefined;
  @state() private accessor submitting = false;
  @state() private accessor submitted: OtSubmittedDetail | undefined;

  private api: ApiClient | undefined;
  private store: SafeStorage | undefined;
  private session: Session | undefined;
  private sync: DraftSync | undefined;
  private form: OtForm | undefined;
  private generation = 0;
  /** Aborted when the element leaves the page (`destroy()`): the uploads under way stop. */
  private attached = new AbortController();
  private readyWaiters: Array<{ resolve(): void; reject(e: unknown): void }> = [];

  /**
   * Resolves when the form is shown (or the submitted application, if the draft was submitted); rejects when loading failed.
   * @example await document.querySelector('ot-service')!.ready()
   */
  ready(): Promise<void> {
    if (this.phase === 'form' || this.phase === 'submitted') return Promise.resolve();
    if (this.phase === 'failed') return Promise.reject(this.loadError);
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** The form content as it stands (answers, data with computed values, materials). */
  get submission(): DraftContent {
    const s = this.form?.submission;
    return s ? { answers: s.answers, data: s.data, materials: s.materials ?? {} } : (this.session?.draft.content ?? { answers: {}, data: {}, materials: {} });
  }

  /** The application id once the server has the draft, and the continuation token of a citizen not signed in. */
  get application(): { id?: string; continuationToken?: string } {
    const d = this.sync?.draft;
    return { ...(d?.id ? { id: d.id } : {}), ...(d?.continuation ? { continuationToken: d.continuation } : {}) };
  }

  /**
   * Saves to the server now (autosave does it anyway after a pause).
   * @example window.addEventListener('pagehide', () => void service.saveNow())
   */
  async saveNow(): Promise<void> {
    await this.sync?.flush();
  }

  /**
   * Validates and, when valid, submits (as the form's own button does). False when invalid.
   * @example if (!service.submit()) announce('Please correct the form')
   */
  submit(): boolean {
    return this.form?.submit() ?? false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sync?.stop();
    // removed, not moved: a move (insertBefore, a framework re-ordering) reconnects in the same task
    const attached = this.attached;
    queueMicrotask(() => {
      if (!this.isConnected) attached.abort(new DOMException('The form was removed from the page.', 'AbortError'));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.attached.signal.aborted) this.attached = new AbortController();
    // moved in the page (or re-attached by a framework): autosave resumes, and what the stopped
    // autosave had not sent yet goes now rather than with the next change
    if (this.session && this.phase === 'form') {
      this.sync = this.newSync(this.session);
      if (this.session.draft.pending) void this.sync.flush();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) {
      for (const [name, value] of Object.entries(this.theme ?? {})) if (name.startsWith('--')) this.style.setProperty(name, value);
    }
    if (changed.has('locale')) {
      this.api?.setLocale(this.locale);
      if (this.form) this.form.locale = this.locale;
    }
    if (changed.has('layout') && this.form) this.form.layout = this.layout;
    if (changed.has('eLicenses') && this.form) this.form.eLicenses = this.eLicenses;
    const restart = (['server', 'bundle', 'version', 'storage', 'continuationToken'] as const).some((k) => changed.has(k));
    if (restart) void this.start();
    else if (changed.has('token') && this.session) void this.restartIfOwnerChanged();
  }

  /** A different person signed in (or out): the form restarts with their own draft, never another's. */
  private async restartIfOwnerChanged(): Promise<void> {
    const session = this.session;
    const token = (typeof this.token === 'function' ? await this.token() : this.token) ?? undefined;
    const owner = subjectOf(token) ?? (token ? 'signed-in' : 'anonymous');
    if (session && session === this.session && owner !== session.owner) await this.start();
  }

  private async start(): Promise<void> {
    if (!this.server || !this.bundle) return;
    const generation = ++this.generation;
    this.sync?.stop();
    this.sync = undefined;
    this.session = undefined;
    this.form = undefined;
    this.phase = 'loading';
    this.submitError = undefined;
    this.savedAt = undefined;
    this.api = createApiClient({ server: this.server, token: () => (typeof this.token === 'function' ? this.token() : this.token), locale: this.locale });
    this.store = openStorage(this.storage);
    try {
      const session = await openSession({
        api: this.api,
        storage: this.store,
        bundle: this.bundle,
        version: this.version,
        continuationToken: this.continuationToken,
        prefill: !this.noPrefill,
      });
      if (generation !== this.generation) return;
      if (!this.isConnected) {
        // removed while loading (React StrictMode's first mount): nothing to show or save
        for (const w of this.readyWaiters.splice(0)) w.resolve();
        this.phase = 'idle';
        return;
      }
      this.session = session;
      if (session.submitted) {
        this.store.remove(session.key);
        this.submitted = { application: session.submitted, submission: session.draft.content, ...(session.draft.continuation ? { continuationToken: session.draft.continuation } : {}) };
        this.phase = 'submitted';
      } else {
        this.form = this.createForm(session);
        this.sync = this.newSync(session);
        if (session.offline) this.save = { state: 'offline', kept: this.store.available };
        if (session.draft.pending) void this.sync.flush();
        this.phase = 'form';
      }
      for (const w of this.readyWaiters.splice(0)) w.resolve();
      this.emit<OtReadyDetail>('ot-ready', { origin: session.origin, offline: session.offline, prefilled: session.draft.prefilled ?? {} });
    } catch (error) {
      if (generation !== this.generation) return;
      const e = error instanceof ServiceError ? error : new ServiceError('invalid-response', 0, String(error));
      this.loadError = e;
      this.phase = 'failed';
      for (const w of this.readyWaiters.splice(0)) w.reject(e);
      this.emit<OtErrorDetail>('ot-error', { error: e, during: 'load' });
    }
  }

  private newSync(session: Session): DraftSync {
    return new DraftSync(session.draft, {
      api: this.api!,
      storage: this.store!,
      key: session.key,
      delayMs: this.autosaveDelay,
      onStatus: (status) => {
        this.save = status;
        if (status.state === 'saved') this.savedAt = status.at;
        this.emit<OtSaveDetail>('ot-save', { status });
        if (status.state === 'submitted') this.finish(status.application, this.submission);
      },
    });
  }

  private createForm(session: Session): OtForm {
    const form = document.createElement('ot-form');
    // every part <ot-form> documents (docs/form-elements.md), so a portal styles the form from outside
    form.setAttribute('exportparts', FORM_PARTS);
    form.setAttribute('part', 'form');
    const { answers, data, materials } = session.draft.content;
    form.answers = answers;
    form.data = data;
    form.materials = materials;
    form.locale = this.locale;
    if (this.layout) form.layout = this.layout;
    form.eLicenses = this.eLicenses;
    form.validator = session.validator;
    form.uploader = (file, context) => this.upload(file, context);
    form.composed = markPrefilled(session.composed, session.draft.prefilled ?? {});
    form.addEventListener('ot-change', () => this.sync?.change(this.submission));
    form.addEventListener('ot-submit', (e: CustomEvent<OtSubmitDetail>) => {
      const s = e.detail.submission;
      void this.send({ answers: s.answers, data: s.data, materials: s.materials ?? {} });
    });
    return form;
  }

  /** Uploads a material's file to the draft (created on the server first if needed), with progress as the bytes go out. */
  private async upload(file: File, context: UploadContext): Promise<FileRef> {
    const signal = AbortSignal.any([context.signal, this.attached.signal]);
    const id = await this.sync!.ensureCreated();
    return this.api!.upload(id, context.material.id, file, this.sync!.credentials, signal, context.progress);
  }

  private async send(content: DraftContent): Promise<void> {
    if (!this.sync || this.submitting) return;
    this.submitting = true;
    this.submitError = undefined;
    try {
      const application = await this.sync.submit(content);
      this.finish(application, content);
    } catch (error) {
      const e = error instanceof ServiceError ? error : new ServiceError('invalid-response', 0, String(error));
      this.submitError = e;
      this.emit<OtErrorDetail>('ot-error', { error: e, during: 'submit' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ot-submit-error')?.focus();
    } finally {
      this.submitting = false;
    }
  }

  private finish(application: ApplicationView, submission: DraftContent): void {
    if (this.phase === 'submitted' || !this.sync || !this.session) return;
    const draft = this.sync.draft;
    this.sync.discard();
    const receipt = { id: application.id, bundle: this.bundle, owner: this.session.owner, submittedAt: application.submittedAt ?? new Date().toISOString() };
    rememberReceipt(this.store!, keysFor(this.api!.server).receipts(), draft.continuation ? { ...receipt, continuation: draft.continuation } : receipt);
    this.submitted = { application, submission, ...(draft.continuation ? { continuationToken: draft.continuation } : {}) };
    this.phase = 'submitted';
    this.emit<OtSubmittedDetail>('ot-submitted', this.submitted);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel h2')?.focus());
  }

  /** "Clear and start again": the same draft, emptied (nothing prefilled: the person asked for an empty form). */
  private startOver(): void {
    if (!this.session || !this.sync || !this.form) return;
    if (!globalThis.confirm?.(this.t(strings.startOverConfirm))) return;
    const fresh = newLocalDraft(this.session.draft.bundle, this.session.draft.version, this.session.owner);
    const draft = this.sync.draft;
    draft.content = fresh.content;
    delete draft.prefilled;
    this.form.answers = {};
    this.form.data = {};
    this.form.materials = {};
    this.form.composed = this.session.composed;
    this.session.origin = 'new';
    this.sync.change(fresh.content);
    this.requestUpdate();
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private t(text: Text): string {
    return text[this.locale] ?? text['zh-CN'];
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<div class="wrap" lang=${this.locale}><p class="bar" role="status">${this.t(strings.loading)}</p></div>`;
      case 'failed':
        return html`<div class="wrap" lang=${this.locale}>
          <div class="notice notice--error" part="notice" role="alert">
            <p>${this.t(strings.loadFailed)}</p>
            ${this.loadError && !this.loadError.offline ? html`<p class="muted">${this.loadError.message} (${this.loadError.code})</p>` : nothing}
            <p><button type="button" @click=${() => void this.start()}>${this.t(strings.retry)}</button></p>
          </div>
        </div>`;
      case 'submitted':
        return this.renderSubmitted();
      case 'form':
        return html`<div class="wrap" lang=${this.locale}>
          ${this.renderBar()} ${this.renderNotices()} ${this.form}
          ${this.submitting ? html`<p class="bar" role="status">${this.t(strings.submitting)}</p>` : nothing}
          ${this.renderSubmitError()}
        </div>`;
    }
  }

  /**
   * The autosave line. Only "Draft saved at 10:42" is a live region, so a screen reader hears it
   * when the minute changes, not "Saving…" after every pause in typing; being offline or signed
   * out is an alert of its own (the notices).
   */
  private renderBar(): TemplateResult {
    let saved = '';
    if (this.savedAt) {
      const time = new Intl.DateTimeFormat(this.locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(this.savedAt));
      saved = format(strings.savedAt, this.locale, { time });
    }
    return html`<div class="bar" part="status">
      <span>
        <span role="status" class=${saved ? 'saved' : ''}>${saved}</span>
        ${this.save.state === 'saving' ? html`<span class="saving" aria-hidden="true">${this.t(strings.saving)}</span>` : nothing}
      </span>
      <button type="button" class="link-button" @click=${() => this.startOver()}>${this.t(strings.startOver)}</button>
    </div>`;
  }

  private renderNotices(): unknown[] {
    const notices: unknown[] = [];
    const s = this.save;
    if (s.state === 'offline') {
      notices.push(html`<div class="notice notice--offline" part="notice" role="alert"><p>${this.t(s.kept ? strings.offline : strings.offlineNoStorage)}</p></div>`);
    } else if (s.state === 'unauthorized') {
      notices.push(html`<div class="notice notice--error" part="notice" role="alert"><p>${this.t(strings.sessionExpired)}</p></div>`);
    }
    const content = this.session?.draft.content;
    const started = !!content && (Object.keys(content.answers).length > 0 || Object.keys(content.data).length > 0);
    if ((this.session?.origin === 'device' || this.session?.origin === 'server') && started) {
      notices.push(html`<div class="notice" part="notice"><p>${this.t(strings.resumed)}</p></div>`);
    }
    const prefilled = Object.keys(this.session?.draft.prefilled ?? {}).length;
    if (prefilled && this.session?.origin === 'new') {
      notices.push(html`<div class="notice" part="notice"><p>${format(strings.prefilledSummary, this.locale, { count: prefilled })}</p></div>`);
    }
    return notices;
  }

  private renderSubmitError(): TemplateResult | typeof nothing {
    const e = this.submitError;
    if (!e) return nothing;
    const composed = this.session?.composed;
    const errors = e.code === 'submission-invalid' ? (e.errors as Array<{ instancePath?: string; message?: Text }>) : [];
    const message = e.offline ? this.t(strings.submitOffline) : format(strings.submitFailed, this.locale, { message: e.message });
    return html`<div class="notice notice--error" part="notice" role="alert" id="ot-submit-error" tabindex="-1">
      <p>${errors.length ? this.t(strings.serverInvalid) : message}</p>
      ${errors.length
        ? html`<ul>
            ${errors.map((x) => html`<li>${composed ? fieldTitle(composed, x.instancePath ?? '', this.locale) : x.instancePath}${x.message ? html` — ${this.t(x.message)}` : nothing}</li>`)}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderSubmitted(): TemplateResult {
    const s = this.submitted!;
    const app = s.application;
    return html`<div class="wrap" lang=${this.locale}>
      <div class="panel" part="panel">
        <h2 tabindex="-1">${this.t(strings.submitted)}</h2>
        <p>${this.t(strings.submittedBody)}<span class="ref">${app.id}</span></p>
      </div>
      ${this.noStatus
        ? nothing
        : html`<ot-status
            .server=${this.server}
            .application=${app.id}
            .token=${this.token}
            .continuationToken=${s.continuationToken}
            .locale=${this.locale}
            .storage=${this.storage}
          ></ot-status>`}
    </div>`;
  }
}

/** Re-exported for typed listeners. */
export type { Json, MaterialValue };

declare global {
  interface HTMLElementTagNameMap {
    'ot-service': OtService;
  }
  interface HTMLElementEventMap {
    'ot-ready': CustomEvent<OtReadyDetail>;
    'ot-save': CustomEvent<OtSaveDetail>;
    'ot-submitted': CustomEvent<OtSubmittedDetail>;
    'ot-error': CustomEvent<OtErrorDetail>;
  }
}
