import '@onething/form-elements';
import type { OtForm, OtSubmitDetail } from '@onething/form-elements';
import type { ComposedBundle, Json, Locale, ShapeValidator } from '@onething/engine/runtime';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createApiClient, type ApiClient, type Credentials, type TokenSource } from '../api/client.js';
import { ServiceError } from '../api/errors.js';
import type { ApplicationView, SupplementRoundView } from '../api/types.js';
import { applicantCredentials, keysFor } from '../drafts/local-draft.js';
import { openStorage, type SafeStorage, type StorageChoice } from '../drafts/storage.js';
import { format, strings, type Text } from '../i18n/strings.js';
import { deadlineLabel, departmentTitle, eventLabels, outcomeLabels, roleLabels, stateLabels } from '../status/labels.js';
import { applyCorrections, supplementPatch, supplementRequest } from '../status/supplement.js';
import { sdkStyles } from './styles.js';
import { statusStyles } from './status-styles.js';
import { pathTitle } from './titles.js';

/** Applications are handled, and their time limits counted, in China Standard Time — whatever the browser's zone. */
const ZONE = 'Asia/Shanghai';
import './ot-rating.js';

/** `ot-supplemented`: the applicant's corrections were accepted by the server. */
export interface OtSupplementedDetail {
  application: ApplicationView;
}

/**
 * An application's progress for its applicant: the current state, a timeline, a decision per
 * item, the time limits — and, when the reviewer asks for corrections (补正), exactly what to
 * change and why, with the flagged fields and documents editable right there. Once the
 * application is finished it offers `<ot-rating>`.
 *
 * The applicant is identified by `token`, or (not signed in) by `continuation-token`, or by the
 * receipt this device kept when the application was submitted here.
 *
 * @fires ot-supplemented - the corrections were sent: `{ application }`
 * @fires ot-error - loading or sending failed: `{ error, during }`
 * @csspart summary - the state and number; `timeline`, `items`, `deadlines` the lists; `supplement` the request
 */
@customElement('ot-status')
export class OtStatus extends LitElement {
  static override styles = [sdkStyles, statusStyles];

  /** Base URL of the onething server. */
  @property() accessor server = '';
  /** The application id. */
  @property() accessor application = '';
  /** The applicant's bearer token (or a function returning it). */
  @property() accessor token: TokenSource | undefined;
  /** The continuation token of an application started without signing in. */
  @property({ attribute: 'continuation-token' }) accessor continuationToken: string | undefined;
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';
  /** Where corrections typed but not sent yet are kept on the device: `local` (default), `session`, `none`, or a Storage. */
  @property() accessor storage: StorageChoice = 'local';

  @state() private accessor app: ApplicationView | undefined;
  @state() private accessor composed: ComposedBundle | undefined;
  @state() private accessor error: ServiceError | undefined;
  @state() private accessor sendError: ServiceError | undefined;
  @state() private accessor sending = false;
  @state() private accessor sent = false;

  private api: ApiClient | undefined;
  private validator: ShapeValidator | undefined;
  private form: OtForm | undefined;
  private formFor = '';
  private formRound = -1;
  private store: SafeStorage | undefined;
  private generation = 0;
  /** Aborted when the element leaves the page: the supplement uploads under way stop. */
  private attached = new AbortController();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // removed, not moved: a move (insertBefore, a framework re-ordering) reconnects in the same task
    const attached = this.attached;
    queueMicrotask(() => {
      if (!this.isConnected) attached.abort(new DOMException('The status was removed from the page.', 'AbortError'));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.attached.signal.aborted) this.attached = new AbortController();
  }

