import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ComposedBundle, Json, Locale } from '@onething/engine';
import { ApiError, type WorkbenchClient } from '../api/client.js';
import type { AllowedEvent, ApplicationView } from '../api/types.js';
import { t, tx } from '../i18n/strings.js';
import type { Directory } from '../model/directory.js';
import { formatDateTime, shortNumber } from '../model/format.js';
import { flaggable, reviewModel, type ReviewModel } from '../model/review.js';
import { fieldLabel } from '../model/schema.js';
import type { Session } from '../model/session.js';
import { applicationStateTitle } from '../model/states.js';
import { actionTitle, needsConfirmation } from '../model/actions.js';
import { actionProblem } from '../model/errors.js';
import { asPayload, flagProblem, MAX_REASON, noFlags, preview, supplementPayload, type Flags, type SupplementRequestPayload } from '../model/supplement.js';
import type { FlagDetail } from '../render/flag.js';
import { charCount, charCountStyles, tooLong } from '../render/char-count.js';
import { deadlineCell } from '../render/deadline.js';
import { regionLabel } from '../render/region.js';
import { applicationStyles } from '../styles/application.js';
import { controls, tokens } from '../styles/theme.js';
import { DivisionNames } from './division-names.js';
import { emit } from './events.js';
import type { ConfirmDetail, OtEventDialog, SupplementPreview } from './ot-event-dialog.js';
import './ot-action-panel.js';
import './ot-event-dialog.js';
import './ot-item-status.js';
import './ot-review-data.js';
import './ot-review-materials.js';
import './ot-timeline.js';

type Notice = { kind: 'conflict' | 'error' | 'success'; text: string };

/**
 * One application as staff handle it: its data as the merged form shows it (read-only), its
 * materials with downloads, its items' states and deadlines, its supplement rounds and timeline,
 * and the actions the flow allows the signed-in person now. A supplement request is written in
 * the data itself: tick the fields and materials, give each a reason, check and send.
 * @fires ot-back - back to the queue
 * @fires ot-application-changed - `{ id }` an action was sent (queues refresh)
 * @fires ot-api-error - `{ error }` the server refused the session (401)
 */
@customElement('ot-application')
export class OtApplication extends LitElement {
  static override styles = [tokens, controls, charCountStyles, applicationStyles];

  @property({ attribute: false }) accessor client: WorkbenchClient | undefined;
  @property({ attribute: false }) accessor session: Session | undefined;
  @property({ attribute: false }) accessor directory: Directory | undefined;
  /** The application to show. */
  @property() accessor applicationId = '';
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';

