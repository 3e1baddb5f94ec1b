import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Json, Locale, VersionChange } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { checkCandidate, isVersion, type PublishPlan } from '../model/versioning.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/**
 * The publish dialog: what changed since the last published version (breaking changes first,
 * from the engine's compatibility check), the bump they need, the suggested version, and a
 * version field checked as the server will check it.
 * @fires ot-publish-confirm - `{ version }`
 * @fires ot-publish-cancel
 */
@customElement('ot-publish-dialog')
export class OtPublishDialog extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      dialog {
        border: 1px solid var(--ot-d-line-strong);
        border-radius: 8px;
        padding: 0;
        width: min(640px, 92vw);
        box-shadow: 0 12px 40px rgba(20, 30, 50, 0.25);
        color: var(--ot-d-text);
      }
      dialog::backdrop {
        background: rgba(20, 30, 50, 0.35);
      }
      header,
      footer {
        padding: 12px 16px;
        border-bottom: 1px solid var(--ot-d-line);
      }
      footer {
        border-bottom: 0;
        border-top: 1px solid var(--ot-d-line);
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      .content {
        padding: 12px 16px;
        display: flex;
        flex-direction: column;
        gap: 10px;
        max-height: 60vh;
        overflow: auto;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 18px;
        font-size: 13px;
      }
      .breaking li::marker {
        color: var(--ot-d-error);
      }
      .level {
        font-weight: 600;
      }
      .problem {
        color: var(--ot-d-error);
        font-size: 13px;
      }
      .intro {
        font-size: 13px;
        color: var(--ot-d-muted);
      }
    `,
  ];

  @property() accessor locale: Locale = 'zh-CN';
  @property() accessor definitionId = '';
  @property({ attribute: false }) accessor plan: PublishPlan | undefined;
  @property({ attribute: false }) accessor published: Array<{ version: string; body: Json | undefined }> = [];
  @property({ attribute: false }) accessor draft: object | undefined;
  /** A refusal from the server to show (localised message). */
  @property() accessor error = '';
  @property({ type: Boolean }) accessor busy = false;

  @state() private accessor version = '';
  @query('dialog') private accessor dialog!: HTMLDialogElement;

  /** Opens the dialog with the plan's suggested version. */
  async show(): Promise<void> {
    this.version = this.plan?.suggested ?? '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#version')?.focus();
  }

  /** Closes the dialog. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private problem(): string {
    const l = this.locale;
    const v = this.version.trim();
    if (!isVersion(v)) return t(l, 'versionInvalid');
    if (this.published.some((p) => p.version === v)) return t(l, 'versionExists', { version: v });
    const check = this.draft ? checkCandidate(this.published, this.draft, v) : null;
    if (check && !check.ok) return t(l, 'versionTooLow', { version: v, suggested: this.plan?.suggested ?? '' });
    return '';
  }

  private list(changes: VersionChange[], breaking: boolean) {
    return html`<ul class=${breaking ? 'breaking' : ''}>
      ${changes.map((c) => html`<li data-change=${c.kind}>${tx(c.message, this.locale)} <span class="mono muted">${c.pointer}</span></li>`)}
    </ul>`;
  }

  override render() {
    const l = this.locale;
    const plan = this.plan;
    const problem = this.problem();
    const breaking = plan?.changes.filter((c) => c.level === 'major') ?? [];
    const other = plan?.changes.filter((c) => c.level !== 'major') ?? [];
    return html`<dialog aria-labelledby="publish-title" @close=${() => emit(this, 'ot-publish-cancel', {})}>
      <header><h2 id="publish-title">${t(l, 'publishTitle', { id: this.definitionId })}</h2></header>
      <div class="content">
        <p class="intro">${t(l, 'publishIntro')}</p>
        ${plan?.previous
          ? html`<p>${t(l, 'comparedWith', { version: plan.previous })} — <span class="level" data-required=${plan.required ?? ''}>${t(l, 'requiredBump', { level: t(l, plan.required ?? 'patch') })}</span></p>
              ${breaking.length ? html`<section aria-label=${t(l, 'breakingChanges')}><h3>${t(l, 'breakingChanges')}</h3>${this.list(breaking, true)}</section>` : nothing}
              ${other.length ? html`<section aria-label=${t(l, 'otherChanges')}><h3>${t(l, 'otherChanges')}</h3>${this.list(other, false)}</section>` : nothing}
              ${plan.changes.length ? nothing : html`<p class="muted">${t(l, 'noChanges')}</p>`}`
          : html`<p>${t(l, 'firstVersion')}</p>`}
        <div class="row">
          <div class="field">
            <label for="version">${t(l, 'newVersion')}</label>
            <input id="version" class="mono" .value=${this.version} aria-invalid=${problem ? 'true' : 'false'} aria-describedby="version-problem" @input=${(e: Event) => (this.version = (e.target as HTMLInputElement).value)} />
          </div>
          ${plan && plan.suggested !== this.version ? html`<button class="quiet" style="align-self:flex-end" @click=${() => (this.version = plan.suggested)}>${t(l, 'useSuggested')} (${plan.suggested})</button>` : nothing}
        </div>
        <p class="problem" id="version-problem" role="alert">${problem || this.error}</p>
      </div>
      <footer>
        <button @click=${() => this.close()}>${t(l, 'cancel')}</button>
        <button class="primary" ?disabled=${Boolean(problem) || this.busy} @click=${() => emit(this, 'ot-publish-confirm', { version: this.version.trim() })}>${t(l, 'confirmPublish', { version: this.version.trim() })}</button>
      </footer>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-publish-dialog': OtPublishDialog;
  }
}