  /**
   * Reloads the application from the server (the element's own "Refresh" button does it too).
   * @example setInterval(() => void status.refresh(), 60_000)
   */
  async refresh(): Promise<void> {
    if (!this.api) return;
    const generation = ++this.generation;
    try {
      const app = await this.api!.application(this.application, this.credentials());
      if (!this.composed || this.composed.bundle.version !== app.bundle.version || this.composed.bundle.id !== app.bundle.id) {
        this.composed = await this.api!.composed(app.bundle.id, app.bundle.version);
        this.validator = await this.api!.validator(app.bundle.id, app.bundle.version).catch(() => undefined);
      }
      if (generation !== this.generation) return;
      // corrections kept for a round that is answered (here or elsewhere) are of no use any more
      if (!app.flow?.openSupplement) this.devices().remove(this.correctionsKey(app.id));
      this.app = app;
      this.error = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof ServiceError ? error : new ServiceError('invalid-response', 0, String(error));
      this.dispatchEvent(new CustomEvent('ot-error', { detail: { error: this.error, during: 'load' }, bubbles: true, composed: true }));
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) {
      this.api?.setLocale(this.locale);
      if (this.form) this.form.locale = this.locale;
    }
    if (changed.has('storage')) this.store = undefined;
    if ((changed.has('server') || changed.has('application') || changed.has('token') || changed.has('continuationToken')) && this.server && this.application) {
      this.api = createApiClient({ server: this.server, token: () => (typeof this.token === 'function' ? this.token() : this.token), locale: this.locale });
      this.app = undefined;
      void this.refresh();
    }
  }

  private credentials(): Credentials {
    return applicantCredentials(this.devices(), this.server, this.application, this.continuationToken);
  }

  private t(text: Text): string {
    return text[this.locale] ?? text['zh-CN'];
  }

  /** An instant in China Standard Time, as the workbench shows it (the browser's own zone may differ). */
  private date(iso: string | null | undefined): string {
    if (!iso || Number.isNaN(Date.parse(iso))) return '—';
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
  }

