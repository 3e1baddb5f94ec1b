import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import type { AllowedEvent } from '../api/types.js';
import { actionTargets, actionTitle } from '../model/actions.js';
import { t, tx } from '../i18n/strings.js';
import { charCount, charCountStyles, tooLong } from '../render/char-count.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';
import type { PreviewEntry } from '../model/supplement.js';

/** The most the engine keeps of an action's reason (and the dialog allows of a comment). */
const MAX_EVENT_TEXT = 2000;

/** `ot-confirm`: the person confirmed the action, with what they wrote. */
export interface ConfirmDetail {
  reason?: string;
  comment?: string;
}

/** What a supplement request will show the applicant: the overall reason, then each entry with the reason beside it. */
export interface SupplementPreview {
  reason?: string;
  fields: PreviewEntry[];
  materials: PreviewEntry[];
}

/**
 * The confirmation of an action before it is sent: what it is, which item, where it leads, that
 * it cannot be undone — with the reason it needs, or an optional comment for the timeline; for a
 * supplement request, the request exactly as the applicant will read it. A modal `<dialog>`:
 * focus moves into it and back, Escape cancels.
 * @fires ot-confirm - `{ reason?, comment? }`
 * @fires ot-cancel - closed without sending
 */
@customElement('ot-event-dialog')
export class OtEventDialog extends LitElement {
  static override styles = [
    charCountStyles,
    tokens,
    controls,
    css`
      dialog {
        width: min(600px, calc(100vw - 32px));
        max-height: calc(100vh - 48px);
        border: 1px solid var(--ot-w-line-strong);
        border-radius: 8px;
        padding: 0;
        color: var(--ot-w-text);
        box-shadow: 0 12px 40px rgba(15, 42, 85, 0.25);
      }
      dialog::backdrop {
        background: rgba(15, 23, 42, 0.45);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 12px;
        padding: 18px 20px;
      }
      h2 {
        font-size: 16px;
      }
      .item {
        color: var(--ot-w-muted);
        font-size: 13px;
      }
      .warn {
        font-size: 13px;
        color: var(--ot-w-warning);
        background: var(--ot-w-warning-soft);
        border-radius: 4px;
        padding: 6px 10px;
      }
      .preview {
        border: 1px solid var(--ot-w-line);
        border-radius: 6px;
        padding: 10px 12px;
        background: var(--ot-w-bg);
        font-size: 13px;
        max-height: 40vh;
        overflow: auto;
      }
      .preview .reason,
      .preview .why {
        white-space: pre-wrap;
      }
      .preview .reason {
        margin: 6px 0;
      }
      .preview .title {
        font-weight: 600;
      }
      .preview ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      .error {
        color: var(--ot-w-error);
        font-size: 13px;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
      }
      textarea {
        min-height: 72px;
      }
    `,
  ];

  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';
  /** The action to confirm. */
  @property({ attribute: false }) accessor event: AllowedEvent | undefined;
  /** The title of the item it is for (absent: the window's). */
  @property() accessor itemTitle = '';
  /** A supplement request's text, for a supplement. */
  @property({ attribute: false }) accessor preview: SupplementPreview | undefined;
  /** Sending: the buttons wait. */
  @property({ type: Boolean }) accessor busy = false;
  /** Why sending failed (shown in the dialog). */
  @property() accessor error = '';

  @state() private accessor text = '';
  @state() private accessor missing = false;
  @query('dialog') private accessor dialog!: HTMLDialogElement;

  /**
   * Opens the dialog (modal) with an empty reason or comment.
   * @example dialog.event = allowed; await dialog.updateComplete; dialog.show()
   */
  show(): void {
    this.text = '';
    this.missing = false;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Closes it (after the action was sent). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error) this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
  }

  private confirm(e: Event): void {
    e.preventDefault();
    const event = this.event;
    if (!event || this.busy) return;
    const text = this.text.trim();
    if (tooLong(text, MAX_EVENT_TEXT)) {
      // the count under the text already says by how much
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    if (event.input === 'reason') {
      if (!text) {
        this.missing = true;
        this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
        return;
      }
      emit<ConfirmDetail>(this, 'ot-confirm', { reason: text });
    } else emit<ConfirmDetail>(this, 'ot-confirm', text ? { comment: text } : {});
  }

  override render() {
    const l = this.locale;
    const event = this.event;
    const title = event ? tx(l, actionTitle(event)) : '';
    const targets = event ? actionTargets(event).map((x) => tx(l, x)) : [];
    const supplement = event?.input === 'supplement';
    const reason = event?.input === 'reason';
    return html`<dialog
      aria-labelledby="dialog-title"
      @cancel=${(e: Event) => {
        if (this.busy) e.preventDefault();
      }}
      @close=${() => emit(this, 'ot-cancel', {})}
    >
      ${event
        ? html`<form novalidate @submit=${this.confirm}>
            <h2 id="dialog-title">${t(l, 'confirmTitle', { action: title })}</h2>
            <p class="item">${this.itemTitle || t(l, 'windowActions')}</p>
            ${targets.length ? html`<p>${t(l, 'leadsTo', { states: targets.join(t(l, 'or')) })}</p>` : nothing}
            ${supplement && this.preview
              ? html`<div class="preview" role="region" aria-label=${t(l, 'applicantWillSee')} tabindex="0">
                  <strong>${t(l, 'applicantWillSee')}</strong>
                  ${this.preview.reason ? html`<p class="reason">${this.preview.reason}</p>` : nothing}
                  ${this.preview.fields.length ? html`<div>${t(l, 'fieldsLabel')}</div>${entries(this.preview.fields, l)}` : nothing}
                  ${this.preview.materials.length ? html`<div>${t(l, 'materialsLabel')}</div>${entries(this.preview.materials, l)}` : nothing}
                </div>`
              : html`<div class="field">
                  <label for="dialog-text">${t(l, reason ? 'reasonRequired' : 'commentOptional')}</label>
                  <textarea
                    id="dialog-text"
                    aria-required=${reason ? 'true' : 'false'}
                    aria-invalid=${this.missing || tooLong(this.text, MAX_EVENT_TEXT) ? 'true' : 'false'}
                    aria-describedby=${this.missing ? 'dialog-missing dialog-count' : 'dialog-count'}
                    .value=${this.text}
                    @input=${(e: Event) => {
                      this.text = (e.target as HTMLTextAreaElement).value;
                      if (this.text.trim()) this.missing = false;
                    }}
                  ></textarea>
                  ${this.missing ? html`<p class="error" id="dialog-missing">${t(l, 'reasonMissing')}</p>` : nothing}
                  ${charCount(l, 'dialog-count', this.text, MAX_EVENT_TEXT)}
                </div>`}
            <p class="warn">${t(l, 'confirmIrreversible')}</p>
            ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : nothing}
            <div class="buttons">
              <button type="button" @click=${() => this.close()} ?disabled=${this.busy}>${t(l, 'cancel')}</button>
              <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t(l, 'sending') : t(l, 'confirmAction', { action: title })}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

/** Flagged entries, each with the reason the applicant reads beside it. */
function entries(list: PreviewEntry[], l: Locale) {
  return html`<ul>
    ${list.map((e) => html`<li><span class="title">${e.title}</span>${l === 'en' ? ': ' : '：'}<span class="why">${e.reason}</span></li>`)}
  </ul>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-event-dialog': OtEventDialog;
  }
  interface HTMLElementEventMap {
    'ot-confirm': CustomEvent<ConfirmDetail>;
  }
}
