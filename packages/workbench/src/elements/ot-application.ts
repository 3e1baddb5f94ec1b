import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ComposedBundle, Json, Locale } from '@onething/engine';
import { ApiError, type WorkbenchClient } from '../api/client.js';
import type { AllowedEvent, ApplicationView } from '../api/types.js';
import { t, tx } from '../i18n/strings.js';
import type { Directory } from '../model/directory.js';
import { divisionName } from '../model/divisions.js';
import { formatDateTime, shortNumber } from '../model/format.js';
import { flaggable, reviewModel, type ReviewModel } from '../model/review.js';
import { fieldLabel } from '../model/schema.js';
import type { Session } from '../model/session.js';
import { applicationStateTitle } from '../model/states.js';
import { actionTitle, needsConfirmation } from '../model/actions.js';
import { asPayload, flagProblem, noFlags, supplementPayload, type Flags } from '../model/supplement.js';
import type { FlagDetail } from '../render/flag.js';
import { deadlineCell } from '../render/deadline.js';
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
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 14px;
        margin-bottom: 10px;
      }
      .head h2 {
        font-size: 17px;
      }
      .head .number {
        font-family: var(--ot-w-mono);
        font-size: 13px;
        color: var(--ot-w-muted);
      }
      .head .state {
        font-size: 12px;
        padding: 1px 8px;
        border-radius: 10px;
        background: var(--ot-w-primary-soft);
        color: var(--ot-w-primary-dark);
        font-weight: 600;
      }
      .head .tools {
        margin-left: auto;
        display: flex;
        gap: 6px;
      }
      .summary {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
        gap: 8px 16px;
        padding: 10px 14px;
        margin: 0 0 12px;
      }
      .summary dt {
        font-size: 12px;
        color: var(--ot-w-muted);
      }
      .summary dd {
        margin: 0;
        font-size: 13px;
      }
      .summary .deadline {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
      }
      .summary .deadline .left {
        color: var(--ot-w-muted);
        font-size: 12px;
      }
      .summary .deadline--overdue .left {
        color: var(--ot-w-error);
        font-weight: 600;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 370px;
        gap: 14px;
        align-items: start;
      }
      .panel {
        padding: 12px 14px;
      }
      .panel + .panel {
        margin-top: 12px;
      }
      .panel > h2,
      .panel-head h2 {
        font-size: 14px;
        margin-bottom: 8px;
      }
      .panel-head {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 8px;
      }
      .panel-head button[aria-pressed='true'] {
        background: var(--ot-w-primary-soft);
      }
      .focus-note {
        margin: -4px 0 8px;
      }
      aside {
        position: sticky;
        top: 12px;
      }
      .notice {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 8px 12px;
        border-radius: var(--ot-w-radius);
        margin-bottom: 12px;
        font-size: 13px;
      }
      .notice.conflict,
      .notice.error {
        background: var(--ot-w-error-soft);
        color: var(--ot-w-error);
        border: 1px solid #f3b8b2;
      }
      .notice.success {
        background: var(--ot-w-success-soft);
        color: var(--ot-w-success);
        border: 1px solid #a9d8bd;
      }
      .flagging {
        background: var(--ot-w-warning-soft);
        border: 1px solid #f1d58a;
        color: #5c3d00;
        padding: 8px 12px;
        border-radius: var(--ot-w-radius);
        margin-bottom: 10px;
        font-size: 13px;
      }
      .flagbar {
        position: sticky;
        bottom: 0;
        z-index: 2;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 10px;
        padding: 10px 14px;
        margin-top: 12px;
        background: #fff;
        border: 1px solid var(--ot-w-line-strong);
        border-radius: var(--ot-w-radius);
        box-shadow: 0 -4px 16px rgba(15, 42, 85, 0.08);
      }
      .flagbar .count {
        font-size: 13px;
        font-weight: 600;
      }
      .flagbar .note {
        flex: 1 1 260px;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .flagbar textarea {
        min-height: 34px;
      }
      .flagbar .problem {
        flex-basis: 100%;
        color: var(--ot-w-error);
        font-size: 13px;
      }
      .flagbar .buttons {
        display: flex;
        gap: 8px;
        margin-left: auto;
      }
      .message {
        padding: 24px;
      }
      .message.error {
        color: var(--ot-w-error);
      }
      @media (max-width: 1100px) {
        .cols {
          grid-template-columns: minmax(0, 1fr);
        }
        aside {
          position: static;
        }
      }
    `,
  ];

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
  @state() private accessor pending: { event: AllowedEvent; payload?: Record<string, Json> } | undefined;
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

  private openDialog(pending: { event: AllowedEvent; payload?: Record<string, Json> }): void {
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
    const payload = supplementPayload(this.flags, (kind, id) => this.flagTitle(kind, id), l);
    const problem = flagProblem(this.flags, payload.reason);
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
      this.openDialog({ event: this.flagging.event, payload: asPayload(payload) });
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

  private preview(): SupplementPreview | undefined {
    const payload = this.pending?.payload;
    if (!payload || this.pending?.event.input !== 'supplement') return undefined;
    return {
      reason: String(payload['reason'] ?? ''),
      fields: ((payload['fields'] as string[]) ?? []).map((f) => this.flagTitle('field', f)),
      materials: ((payload['materials'] as string[]) ?? []).map((m) => this.flagTitle('material', m).replace(t(this.locale, 'materialSuffix'), '')),
    };
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
      const e = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
      if (e.status === 401) emit(this, 'ot-api-error', { error: e });
      if (e.code === 'revision-conflict') {
        this.dialog?.close();
        this.pending = undefined;
        this.notice = { kind: 'conflict', text: t(l, 'conflict') };
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.notice')?.focus());
      } else {
        const detail = (e.errors[0] as { problem?: string } | undefined)?.problem;
        const reason = e.status === 0 ? t(l, 'networkError') : `${e.message}${detail ? ` — ${detail}` : ''}`;
        const text = e.status === 403 ? t(l, 'forbidden', { reason }) : t(l, 'refused', { reason });
        if (this.pending) this.dialogError = text;
        else {
          this.notice = { kind: 'error', text };
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.notice')?.focus());
        }
      }
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
      <div><dt>${t(l, 'region')}</dt><dd>${divisionName(app.region) ?? app.region}</dd></div>
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
        <textarea id="overall-note" rows="1" maxlength="500" .value=${this.flags.note} @input=${(e: Event) => (this.flags = { ...this.flags, note: (e.target as HTMLTextAreaElement).value })}></textarea>
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