  /** The last day of a time limit due at `due` (the China midnight after that day), as the workbench shows it. */
  private lastDay(due: string | null | undefined): string {
    if (!due || Number.isNaN(Date.parse(due))) return '—';
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: ZONE }).format(new Date(Date.parse(due) - 1));
  }

  // ---- the supplement ----------------------------------------------------------------------

  /** Corrections typed for the open round and not sent yet, as a `supplementPatch` payload. */
  private kept(app: ApplicationView, round: SupplementRoundView): Record<string, Json> | undefined {
    // a newer revision of the application (a refresh, a conflict): what the person typed stays
    if (this.form && this.formFor.startsWith(`${app.id}@`) && this.formRound === round.round) {
      return supplementPatch(round, this.form.data, this.form.materials as Record<string, Json>);
    }
    const stored = this.devices().read<{ round: number; payload: Record<string, Json> }>(this.correctionsKey(app.id));
    return stored?.round === round.round ? stored.payload : undefined;
  }

  private correctionsKey(id: string): string {
    return keysFor(this.server).corrections(id);
  }

  private devices(): SafeStorage {
    return (this.store ??= openStorage(this.storage));
  }

  private supplementForm(app: ApplicationView, round: SupplementRoundView): OtForm {
    const key = `${app.id}@${app.revision}`;
    if (this.form && this.formFor === key) return this.form;
    const kept = this.kept(app, round);
    const content = kept ? applyCorrections(round, app.data, app.materials as Record<string, Json>, kept) : { data: app.data, materials: app.materials };
    const form = document.createElement('ot-form');
    form.answers = app.answers;
    form.data = content.data;
    form.materials = content.materials as typeof app.materials;
    form.locale = this.locale;
    form.layout = 'sections';
    form.validator = this.validator;
    form.supplement = supplementRequest(round);
    form.uploader = (file, ctx) => this.api!.upload(app.id, ctx.material.id, file, this.credentials(), AbortSignal.any([ctx.signal, this.attached.signal]), ctx.progress);
    form.composed = this.composed;
    form.addEventListener('ot-submit', (e: CustomEvent<OtSubmitDetail>) => void this.answer(round, e.detail.submission));
    // every correction is kept on the device at once: a reload or a closed tab does not lose it
    form.addEventListener('ot-change', () => {
      const payload = supplementPatch(round, form.data, form.materials as Record<string, Json>);
      this.devices().write(this.correctionsKey(app.id), { round: round.round, payload });
    });
    this.form = form;
    this.formFor = key;
    this.formRound = round.round;
    return form;
  }

  private async answer(round: SupplementRoundView, submission: { data: Record<string, Json>; materials?: Record<string, unknown> }): Promise<void> {
    const app = this.app;
    if (!app || this.sending) return;
    this.sending = true;
    this.sendError = undefined;
    try {
      const payload = supplementPatch(round, submission.data, (submission.materials ?? {}) as Record<string, Json>);
      const event = { type: 'SUPPLEMENT', revision: app.revision, payload, ...(round.scope !== 'bundle' ? { item: round.scope } : {}) };
      const next = await this.api!.event(app.id, event, this.credentials());
      this.devices().remove(this.correctionsKey(app.id));
      this.sent = true;
      this.dispatchEvent(new CustomEvent<OtSupplementedDetail>('ot-supplemented', { detail: { application: next }, bubbles: true, composed: true }));
      await this.refresh();
    } catch (error) {
      this.sendError = error instanceof ServiceError ? error : new ServiceError('invalid-response', 0, String(error));
      this.dispatchEvent(new CustomEvent('ot-error', { detail: { error: this.sendError, during: 'submit' }, bubbles: true, composed: true }));
      if (this.sendError.code === 'revision-conflict') await this.refresh();
    } finally {
      this.sending = false;
    }
  }

  // ---- rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const app = this.app;
    if (this.error && !app) {
      const message = this.error.offline ? this.t(strings.networkError) : this.error.message;
      return html`<div class="wrap" lang=${this.locale}>
        <div class="notice notice--error" role="alert">
          <p>${format(strings.statusFailed, this.locale, { message })}</p>
          <p><button type="button" @click=${() => void this.refresh()}>${this.t(strings.retry)}</button></p>
        </div>
      </div>`;
    }
    if (!app || !this.composed) return html`<div class="wrap" lang=${this.locale}><p class="bar" role="status">${this.t(strings.statusLoading)}</p></div>`;
    const open = app.flow?.openSupplement ?? null;
    const closed = app.status === 'closed';
    return html`<section class="wrap status" lang=${this.locale} aria-labelledby="ot-status-title">
      <h2 id="ot-status-title" class="heading">${this.t(strings.statusTitle)}</h2>
      ${this.renderSummary(app)} ${open ? this.renderSupplement(app, open) : nothing}
      ${this.sent && !open && app.status === 'open' ? html`<div class="notice notice--success" role="status"><p>${this.t(strings.supplementSent)}</p></div>` : nothing}
      ${this.renderItems(app)} ${this.renderDeadlines(app)} ${this.renderTimeline(app)}
      ${closed ? html`<ot-rating .server=${this.server} .application=${app.id} .token=${this.token} .continuationToken=${this.credentials().continuation} .locale=${this.locale}></ot-rating>` : nothing}
    </section>`;
  }

  private renderSummary(app: ApplicationView): TemplateResult {
    const value = app.flow?.value;
    const inner = value && typeof value === 'object' && typeof value[app.state] === 'string' ? (value[app.state] as string) : undefined;
    const label = (inner && stateLabels[inner]) || stateLabels[app.state] || { 'zh-CN': app.state, en: app.state };
    return html`<div class="summary" part="summary">
      <dl>
        <div><dt>${this.t(strings.applicationNumber)}</dt><dd class="ref">${app.id}</dd></div>
        <div><dt>${this.t(strings.currentState)}</dt><dd><strong class="state state--${app.status}">${this.t(label)}</strong></dd></div>
        <div><dt>${this.t(strings.service)}</dt><dd>${this.t(this.composed!.bundle.title)}</dd></div>
      </dl>
      <button type="button" class="link-button" @click=${() => void this.refresh()}>${this.t(strings.reload)}</button>
    </div>`;
  }

  private renderSupplement(app: ApplicationView, round: SupplementRoundView): TemplateResult {
    const composed = this.composed!;
    const due = Object.entries(app.flow?.deadlines ?? {}).find(([key, d]) => d.event === 'SUPPLEMENT_EXPIRED' || /supplement/i.test(key))?.[1]?.due;
    return html`<div class="supplement" part="supplement" role="region" aria-labelledby="ot-supplement-title">
      <h3 id="ot-supplement-title">${this.t(strings.supplementTitle)}</h3>
      <p>${this.t(strings.supplementIntro)}</p>
      <dl>
        ${round.reason ? html`<dt>${this.t(strings.supplementReason)}</dt><dd>${round.reason}</dd>` : nothing}
        ${round.fields.length
          ? html`<dt>${this.t(strings.supplementFields)}</dt>
              <dd><ul>${round.fields.map((p) => html`<li>${pathTitle(composed, p, this.locale, { withGroup: true })}</li>`)}</ul></dd>`
          : nothing}
        ${round.materials.length
          ? html`<dt>${this.t(strings.supplementMaterials)}</dt>
              <dd><ul>${round.materials.map((id) => html`<li>${this.t(composed.materials.find((m) => m.id === id)?.title ?? { 'zh-CN': id, en: id })}</li>`)}</ul></dd>`
          : nothing}
      </dl>
      ${due ? html`<p><strong>${format(strings.supplementDue, this.locale, { date: this.lastDay(due) })}</strong></p>` : nothing}
      ${this.sendError
        ? html`<div class="notice notice--error" role="alert">
            <p>${this.sendError.offline ? this.t(strings.submitOffline) : format(strings.submitFailed, this.locale, { message: this.sendError.message })}</p>
          </div>`
        : nothing}
      ${this.sending ? html`<p role="status">${this.t(strings.submitting)}</p>` : nothing} ${this.supplementForm(app, round)}
    </div>`;
  }

  private renderItems(app: ApplicationView): TemplateResult | typeof nothing {
    const flow = app.flow;
    if (!flow) return nothing;
    const items = this.composed!.items.filter((i) => flow.active.includes(i.id));
    const accepted = !['draft', 'reception', 'supplement', 'withdrawn'].includes(app.state) || Object.values(flow.items).some((i) => i.outcome);
    return html`<h3>${this.t(strings.items)}</h3>
      <ul class="items" part="items">
        ${items.map((item) => {
          const state = flow.items[item.id];
          const outcome = state?.outcome ?? (accepted ? 'pending' : 'waiting');
          return html`<li class="item item--${outcome}">
            <span class="item-title">${this.t(item.title)}</span>
            <span class="muted">${this.t(item.department.title)}</span>
            <strong class="outcome">${this.t(outcomeLabels[outcome]!)}</strong>
            ${state?.decidedAt ? html`<span class="muted">${this.date(state.decidedAt)}</span>` : nothing}
          </li>`;
        })}
      </ul>`;
  }

  private renderDeadlines(app: ApplicationView): TemplateResult | typeof nothing {
    const deadlines = Object.entries(app.flow?.deadlines ?? {});
    if (!deadlines.length || app.status !== 'open') return nothing;
    return html`<h3>${this.t(strings.deadlines)}</h3>
      <ul class="deadlines" part="deadlines">
        ${deadlines
          .sort(([, a], [, b]) => (a.due < b.due ? -1 : 1))
          .map(([key, d]) => html`<li>${format(strings.dueBy, this.locale, { what: this.t(deadlineLabel(this.composed, key, { event: d.event, ...(typeof d['item'] === 'string' ? { item: d['item'] } : {}) })), date: this.lastDay(d.due) })}</li>`)}
      </ul>`;
  }

  private renderTimeline(app: ApplicationView): TemplateResult | typeof nothing {
    const entries = (app.timeline ?? []).filter((e) => e.event !== 'SAVE' && e.event !== 'START');
    if (!entries.length) return nothing;
    return html`<h3>${this.t(strings.timeline)}</h3>
      <ol class="timeline" part="timeline">
        ${[...entries].reverse().map((e) => {
          const name = e.event.includes('/') ? e.event.slice(e.event.lastIndexOf('/') + 1) : e.event;
          const label = eventLabels[name] ?? { 'zh-CN': name, en: name };
          const item = e.item ? this.composed!.items.find((i) => i.id === e.item) : undefined;
          const who = departmentTitle(this.composed, e.actor.department) ?? roleLabels[e.actor.role.split(':')[0]!];
          return html`<li>
            <time datetime=${e.at}>${this.date(e.at)}</time>
            <span class="event">${this.t(label)}${item ? html` · ${this.t(item.title)}` : nothing}</span>
            ${who ? html`<span class="muted">${this.t(who)}</span>` : nothing}
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-status': OtStatus;
  }
  interface HTMLElementEventMap {
    'ot-supplemented': CustomEvent<OtSupplementedDetail>;
  }
}
