import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import { ApiError, createClient, type WorkbenchClient } from '../api/client.js';
import { t, tx } from '../i18n/strings.js';
import { directoryOf, type Directory } from '../model/directory.js';
import { regionLabel } from '../render/region.js';
import { readSession, type Session } from '../model/session.js';
import { controls, tokens } from '../styles/theme.js';
import { DivisionNames } from './division-names.js';
import { emit } from './events.js';
import type { OtQueue } from './ot-queue.js';
import './ot-application.js';
import './ot-queue.js';
import './ot-staff-sign-in.js';

/**
 * The workbench of the comprehensive-window clerk (综窗) and the department reviewers: sign-in
 * with a staff token, the queue of applications waiting for them, and one application at a time
 * with the actions the flow allows them — in zh-CN or en. The token's role and department decide
 * what is shown; the server decides what is allowed.
 * @fires ot-token-change - `{ token }` signed in (or out: `token` is '') — hosts decide where to keep it
 * @fires ot-locale-change - `{ locale }` the language was switched
 * @fires ot-route-change - `{ application }` an application was opened ('' for the queue) — hosts may keep it in the address
 * @csspart header - the top bar
 */
@customElement('ot-workbench')
export class OtWorkbench extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--ot-w-bg);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 16px;
        padding: 6px 16px;
        min-height: 48px;
        background: #0f2a55;
        color: #fff;
        flex: 0 0 auto;
      }
      header h1 {
        font-size: 15px;
        font-weight: 700;
        margin: 0;
        white-space: nowrap;
      }
      header .sub {
        font-size: 12px;
        color: #b8c6e0;
        white-space: nowrap;
      }
      header .who {
        margin-left: auto;
        display: flex;
        align-items: center;
        gap: 8px;
        font-size: 12px;
        color: #dbe4f5;
        min-width: 0;
        flex: 0 1 auto;
      }
      header .who > span {
        white-space: nowrap;
      }
      header .who .role {
        background: rgba(255, 255, 255, 0.16);
        color: #fff;
        border-radius: 10px;
        padding: 1px 8px;
        font-weight: 600;
        white-space: nowrap;
      }
      header .who .dept {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 360px;
      }
      header .tools {
        display: flex;
        gap: 4px;
        align-items: center;
      }
      header .tools button {
        background: transparent;
        border-color: transparent;
        color: #dbe4f5;
      }
      header .tools button:hover:not(:disabled) {
        background: rgba(255, 255, 255, 0.2);
        border-color: transparent;
        color: #fff;
      }
      header .tools button[aria-pressed='true'] {
        background: #fff;
        color: #0f2a55;
        font-weight: 600;
      }
      @media (max-width: 900px) {
        header .sub {
          display: none;
        }
      }
      @media (max-width: 600px) {
        header .who {
          flex-wrap: wrap;
          min-width: 0;
        }
        header .who .dept {
          white-space: normal;
          overflow-wrap: anywhere;
        }
      }
      main {
        flex: 1 1 auto;
        padding: 14px 18px 24px;
        max-width: 1480px;
        width: 100%;
        margin: 0 auto;
      }
      .page-title {
        font-size: 16px;
        margin: 0 0 10px;
      }
      .page-title:focus {
        outline: none;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  /** Base URL of the onething server ('' or absent: the page's origin). */
  @property() accessor server = '';
  /** A staff bearer token (clerk, reviewer:<department> or admin); without one the sign-in shows. */
  @property() accessor token = '';
  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';
  /** The open application's id ('' for the queue). */
  @property() accessor application = '';

  @state() private accessor session: Session | undefined;
  @state() private accessor directory: Directory | undefined;
  @state() private accessor signInError = '';
  @query('ot-queue') private accessor queue: OtQueue | null = null;
  private client: WorkbenchClient | undefined;
  private readonly names = new DivisionNames(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('server')) this.start();
  }

  private start(): void {
    if (!this.token) {
      this.session = undefined;
      this.client = undefined;
      return;
    }
    const read = readSession(this.token);
    if ('problem' in read) {
      this.signInError = t(this.locale, 'signInFailed', {
        reason: t(this.locale, read.problem === 'expired' ? 'tokenExpired' : read.problem === 'not-staff' ? 'tokenNotStaff' : 'tokenMalformed'),
      });
      this.signOut();
      return;
    }
    this.signInError = '';
    this.session = read.session;
    this.client = createClient({ server: this.server, token: this.token, locale: () => this.locale });
    void this.client.catalog().then(
      (catalog) => (this.directory = directoryOf(catalog)),
      () => undefined,
    );
  }

  private signIn(token: string): void {
    this.token = token;
    emit(this, 'ot-token-change', { token });
  }

  private signOut(): void {
    this.token = '';
    this.session = undefined;
    this.client = undefined;
    this.application = '';
    emit(this, 'ot-token-change', { token: '' });
  }

  private setLocale(locale: Locale): void {
    this.locale = locale;
    emit(this, 'ot-locale-change', { locale });
  }

  private open(id: string): void {
    this.application = id;
    emit(this, 'ot-route-change', { application: id });
  }

  private back(): void {
    const from = this.application;
    this.application = '';
    emit(this, 'ot-route-change', { application: '' });
    void this.queue?.refresh();
    // focus returns to the row the person came from (or the queue)
    void this.updateComplete.then(() => {
      const row = this.queue?.shadowRoot?.querySelector<HTMLElement>(`tr[data-id="${from}"] button`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('.page-title'))?.focus();
    });
  }

  private onApiError(error: ApiError): void {
    if (error.status === 401) {
      this.signOut();
      this.signInError = t(this.locale, 'sessionEnded');
    }
  }

  private who() {
    const l = this.locale;
    const s = this.session;
    if (!s) return nothing;
    const role = t(l, s.kind === 'clerk' ? 'roleClerk' : s.kind === 'reviewer' ? 'roleReviewer' : 'roleAdmin');
    const departments = s.departments.map((d) => tx(l, this.directory?.department(d)) || d).join('、');
    const region = regionLabel(l, s.region, { code: false });
    return html`<div class="who">
      <span class="role">${role}</span>
      <span class="dept" title=${departments}>${departments || (s.kind === 'clerk' ? t(l, 'anyDepartment') : '')}${departments ? ' · ' : ''}${region}</span>
      <span>${s.name ?? s.sub}</span>
    </div>`;
  }

  override render() {
    const l = this.locale;
    const signedIn = !!this.session && !!this.client;
    return html`<header part="header">
        <h1>${t(l, 'appTitle')}</h1>
        <span class="sub">${t(l, 'appSubtitle')}</span>
        ${signedIn ? this.who() : html`<span class="who"></span>`}
        <div class="tools" role="group" aria-label=${t(l, 'language')}>
          <button aria-pressed=${l === 'zh-CN' ? 'true' : 'false'} lang="zh-CN" @click=${() => this.setLocale('zh-CN')}>中文</button>
          <button aria-pressed=${l === 'en' ? 'true' : 'false'} lang="en" @click=${() => this.setLocale('en')}>English</button>
          ${signedIn ? html`<button @click=${() => this.signOut()}>${t(l, 'signOut')}</button>` : nothing}
        </div>
      </header>
      <main @ot-api-error=${(e: CustomEvent<{ error: ApiError }>) => this.onApiError(e.detail.error)}>
        ${signedIn
          ? html`<div ?hidden=${!!this.application}>
                <h2 class="page-title" tabindex="-1">${this.pageTitle()}</h2>
                <ot-queue
                  .locale=${l}
                  .client=${this.client}
                  .session=${this.session}
                  .directory=${this.directory}
                  @ot-open-application=${(e: CustomEvent<{ id: string }>) => this.open(e.detail.id)}
                ></ot-queue>
              </div>
              ${this.application
                ? html`<ot-application
                    .locale=${l}
                    .client=${this.client}
                    .session=${this.session}
                    .directory=${this.directory}
                    .applicationId=${this.application}
                    @ot-back=${() => this.back()}
                  ></ot-application>`
                : nothing}`
          : html`<ot-staff-sign-in .locale=${l} .error=${this.signInError} @ot-sign-in=${(e: CustomEvent<{ token: string }>) => this.signIn(e.detail.token)}></ot-staff-sign-in>`}
      </main>`;
  }

  private pageTitle(): string {
    const l = this.locale;
    const s = this.session!;
    if (s.kind === 'admin') return t(l, 'queueTitleAdmin');
    if (s.kind === 'clerk') return t(l, 'queueTitleClerk');
    const d = s.departments[0] ?? '';
    return t(l, 'queueTitleReviewer', { department: tx(l, this.directory?.department(d)) || d });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-workbench': OtWorkbench;
  }
}
