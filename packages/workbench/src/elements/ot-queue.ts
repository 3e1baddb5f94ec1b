import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import { ApiError, type WorkbenchClient } from '../api/client.js';
import type { ApplicationSummary } from '../api/types.js';
import { t, tx } from '../i18n/strings.js';
import type { Directory } from '../model/directory.js';
import { formatDateTime, shortNumber } from '../model/format.js';
import { queueQuery, type DeadlineFilter, type StateFilter } from '../model/queue.js';
import type { Session } from '../model/session.js';
import { applicationStateTitle } from '../model/states.js';
import { deadlineCell } from '../render/deadline.js';
import { regionLabel } from '../render/region.js';
import { controls, tokens } from '../styles/theme.js';
import { DivisionNames } from './division-names.js';
import { emit } from './events.js';

/**
 * The applications waiting for the signed-in staff member, most urgent deadline first: filters
 * (state, deadline, region, department), pages, refresh.
 * @fires ot-open-application - `{ id }` a row was opened
 * @fires ot-api-error - `{ error }` the server refused (401: the session ended)
 */
@customElement('ot-queue')
export class OtQueue extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 12px;
        padding: 10px 12px;
        border-bottom: 1px solid var(--ot-w-line);
      }
      .bar .field {
        min-width: 140px;
      }
      .bar .static {
        min-height: 30px;
        display: flex;
        align-items: center;
        font-size: 13px;
      }
      .bar .tools {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .meta {
        display: flex;
        justify-content: space-between;
        gap: 12px;
        padding: 6px 12px;
        font-size: 12px;
        color: var(--ot-w-muted);
      }
      td,
      th {
        padding: 5px 10px;
        white-space: nowrap;
        vertical-align: middle;
      }
      td.bundle {
        white-space: normal;
        width: 40%;
      }
      tbody tr {
        cursor: pointer;
      }
      tbody tr:hover {
        background: var(--ot-w-hover);
      }
      tbody tr.overdue {
        background: #fff8f7;
      }
      tbody tr.overdue:hover {
        background: #fdeeec;
      }
      td.number button {
        font-family: var(--ot-w-mono);
        font-size: 13px;
        padding: 1px 4px;
        min-height: 24px;
        color: var(--ot-w-primary);
        border-color: transparent;
        background: transparent;
        text-decoration: underline;
        text-underline-offset: 2px;
      }
      .deadline {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
      }
      .deadline .left {
        color: var(--ot-w-muted);
        font-size: 12px;
      }
      .deadline--soon .left {
        color: var(--ot-w-warning);
        font-weight: 600;
      }
      .deadline--overdue .left {
        color: var(--ot-w-error);
        font-weight: 600;
      }
      .empty,
      .message {
        padding: 24px 12px;
        color: var(--ot-w-muted);
      }
      .message.error {
        color: var(--ot-w-error);
      }
      /* Narrow (a phone): each row is a card of "column: value" lines. The labels are generated
         content with an empty alternative (screen readers hear the column headers, which stay in
         the accessibility tree; the ARIA table roles keep the table once display changes). */
      @container (max-width: 600px) {
        table,
        tbody,
        tr,
        td {
          display: block;
        }
        thead,
        thead tr,
        thead th {
          position: absolute;
          width: 1px;
          height: 1px;
          padding: 0;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        tbody tr {
          padding: 8px 12px;
          border-top: 1px solid var(--ot-w-line);
        }
        td,
        td.bundle {
          display: grid;
          grid-template-columns: minmax(6em, 30%) 1fr;
          gap: 8px;
          align-items: baseline;
          width: auto;
          padding: 2px 0;
          border: 0;
          white-space: normal;
          overflow-wrap: anywhere;
        }
        td::before {
          content: attr(data-label) / '';
          font-size: 12px;
          color: var(--ot-w-muted);
        }
        td.number button {
          justify-self: start;
        }
      }
      .pages {
        display: flex;
        gap: 8px;
        align-items: center;
        justify-content: flex-end;
        padding: 10px 12px;
        font-size: 13px;
      }
    `,
  ];

  @property({ attribute: false }) accessor client: WorkbenchClient | undefined;
  @property({ attribute: false }) accessor session: Session | undefined;
  @property({ attribute: false }) accessor directory: Directory | undefined;
  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';

  @state() private accessor stateFilter: StateFilter = 'mine';
  @state() private accessor deadlineFilter: DeadlineFilter = 'any';
  @state() private accessor region = '';
  @state() private accessor department = '';
  @state() private accessor items: ApplicationSummary[] = [];
  @state() private accessor next: string | null = null;
  /** Cursors of the pages before this one ('' for the first). */
  @state() private accessor cursors: string[] = [];
  @state() private accessor loading = false;
  @state() private accessor error = '';
  @state() private accessor loadedAt = '';
  private cursor = '';
  private request = 0;
  private readonly names = new DivisionNames(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('session')) && this.client && this.session) {
      this.cursor = '';
      this.cursors = [];
      void this.load();
    }
  }

  /**
   * Loads the current page again (the Refresh button; after an action elsewhere).
   * @example await queue.refresh()
   */
  async refresh(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    const client = this.client;
    const session = this.session;
    if (!client || !session) return;
    const mine = ++this.request;
    this.loading = true;
    const now = new Date().toISOString();
    const query = queueQuery(session, { state: this.stateFilter, deadline: this.deadlineFilter, region: this.region, department: this.department }, now);
    if (this.cursor) query.after = this.cursor;
    try {
      const page = await client.queue(query);
      if (mine !== this.request) return;
      this.items = page.items;
      this.next = page.next;
      this.error = '';
      this.loadedAt = now;
    } catch (error) {
      if (mine !== this.request) return;
      this.items = [];
      this.next = null;
      this.error = error instanceof ApiError ? (error.status === 0 ? t(this.locale, 'networkError') : `${error.message} (${error.code})`) : String(error);
      if (error instanceof ApiError) emit(this, 'ot-api-error', { error });
    } finally {
      if (mine === this.request) this.loading = false;
    }
  }

  private refilter(change: () => void): void {
    change();
    this.cursor = '';
    this.cursors = [];
    void this.load();
  }

  private page(direction: 1 | -1): void {
    if (direction === 1 && this.next) {
      this.cursors = [...this.cursors, this.cursor];
      this.cursor = this.next;
    } else if (direction === -1 && this.cursors.length) {
      this.cursor = this.cursors.at(-1)!;
      this.cursors = this.cursors.slice(0, -1);
    } else return;
    void this.load();
  }

  private queueTitle(): string {
    const l = this.locale;
    const s = this.session;
    if (!s || s.kind === 'admin') return t(l, 'queueTitleAdmin');
    if (s.kind === 'clerk') return t(l, 'queueTitleClerk');
    const department = this.department || s.departments[0] || '';
    return t(l, 'queueTitleReviewer', { department: tx(l, this.directory?.department(department)) || department });
  }

  private filters() {
    const l = this.locale;
    const s = this.session!;
    const option = (value: string, label: string, current: string) => html`<option value=${value} ?selected=${value === current}>${label}</option>`;
    const stateLabel = (key: 'reception' | 'supplement' | 'processing') => tx(l, applicationStateTitle(key));
    const departments = s.kind === 'admin' ? (this.directory?.departments() ?? []).map((d) => d.id) : s.kind === 'reviewer' ? s.departments : [];
    return html`<form class="bar" role="search" aria-label=${t(l, 'filters')} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="f-state">${t(l, 'state')}</label>
        <select id="f-state" @change=${(e: Event) => this.refilter(() => (this.stateFilter = (e.target as HTMLSelectElement).value as StateFilter))}>
          ${s.kind !== 'admin' ? option('mine', t(l, s.kind === 'clerk' ? 'filterMineClerk' : 'filterMineReviewer'), this.stateFilter) : nothing}
          ${option('reception', stateLabel('reception'), this.stateFilter)} ${option('supplement', stateLabel('supplement'), this.stateFilter)}
          ${option('processing', stateLabel('processing'), this.stateFilter)} ${option('open', t(l, 'allOpen'), this.stateFilter)}
          ${option('closed', t(l, 'closed'), this.stateFilter)}
        </select>
      </div>
      <div class="field">
        <label for="f-deadline">${t(l, 'deadline')}</label>
        <select id="f-deadline" @change=${(e: Event) => this.refilter(() => (this.deadlineFilter = (e.target as HTMLSelectElement).value as DeadlineFilter))}>
          ${option('any', t(l, 'anyDeadline'), this.deadlineFilter)} ${option('overdue', t(l, 'overdueOnly'), this.deadlineFilter)}
          ${option('today', t(l, 'dueToday'), this.deadlineFilter)} ${option('within3', t(l, 'dueWithin', { n: 3 }), this.deadlineFilter)}
        </select>
      </div>
      ${s.kind === 'admin'
        ? html`<div class="field">
            <label for="f-region">${t(l, 'regionCode')}</label>
            <input
              id="f-region"
              inputmode="numeric"
              maxlength="6"
              size="8"
              pattern="[0-9]{6}"
              placeholder=${t(l, 'allRegions')}
              .value=${this.region}
              @change=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value.trim();
                if (value === '' || /^\d{6}$/.test(value)) this.refilter(() => (this.region = value));
              }}
            />
          </div>`
        : html`<div class="field">
            <span class="label" id="f-region-label">${t(l, 'region')}</span>
            <span class="static region" aria-labelledby="f-region-label">${regionLabel(l, s.region)}</span>
          </div>`}
      ${departments.length > 1
        ? html`<div class="field">
            <label for="f-department">${t(l, 'department')}</label>
            <select id="f-department" @change=${(e: Event) => this.refilter(() => (this.department = (e.target as HTMLSelectElement).value))}>
              ${s.kind === 'admin' ? option('', t(l, 'anyDepartment'), this.department) : nothing}
              ${departments.map((d) => option(d, tx(l, this.directory?.department(d)) || d, this.department || (s.kind === 'admin' ? '' : s.departments[0]!)))}
            </select>
          </div>`
        : nothing}
      <div class="tools">
        <button type="button" @click=${() => void this.load()} ?disabled=${this.loading}>${t(l, 'refresh')}</button>
      </div>
    </form>`;
  }

  private row(app: ApplicationSummary, now: string) {
    const l = this.locale;
    const overdue = app.nextDeadline !== null && app.status === 'open' && Date.parse(app.nextDeadline) <= Date.parse(now);
    const number = shortNumber(app.id);
    const open = () => emit(this, 'ot-open-application', { id: app.id });
    return html`<tr role="row" class=${overdue ? 'overdue' : ''} data-id=${app.id} @click=${open}>
      <td role="cell" class="number" data-label=${t(l, 'colNumber')}>
        <button type="button" aria-label=${t(l, 'openApplication', { number })} title=${app.id} @click=${(e: Event) => (e.stopPropagation(), open())}>${number}</button>
      </td>
      <td role="cell" class="bundle" data-label=${t(l, 'colBundle')}>${tx(l, this.directory?.bundle(app.bundle.id)) || app.bundle.id}</td>
      <td role="cell" data-label=${t(l, 'colApplicant')}>${app.applicantName ?? '—'}</td>
      <td role="cell" data-label=${t(l, 'colState')}>${tx(l, applicationStateTitle(app.state))}</td>
      <td role="cell" data-label=${t(l, 'colSubmitted')}>${formatDateTime(app.submittedAt)}</td>
      <td role="cell" data-label=${t(l, 'colDeadline')}>${app.status === 'open' ? deadlineCell(l, app.nextDeadline, now) : html`<span class="muted">—</span>`}</td>
    </tr>`;
  }

  override render() {
    const l = this.locale;
    if (!this.session) return nothing;
    const now = new Date().toISOString();
    return html`<section class="card" aria-label=${this.queueTitle()}>
      ${this.filters()}
      <div class="meta">
        <span>${t(l, 'sortedByDeadline')}</span>
        <span role="status">${this.loading ? t(l, 'loading') : this.loadedAt ? t(l, 'refreshedAt', { time: formatDateTime(this.loadedAt).slice(11) }) : ''}</span>
      </div>
      ${this.error
        ? html`<p class="message error" role="alert">${t(l, 'loadFailed', { reason: this.error })}</p>`
        : html`<table role="table" aria-label=${this.queueTitle()}>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col">${t(l, 'colNumber')}</th>
                <th role="columnheader" scope="col">${t(l, 'colBundle')}</th>
                <th role="columnheader" scope="col">${t(l, 'colApplicant')}</th>
                <th role="columnheader" scope="col">${t(l, 'colState')}</th>
                <th role="columnheader" scope="col">${t(l, 'colSubmitted')}</th>
                <th role="columnheader" scope="col">${t(l, 'colDeadline')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${this.items.map((app) => this.row(app, now))}
            </tbody>
          </table>
          ${!this.loading && this.items.length === 0 ? html`<p class="empty">${t(l, 'emptyQueue')}</p>` : nothing}`}
      <nav class="pages" aria-label=${t(l, 'pages')}>
        <button type="button" ?disabled=${!this.cursors.length || this.loading} @click=${() => this.page(-1)}>${t(l, 'previousPage')}</button>
        <span>${t(l, 'pageN', { n: this.cursors.length + 1 })}</span>
        <button type="button" ?disabled=${!this.next || this.loading} @click=${() => this.page(1)}>${t(l, 'nextPage')}</button>
      </nav>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-queue': OtQueue;
  }
}