  @state() private accessor app: ApplicationView | undefined;
  @state() private accessor composed: ComposedBundle | undefined;
  @state() private accessor model: ReviewModel | undefined;
  /** A reviewer sees their items' fields and materials; this shows everything. */
  @state() private accessor showAll = false;
  @state() private accessor loadError = '';
  @state() private accessor notice: Notice | undefined;
  /** The supplement request being written: the event and the fields and materials ticked. */
  @state() private accessor flagging: { event: AllowedEvent; scope: string } | undefined;
  @state() private accessor flags: Flags = noFlags();
  @state() private accessor missing: { fields: Set<string>; materials: Set<string> } = { fields: new Set(), materials: new Set() };
  @state() private accessor flagError = '';
  @state() private accessor pending: { event: AllowedEvent; payload?: Record<string, Json>; request?: SupplementRequestPayload } | undefined;
  @state() private accessor busy = false;
  @state() private accessor dialogError = '';
  @query('ot-event-dialog') private accessor dialog!: OtEventDialog;
  private request = 0;
  private readonly names = new DivisionNames(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('applicationId') || changed.has('client')) && this.client && this.applicationId) {
      this.app = undefined;
      this.composed = undefined;
      this.model = undefined;
      this.notice = undefined;
      this.showAll = false;
      this.stopFlagging();
      void this.reload();
    }
    const own = changed as Map<PropertyKey, unknown>; // private states are not keys of PropertyValues<this>
    if ((own.has('app') || own.has('composed') || own.has('showAll') || own.has('session')) && this.app && this.composed) {
      const app = this.app;
      const focus = this.focusItems();
      this.model = reviewModel(this.composed, app.answers, app.data, app.materials as Record<string, Json>, new Date().toISOString(), this.showAll ? undefined : focus);
    }
  }

  /** The active items of the signed-in reviewer's departments (none for the window and admins). */
  private focusItems(): string[] | undefined {
    const s = this.session;
    const flow = this.app?.flow;
    if (s?.kind !== 'reviewer' || !this.composed || !flow) return undefined;
    const mine = this.composed.items.filter((i) => s.departments.includes(i.department.id) && flow.active.includes(i.id)).map((i) => i.id);
    return mine.length ? mine : undefined;
  }

  /**
   * Reads the application again (after an action, or when someone else changed it).
   * @example await view.reload()
   */
  async reload(): Promise<void> {
    const client = this.client;
    if (!client || !this.applicationId) return;
    const mine = ++this.request;
    try {
      const app = await client.application(this.applicationId);
      const composed = await client.form(app);
      if (mine !== this.request) return;
      this.app = app;
      this.composed = composed;
      this.loadError = '';
      if (this.notice?.kind === 'conflict') this.notice = undefined;
    } catch (error) {
      if (mine !== this.request) return;
      if (error instanceof ApiError && error.status === 401) emit(this, 'ot-api-error', { error });
      this.loadError =
        error instanceof ApiError && error.status === 404
          ? t(this.locale, 'notFound')
          : error instanceof ApiError && error.status === 0
            ? t(this.locale, 'networkError')
            : t(this.locale, 'loadFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  // ---- actions ---------------------------------------------------------------------------

  private onAction(event: AllowedEvent): void {
    this.notice = undefined;
    if (event.input === 'supplement') {
      this.flagging = { event, scope: event.item ?? 'bundle' };
      this.flags = noFlags();
      this.missing = { fields: new Set(), materials: new Set() };
      this.flagError = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#flagging-intro')?.focus());
      return;
    }
    if (!needsConfirmation(event, this.app?.state ?? '')) {
      void this.send(event, undefined);
      return;
    }
    this.openDialog({ event });
  }

  private openDialog(pending: { event: AllowedEvent; payload?: Record<string, Json>; request?: SupplementRequestPayload }): void {
    this.pending = pending;
    this.dialogError = '';
    void this.updateComplete.then(() => this.dialog.show());
  }

  private flagTitle(kind: 'field' | 'material', id: string): string {
    const l = this.locale;
    const composed = this.composed!;
    if (kind === 'material') return `${tx(l, composed.materials.find((m) => m.id === id)?.title) || id}${t(l, 'materialSuffix')}`;
    return fieldLabel(composed, id, l);
  }

  private onFlag(detail: FlagDetail): void {
    const map = new Map(detail.kind === 'field' ? this.flags.fields : this.flags.materials);
    if (detail.flagged === true) map.set(detail.id, map.get(detail.id) ?? '');
    else if (detail.flagged === false) map.delete(detail.id);
    else if (detail.reason !== undefined && map.has(detail.id)) map.set(detail.id, detail.reason);
    this.flags = detail.kind === 'field' ? { ...this.flags, fields: map } : { ...this.flags, materials: map };
    if (detail.reason?.trim() || detail.flagged === false) {
      const missing = { fields: new Set(this.missing.fields), materials: new Set(this.missing.materials) };
      (detail.kind === 'field' ? missing.fields : missing.materials).delete(detail.id);
      this.missing = missing;
    }
    if (this.flagError && this.flags.fields.size + this.flags.materials.size > 0) this.flagError = '';
  }

  private reviewRequest(): void {
    const l = this.locale;
    if (!this.flagging) return;
    const problem = flagProblem(this.flags);
    if (problem?.code === 'nothing-flagged') {
      this.flagError = t(l, 'nothingFlagged');
    } else if (problem?.code === 'reasons-missing') {
      this.missing = { fields: new Set(problem.fields), materials: new Set(problem.materials) };
      this.flagError = t(l, 'reasonsMissing', { list: [...problem.fields.map((f) => this.flagTitle('field', f)), ...problem.materials.map((m) => this.flagTitle('material', m))].join(l === 'en' ? '; ' : '；') });
      void this.updateComplete.then(() => this.focusFirstMissing());
    } else if (problem?.code === 'too-long') {
      this.flagError = t(l, 'requestTooLong');
    } else {
      this.flagError = '';
      const request = supplementPayload(this.flags);
      this.openDialog({ event: this.flagging.event, payload: asPayload(request), request });
      return;
    }
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.flagbar .problem')?.focus());
  }

  private focusFirstMissing(): void {
    const data = this.renderRoot.querySelector('ot-review-data');
    const materials = this.renderRoot.querySelector('ot-review-materials');
    const field = [...this.missing.fields][0];
    const material = [...this.missing.materials][0];
    const target = field
      ? data?.shadowRoot?.getElementById(`flag-field-${field}-reason`)
      : material
        ? materials?.shadowRoot?.getElementById(`flag-material-${material}-reason`)
        : undefined;
    target?.focus();
  }

  private stopFlagging(): void {
    this.flagging = undefined;
    this.flags = noFlags();
    this.missing = { fields: new Set(), materials: new Set() };
    this.flagError = '';
  }

  /** The request as the applicant will read it: each entry with the reason shown beside it, the note above. */
  private preview(): SupplementPreview | undefined {
    const request = this.pending?.request;
    if (!request || this.pending?.event.input !== 'supplement') return undefined;
    return preview(request, (kind, id) => (kind === 'field' ? this.flagTitle(kind, id) : this.flagTitle(kind, id).replace(t(this.locale, 'materialSuffix'), '')));
  }

  private async onConfirm(detail: ConfirmDetail): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const payload: Record<string, Json> = { ...(pending.payload ?? {}) };
    if (detail.reason) payload['reason'] = detail.reason;
    if (detail.comment) payload['comment'] = detail.comment;
    await this.send(pending.event, Object.keys(payload).length ? payload : undefined);
  }

  private async send(event: AllowedEvent, payload: Record<string, Json> | undefined): Promise<void> {
    const client = this.client;
    const app = this.app;
    if (!client || !app || this.busy) return;
    const l = this.locale;
    const action = tx(l, actionTitle(event));
    this.busy = true;
    this.dialogError = '';
    try {
      await client.send(app.id, { type: event.type, revision: app.revision, ...(event.item !== undefined ? { item: event.item } : {}), ...(payload ? { payload } : {}) });
      this.dialog?.close();
      this.pending = undefined;
      this.stopFlagging();
      this.notice = { kind: 'success', text: t(l, 'done', { action }) };
      emit(this, 'ot-application-changed', { id: app.id });
      await this.reload();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.notice')?.focus());
    } catch (error) {
      const problem = actionProblem(error, l);
      if (problem.kind === 'session') emit(this, 'ot-api-error', { error });
      if (problem.kind === 'conflict' || !this.pending) {
        this.dialog?.close();
        this.pending = undefined;
        this.notice = { kind: problem.kind === 'conflict' ? 'conflict' : 'error', text: problem.text };
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.notice')?.focus());
      } else this.dialogError = problem.text;
    } finally {
      this.busy = false;
    }
  }

  private async download(sha256: string, name: string): Promise<void> {
    const client = this.client;
    const app = this.app;
    if (!client || !app) return;
    try {
      const blob = await client.download(app.id, sha256);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (error) {
      this.notice = { kind: 'error', text: t(this.locale, 'downloadFailed', { reason: error instanceof Error ? error.message : String(error) }) };
    }
  }

  // ---- rendering -------------------------------------------------------------------------

  private head(app: ApplicationView) {
    const l = this.locale;
    const state = app.flow ? applicationStateTitle(app.flow.value) : applicationStateTitle(app.state);
    return html`<div class="head">
      <button type="button" class="quiet" @click=${() => emit(this, 'ot-back', {})}>← ${t(l, 'back')}</button>
      <h2 id="app-title">${tx(l, this.composed?.bundle.title ?? this.directory?.bundle(app.bundle.id)) || app.bundle.id}</h2>
      <span class="number" title=${app.id}>${t(l, 'number')} ${shortNumber(app.id)}</span>
      <span class="state">${tx(l, state)}</span>
      <div class="tools">
        <button type="button" @click=${() => void this.reload()}>${t(l, 'refresh')}</button>
      </div>
    </div>`;
  }

  private summary(app: ApplicationView) {
    const l = this.locale;
    const now = new Date().toISOString();
    return html`<dl class="summary card">
      <div><dt>${t(l, 'colApplicant')}</dt><dd>${app.applicantName ?? '—'}</dd></div>
      <div><dt>${t(l, 'submittedAt')}</dt><dd>${formatDateTime(app.submittedAt)}</dd></div>
      <div><dt>${t(l, 'region')}</dt><dd>${regionLabel(l, app.region, { code: false })}</dd></div>
      <div><dt>${t(l, 'nextDeadline')}</dt><dd>${app.status === 'open' ? deadlineCell(l, app.nextDeadline, now) : '—'}</dd></div>
      <div><dt>${t(l, 'revisionLabel')}</dt><dd>${app.revision}</dd></div>
    </dl>`;
  }

  private flagBar() {
    const l = this.locale;
    if (!this.flagging) return nothing;
    return html`<div class="flagbar" role="region" aria-label=${tx(l, this.flagging.event.title) || this.flagging.event.type}>
      <span class="count" role="status">${t(l, 'flaggedCount', { fields: this.flags.fields.size, materials: this.flags.materials.size })}</span>
      <div class="note">
        <label for="overall-note">${t(l, 'overallNote')}</label>
        <textarea
          id="overall-note"
          rows="1"
          aria-describedby="overall-note-count"
          aria-invalid=${tooLong(this.flags.note, MAX_REASON) ? 'true' : 'false'}
          .value=${this.flags.note}
          @input=${(e: Event) => (this.flags = { ...this.flags, note: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${charCount(l, 'overall-note-count', this.flags.note, MAX_REASON)}
      </div>
      <div class="buttons">
        <button type="button" @click=${() => this.stopFlagging()}>${t(l, 'cancelFlagging')}</button>
        <button type="button" class="primary" @click=${() => this.reviewRequest()}>${t(l, 'reviewRequest')}</button>
      </div>
      ${this.flagError ? html`<p class="problem" role="alert" tabindex="-1">${this.flagError}</p>` : nothing}
    </div>`;
  }

  override render() {
    const l = this.locale;
    const app = this.app;
    if (this.loadError && !app) {
      return html`<div class="message error" role="alert">
        <p>${this.loadError}</p>
        <p><button type="button" @click=${() => emit(this, 'ot-back', {})}>${t(l, 'back')}</button> <button type="button" @click=${() => void this.reload()}>${t(l, 'retry')}</button></p>
      </div>`;
    }
    if (!app || !this.model || !this.composed) return html`<p class="message" role="status">${t(l, 'loading')}</p>`;
    const scope = this.flagging?.scope;
    const can = scope ? flaggable(this.composed, scope) : undefined;
    const events = this.flagging ? [] : (app.allowedEvents ?? []);
    return html`<article aria-labelledby="app-title">
      ${this.head(app)}
      ${this.notice
        ? html`<div class="notice ${this.notice.kind}" role=${this.notice.kind === 'success' ? 'status' : 'alert'} tabindex="-1">
            <span>${this.notice.text}</span>
            ${this.notice.kind === 'conflict' ? html`<button type="button" @click=${() => void this.reload()}>${t(l, 'reload')}</button>` : nothing}
          </div>`
        : nothing}
      ${this.summary(app)}
      <div class="cols">
        <!-- the actions come first for the keyboard and screen readers; the grid puts them on the right -->
        <aside>
          <section class="panel card" aria-labelledby="actions-title">
            <h2 id="actions-title">${t(l, 'actions')}</h2>
            ${this.flagging
              ? html`<p class="muted small">${t(l, 'writingRequest')}</p>`
              : html`<ot-action-panel .locale=${l} .events=${events} .composed=${this.composed} ?disabled=${this.busy} @ot-action=${(e: CustomEvent<{ event: AllowedEvent }>) => this.onAction(e.detail.event)}></ot-action-panel>`}
          </section>
          <section class="panel card" aria-labelledby="items-title">
            <h2 id="items-title">${t(l, 'items')}</h2>
            <ot-item-status
              .locale=${l}
              .composed=${this.composed}
              .flow=${app.flow}
              .stateTitles=${app.stateTitles}
              .departments=${this.session?.kind === 'reviewer' ? this.session.departments : []}
            ></ot-item-status>
          </section>
        </aside>
        <div class="main">
          <section class="panel card" aria-labelledby="data-title">
            <div class="panel-head">
              <h2 id="data-title">${t(l, 'data')}</h2>
              ${this.focusItems() && !this.flagging
                ? html`<button type="button" class="quiet" aria-pressed=${this.showAll ? 'true' : 'false'} @click=${() => (this.showAll = !this.showAll)}>
                    ${t(l, 'showAllData')}
                  </button>`
                : nothing}
            </div>
            ${this.focusItems() && !this.showAll ? html`<p class="muted small focus-note">${t(l, 'focusNote')}</p>` : nothing}
            ${this.flagging
              ? html`<p class="flagging" id="flagging-intro" tabindex="-1">
                  ${t(l, 'flagMode')}${scope !== 'bundle' ? html` ${t(l, 'onlyOwnFields')}` : nothing}
                </p>`
              : nothing}
            <ot-review-data
              .locale=${l}
              .answers=${this.model.answers}
              .sections=${this.model.sections}
              .flaggable=${can?.fields}
              .flags=${this.flags.fields}
              .missing=${this.missing.fields}
              @ot-flag=${(e: CustomEvent<FlagDetail>) => this.onFlag(e.detail)}
            ></ot-review-data>
          </section>
          <section class="panel card" aria-labelledby="materials-title">
            <h2 id="materials-title">${t(l, 'materials')}</h2>
            <ot-review-materials
              .locale=${l}
              .materials=${this.model.materials}
              .flaggable=${can?.materials}
              .flags=${this.flags.materials}
              .missing=${this.missing.materials}
              @ot-flag=${(e: CustomEvent<FlagDetail>) => this.onFlag(e.detail)}
              @ot-download=${(e: CustomEvent<{ sha256: string; name: string }>) => void this.download(e.detail.sha256, e.detail.name)}
            ></ot-review-materials>
          </section>
          ${this.flagBar()}
          <section class="panel card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">${t(l, 'history')}</h2>
            <ot-timeline
              .locale=${l}
              .entries=${app.timeline}
              .supplements=${app.flow?.supplements ?? []}
              .composed=${this.composed}
              .directory=${this.directory}
              .stateTitles=${app.stateTitles}
              .eventTitles=${app.eventTitles}
            ></ot-timeline>
          </section>
        </div>
      </div>
      <ot-event-dialog
        .locale=${l}
        .event=${this.pending?.event}
        .itemTitle=${this.pending?.event.item ? tx(l, this.composed.items.find((i) => i.id === this.pending!.event.item)?.title) : ''}
        .preview=${this.preview()}
        .error=${this.dialogError}
        ?busy=${this.busy}
        @ot-confirm=${(e: CustomEvent<ConfirmDetail>) => void this.onConfirm(e.detail)}
        @ot-cancel=${() => {
          if (!this.busy) this.pending = undefined;
        }}
      ></ot-event-dialog>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-application': OtApplication;
  }
}
